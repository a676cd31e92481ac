package cn.cm135.visit.marks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.customer.CustomerDirectory;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.strategy.Strategy;
import cn.cm135.planning.strategy.StrategyService;
import cn.cm135.process.CycleVariables;
import cn.cm135.review.results.AdHocTask;
import cn.cm135.review.results.MonthResult;
import cn.cm135.review.results.ResultService;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "任务执行标注与结果提交" (Task_MarkExecution, step 14). On create it shows the month's strategies
 * as a table (★ done with the date, open, dropped), the open ones as the checklist {@code markedStrategies}
 * with one date {@code strategiesDoneOn}, the ● ad-hoc tasks as the dynamic list {@code adHocTasks}, and the
 * market manager's reason when the results came back rejected. On complete (结果提交) it marks the checked
 * strategies ★, stores the ad-hoc tasks and submits the results; a refusal keeps the task open and changes
 * nothing (the engine's transaction rolls back).
 */
@Component
class MarkExecutionTaskListener extends StepTaskListener {

    static final String MARKED = "markedStrategies";
    static final String DONE_ON = "strategiesDoneOn";
    static final String AD_HOC = "adHocTasks";

    private final MarkService marks;
    private final StrategyService strategies;
    private final ResultService results;
    private final CustomerDirectory customers;
    private final ObjectMapper json;
    private final Clock clock;

    MarkExecutionTaskListener(MarkService marks, StrategyService strategies, ResultService results,
            CustomerDirectory customers, ObjectMapper json, Clock clock) {
        this.marks = marks;
        this.strategies = strategies;
        this.results = results;
        this.customers = customers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        show(task, CycleVariables.customerManagerId(task), CycleVariables.period(task));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        complete(task, CycleVariables.customerManagerId(task), CycleVariables.period(task));
    }

    private void show(DelegateTask task, String customerManagerId, YearMonth month) {
        task.setName("任务执行标注与结果提交（" + month + "）");
        List<Strategy> all = strategies.strategies(customerManagerId, month);
        MonthResult result = results.get(customerManagerId, month);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("resultsMonth", month.toString());
        shown.put("rejected", result.approval().status() == ApprovalStatus.REJECTED);
        shown.put("resultsRejectionReason", result.approval().rejectionReason());
        shown.put("strategiesDone", all.stream().filter(s -> s.status() == Strategy.Status.DONE).count());
        shown.put("strategiesOpen", all.stream().filter(s -> s.status() == Strategy.Status.OPEN).count());
        shown.put("strategiesDropped", all.stream().filter(s -> s.status() == Strategy.Status.DROPPED).count());
        task.setVariablesLocal(shown);
        task.setVariableLocal("strategyRows", FormData.json(json, all.stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mark", switch (s.status()) {
                case DONE -> "★ " + s.doneOn();
                case OPEN -> "未完成";
                case DROPPED -> "已删除";
            });
            row.put("customer", s.customerName() + "（" + s.licenceNo() + "）");
            row.put("keyPoint", s.keyPoint());
            row.put("type", s.strategyType());
            row.put("spec", s.specLabel());
            row.put("content", s.content() == null ? "" : s.content());
            return row;
        }).toList()));
        task.setVariableLocal("openStrategyOptions", FormData.json(json, all.stream()
                .filter(s -> s.status() == Strategy.Status.OPEN)
                .map(s -> FormData.option(Long.toString(s.id()), s.customerName() + "（" + s.licenceNo() + "）："
                        + s.strategyType() + (s.specCode() == null ? "" : " " + s.specLabel())))
                .toList()));
        task.setVariableLocal("customerOptions", FormData.json(json, customers.activeCustomers(customerManagerId).stream()
                .map(c -> FormData.option(Long.toString(c.id()), c.label())).toList()));
        LocalDate today = LocalDate.now(clock);
        LocalDate defaultDay = today.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : today;
        FormData.editable(task, MARKED, FormData.json(json, List.of()));
        FormData.editable(task, DONE_ON, defaultDay.toString());
        FormData.editable(task, AD_HOC, FormData.json(json, marks.adHocTasks(customerManagerId, month).stream()
                .map(MarkExecutionTaskListener::row).toList()));
    }

    private static Map<String, Object> row(AdHocTask t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer", t.customerId() == null ? "" : t.customerId().toString());
        row.put("doneOn", t.doneOn().toString());
        row.put("description", t.description());
        return row;
    }

    private void complete(DelegateTask task, String customerManagerId, YearMonth month) {
        List<Long> marked = ids(FormData.edited(task, MARKED));
        Object doneOn = FormData.edited(task, DONE_ON);
        Object adHoc = FormData.edited(task, AD_HOC);
        ApprovalStatus status = results.get(customerManagerId, month).approval().status();
        // Submitted (or even approved) meanwhile through REST: the task completes only if it changes nothing.
        boolean submitted = status == ApprovalStatus.SUBMITTED || status.isFrozen();
        if (!marked.isEmpty()) {
            LocalDate on = date(doneOn, DONE_ON, "完成日期");
            marked.forEach(id -> marks.markDone(customerManagerId, month, id, on));
        }
        // Absent (not blank) means a REST client didn't send the list: keep the tasks as they are.
        if (adHoc != null) {
            List<AdHocTaskInput> tasks = new ArrayList<>();
            for (Map<String, Object> row : FormData.rows(json, adHoc, AD_HOC, "临时性任务")) {
                tasks.add(new AdHocTaskInput(FormData.id(row.get("customer"), "customer", "临时性任务的客户"),
                        date(row.get("doneOn"), "doneOn", "临时性任务的完成日期"),
                        row.get("description") == null ? null : row.get("description").toString()));
            }
            if (!submitted || !unchanged(tasks, marks.adHocTasks(customerManagerId, month))) {
                marks.replace(customerManagerId, month, tasks);
            }
        }
        if (!submitted) {
            results.submit(customerManagerId, month);
        }
    }

    private static boolean unchanged(List<AdHocTaskInput> submitted, List<AdHocTask> stored) {
        return submitted.stream().map(t -> List.of(String.valueOf(t.customerId()), String.valueOf(t.doneOn()),
                t.description() == null ? "" : t.description().strip())).toList()
                .equals(stored.stream().map(t -> List.of(String.valueOf(t.customerId()), String.valueOf(t.doneOn()),
                        t.description())).toList());
    }

    /** The checklist's values: a list (Tasklist's Json, or a Java list) of strategy ids as text or numbers. */
    private List<Long> ids(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return List.of();
        }
        Collection<?> values;
        if (raw instanceof Collection<?> list) {
            values = list;
        } else {
            try {
                values = json.readValue(raw.toString(), new TypeReference<List<Object>>() {
                });
            } catch (JsonProcessingException e) {
                throw Refusal.invalid(MARKED, "已完成的策略（" + MARKED + "）必须是策略编号的列表，收到 " + raw);
            }
        }
        return values.stream().map(v -> FormData.id(v, MARKED, "策略编号")).toList();
    }

    private static LocalDate date(Object raw, String field, String label) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        String text = raw.toString().strip();
        try {
            // form-js gives yyyy-MM-dd; a REST client may send a full ISO date-time.
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, label + "应为日期 yyyy-MM-dd，收到 " + raw);
        }
    }
}
