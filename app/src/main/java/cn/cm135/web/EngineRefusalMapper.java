package cn.cm135.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hibernate.StaleStateException;
import org.springframework.dao.ConcurrencyFailureException;

import cn.cm135.rules.Refusal;
import jakarta.annotation.Priority;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Registered in every Jersey application of the app by {@link EngineRefusalMappers}: the engine REST at
 * {@code /engine-rest} and the webapps' own engine API at {@code /camunda/api/engine}, which Tasklist posts its
 * forms to. The engine wraps a listener's refusal twice ("Cannot submit task form …: ENGINE-03051 There was an
 * exception while invoking the TaskListener …") and answers 500. These mappers find the {@link Refusal} in
 * the cause chain and answer what the cm135 API answers for it: 400/409/404/403 with the bare message (and
 * the field). Other client errors keep Camunda's answer; server errors are answered with an error id only
 * (see {@link #answer}). {@code @Priority} puts them ahead of Camunda's mappers for the same exception types.
 */
public final class EngineRefusalMapper {

    private static final Logger log = LoggerFactory.getLogger(EngineRefusalMapper.class);

    private EngineRefusalMapper() {
    }

    @Priority(1)
    public static class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return answer(e);
        }
    }

    @Priority(1)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return answer(e);
        }
    }

    /** Everything else (a NullPointerException in a listener, a failed database): Camunda's catch-all, tamed. */
    @Priority(1)
    public static class OtherExceptions implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return answer(e);
        }
    }

    /**
     * A refusal as cm135 words it; another client error as Camunda words it (its {@code type} field, e.g.
     * {@code AuthorizationException}, is part of the REST API the webapps rely on); a server error — a bug or
     * an outage, never a person's mistake — logged with its stack trace under an id, and answered with that id only:
     * no exception class, message or SQL goes to the browser.
     */
    static Response answer(Throwable e) {
        Refusal refusal = refusal(e);
        if (refusal != null) {
            return response(refusal);
        }
        ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
        if (camunda.getStatus(e).getStatusCode() < 500) {
            return camunda.getResponse(e);
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Engine REST request failed, error id {}", id, e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ServerError");
        body.put("message", "服务器出错（错误编号 " + id + "），本次操作未完成；请稍后重试，如果问题持续，请把错误编号告诉系统管理员");
        body.put("status", 500);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /**
     * The refusal a person should read for {@code e}: a listener's own, or the two things that happen when
     * several people (or tabs, or retries) act on one task at once and are nobody's mistake: the task has just
     * been completed by the other request (Camunda's "Cannot find …"), or both wrote the same rows and
     * this one lost (Camunda's or JPA's optimistic lock). {@code null} for anything else, a real failure.
     */
    static Refusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal;
            }
            if (t instanceof ParseException parse) {
                return Refusal.invalid("deployment", modelProblems(parse));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Completing a task that is gone raises a NullValueException "Cannot find task with id …" (no typed
            // exception in the task commands), the same class as real programming errors: hence the message test.
            if (t instanceof NotFoundException
                    || t instanceof NullValueException && String.valueOf(t.getMessage()).startsWith("Cannot find ")) {
                return Refusal.notFound("要处理的任务或记录已不存在：可能刚被完成或撤回，请刷新任务列表");
            }
            if (t instanceof AuthorizationException denied && onVanishedTask(denied)) {
                // The other request completed the task between this one reading it and checking the permission
                // (completing deletes the task's grants): the task is gone, not forbidden.
                return Refusal.notFound("要处理的任务或记录已不存在：可能刚被完成或撤回，请刷新任务列表");
            }
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
                    || t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Refusal.locked("此任务正被另一个请求同时处理，本次提交未保存；请刷新任务列表查看结果");
            }
        }
        return null;
    }

    /**
     * A model deployed from Modeler that the engine cannot run: what is wrong, where (resource, element, line), in
     * the engine's words, after a Chinese sentence saying that nothing was deployed (a deployment is all or nothing).
     */
    private static String modelProblems(ParseException parse) {
        List<String> problems = new ArrayList<>();
        for (ResourceReport report : parse.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                problems.add(report.getResourceName() + " 第 " + problem.getLine() + " 行"
                        + (problem.getMainElementId() == null ? "" : "（" + problem.getMainElementId() + "）") + "："
                        + problem.getMessage());
            }
        }
        return "模型无法部署，未做任何更改：" + (problems.isEmpty() ? parse.getMessage() : String.join("；", problems));
    }

    /** True when every permission missing is one on a task that no longer exists in any engine of this JVM. */
    private static boolean onVanishedTask(AuthorizationException denied) {
        List<MissingAuthorization> missing = denied.getMissingAuthorizations();
        if (missing.isEmpty() || missing.stream().noneMatch(m -> "Task".equals(m.getResourceType()))) {
            return false;
        }
        for (MissingAuthorization m : missing) {
            if ("Task".equals(m.getResourceType()) && m.getResourceId() != null && taskExists(m.getResourceId())) {
                return false;
            }
        }
        return true;
    }

    private static boolean taskExists(String taskId) {
        for (ProcessEngine engine : ProcessEngines.getProcessEngines().values()) {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            if (configuration.getCommandExecutorTxRequired().execute(
                    context -> context.getTaskManager().findTaskById(taskId)) != null) {
                return true;
            }
        }
        return false;
    }

    static int status(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> 400;
            case LOCKED -> 409;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
        };
    }

    /** Camunda's error shape ({@code type}, {@code message}), which Tasklist shows, plus the field. */
    private static Response response(Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Refusal");
        body.put("message", refusal.getMessage());
        body.put("field", refusal.field());
        body.put("status", status(refusal));
        return Response.status(status(refusal)).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
