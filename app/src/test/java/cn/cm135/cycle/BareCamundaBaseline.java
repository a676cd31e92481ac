package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The yardstick of {@code MonthThroughputBenchmark}: the same number of task completions on a bare Camunda process,
 * on the same engine, database, REST API and thread count. The process is a chain of user tasks and nothing else
 * (no listener, variable, form or service task), deployed with Camunda's model API; each customer manager gets one
 * instance with its tasks assigned to them, and completes them one after the other as a script would: list my task of
 * the instance ({@code GET …/task?assignee=&processInstanceId=}), complete it ({@code POST …/task/{id}/complete}, the
 * call that is timed), again until the chain ends.
 */
final class BareCamundaBaseline {

    static final String KEY = "bench-bare-chain";

    private final ProcessEngine engine;
    private final TestRestTemplate rest;
    private final ObjectMapper json;

    BareCamundaBaseline(ProcessEngine engine, TestRestTemplate rest, ObjectMapper json) {
        this.engine = engine;
        this.rest = rest;
        this.json = json;
    }

    /** One instance of the chain for a person, {@code tasks} long. */
    record Chain(String assignee, String processInstanceId, int tasks) {
    }

    /**
     * Deploys the chains and starts one instance per assignee, {@code completions} tasks in all: as equal as
     * possible, so {@code completions % assignees.size()} chains are one task longer (two process definitions).
     */
    List<Chain> start(List<String> assignees, int completions) {
        int shorter = completions / assignees.size();
        int longer = completions % assignees.size();
        engine.getRepositoryService().createDeployment().name("benchmark: bare user-task chains")
                .addModelInstance(KEY + "-" + shorter + ".bpmn", chain(KEY + "-" + shorter, shorter))
                .addModelInstance(KEY + "-" + (shorter + 1) + ".bpmn", chain(KEY + "-" + (shorter + 1), shorter + 1))
                .deploy();
        List<Chain> chains = new ArrayList<>();
        for (int i = 0; i < assignees.size(); i++) {
            int tasks = i < longer ? shorter + 1 : shorter;
            String pi = engine.getRuntimeService().startProcessInstanceByKey(KEY + "-" + tasks,
                    Map.of("assignee", assignees.get(i))).getId();
            chains.add(new Chain(assignees.get(i), pi, tasks));
        }
        return chains;
    }

    /** A start event, {@code tasks} user tasks assigned to {@code ${assignee}}, an end event. */
    static BpmnModelInstance chain(String key, int tasks) {
        AbstractFlowNodeBuilder<?, ?> node = Bpmn.createExecutableProcess(key).name("Bare chain of " + tasks)
                .camundaHistoryTimeToLive(180).startEvent();
        for (int i = 1; i <= tasks; i++) {
            node = node.userTask("Task_Bare_" + i).name("Bare " + i).camundaAssignee("${assignee}");
        }
        return node.endEvent().done();
    }

    /** Completes every chain through REST on the pool, one chain per worker at a time; every completion is timed. */
    void complete(List<Chain> chains, ExecutorService pool, Completions completions) throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (Chain chain : chains) {
            work.add(() -> {
                TasklistClient person = new TasklistClient(rest, engine.getName(), chain.assignee(), json, completions);
                int done = 0;
                List<Map<String, Object>> tasks;
                while (!(tasks = person.myTasksOfInstance(chain.processInstanceId())).isEmpty()) {
                    ResponseEntity<String> completed = person.tryComplete(PlanPhaseDriver.id(tasks.get(0)), Map.of());
                    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
                    done++;
                }
                assertThat(done).as("tasks of %s", chain).isEqualTo(chain.tasks());
                return null;
            });
        }
        for (Future<Void> done : pool.invokeAll(work, 60, TimeUnit.MINUTES)) {
            done.get();
        }
    }
}
