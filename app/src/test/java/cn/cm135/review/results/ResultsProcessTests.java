package cn.cm135.review.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.process.CycleVariables;
import cn.cm135.review.FormVariables;
import cn.cm135.review.ReviewFixture;
import cn.cm135.rules.Refusal;
import cn.cm135.visit.marks.AdHocTaskInput;
import cn.cm135.visit.marks.MarkService;

/**
 * 任务执行标注 → 结果提交 → 结果审核 (step 14) on the real engine, wired as the lead wires Task_MarkExecution,
 * Task_ApproveResults and Gateway_ResultsApproved (a test-only process): a refused completion changes nothing,
 * a rejection reopens the marking task with the reason, an approval locks the marks.
 *
 * <p>cm1's April 2037: strategies 经营分析指导 (C1, open), 重点帮扶 (C2, open), 新品培育 (C1, ★ 04-03), 价格规范 (C2,
 * dropped); confirmed visit plan C1 4 + C2 2 adjusted to 3 = 7 planned; visit records C1 04-06, 04-13, 04-20
 * visited, 04-27 not reached, C2 04-08 visited = 4 done. Today is 2037-04-28.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsProcessTests {

    static final YearMonth MONTH = YearMonth.of(2037, 4);
    private static final String PROCESS = "test-month-results";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired ResultService results;
    @Autowired MarkService marks;
    @Autowired Clock clock;

    ReviewFixture f;
    String cm;
    long c1;
    long c2;
    long analysisGuidance;
    long support;
    String deployment;
    String cm2;
    long cm2Strategy;

    @BeforeAll
    void fixture() {
        f = new ReviewFixture(jdbc, "RES");
        cm = f.customerManager("cm1");
        c1 = f.org.customer("cm1", "C1", 20, "ACTIVE");
        c2 = f.org.customer("cm1", "C2", 10, "ACTIVE");
        f.strategyPlan(cm, MONTH.toString(), "APPROVED");
        analysisGuidance = f.strategy(c1, cm, MONTH.toString(), "经营分析指导", "OPEN", null);
        support = f.strategy(c2, cm, MONTH.toString(), "重点帮扶", "OPEN", null);
        f.strategy(c1, cm, MONTH.toString(), "新品培育", "DONE", LocalDate.of(2037, 4, 3));
        f.strategy(c2, cm, MONTH.toString(), "价格规范", "DROPPED", null);
        f.visitPlan(cm, MONTH.toString(), "CONFIRMED");
        f.plannedVisits(cm, MONTH.toString(), c1, 4, null);
        f.plannedVisits(cm, MONTH.toString(), c2, 2, 3);
        for (int day : new int[] {6, 13, 20}) {
            f.visitRecord(cm, MONTH.toString(), c1, MONTH.atDay(day), true);
        }
        f.visitRecord(cm, MONTH.toString(), c1, MONTH.atDay(27), false);
        f.visitRecord(cm, MONTH.toString(), c2, MONTH.atDay(8), true);
        cm2 = f.customerManager("cm2");
        long c3 = f.org.customer("cm2", "C3", 20, "ACTIVE");
        f.strategyPlan(cm2, MONTH.toString(), "LOCKED");
        cm2Strategy = f.strategy(c3, cm2, MONTH.toString(), "重点帮扶", "OPEN", null);

        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_MarkExecution").name("任务执行标注与结果提交").camundaAssignee("${customerManagerId}")
                .camundaFormRef("mark-execution").camundaFormRefBinding("latest")
                .camundaTaskListenerDelegateExpression("create", "${markExecutionTaskListener}")
                .camundaTaskListenerDelegateExpression("complete", "${markExecutionTaskListener}")
                .userTask("Task_ApproveResults").name("结果审核").camundaAssignee("${marketManagerId}")
                .camundaFormRef("review-results").camundaFormRefBinding("latest")
                .camundaTaskListenerDelegateExpression("create", "${reviewResultsTaskListener}")
                .camundaTaskListenerDelegateExpression("complete", "${reviewResultsTaskListener}")
                .exclusiveGateway("Gateway_ResultsApproved")
                .condition("审核通过", "${resultsApproved}").endEvent("EndEvent_Done")
                .moveToLastGateway().condition("驳回", "${!resultsApproved}").connectTo("Task_MarkExecution")
                .done();
        deployment = repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model)
                .deploy().getId();
    }

    @AfterAll
    void undeploy() {
        repositoryService.deleteDeployment(deployment, true);
    }

    @BeforeEach
    void today() {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2037, 4, 28).atTime(9, 0).atZone(clock.getZone()).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void marksAreSubmittedRejectedWithAReasonResubmittedApprovedAndThenRefused() throws Exception {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, CycleVariables.businessKey(cm, MONTH),
                Map.of(CycleVariables.CUSTOMER_MANAGER_ID, cm, CycleVariables.MARKET_MANAGER_ID, f.mm,
                        CycleVariables.PERIOD, MONTH.toString()));
        Task mark = task(pi);
        assertThat(mark.getName()).isEqualTo("任务执行标注与结果提交（2037-04）");
        assertThat(mark.getAssignee()).isEqualTo(cm);
        Map<String, Object> shown = taskService.getVariablesLocal(mark.getId());
        assertThat(shown).containsEntry("strategiesDone", 1L).containsEntry("strategiesOpen", 2L)
                .containsEntry("strategiesDropped", 1L).containsEntry("rejected", false);
        assertThat(json(shown.get("strategyRows")).findValuesAsText("mark")).containsExactlyInAnyOrder("★ 2037-04-03",
                "未完成", "未完成", "已删除");
        assertThat(json(shown.get("openStrategyOptions")).findValuesAsText("value"))
                .containsExactlyInAnyOrder(Long.toString(analysisGuidance), Long.toString(support));
        assertThat(taskService.getVariable(mark.getId(), "strategiesDoneOn")).isEqualTo("2037-04-28");
        assertThat(taskService.getVariables(mark.getId()).keySet()).containsAll(FormVariables.of("mark-execution"));

        // A blank ● description is refused after the ★ was set: the whole completion rolls back.
        assertThatThrownBy(() -> taskService.complete(mark.getId(), Map.of(
                "markedStrategies", "[\"" + analysisGuidance + "\"]", "strategiesDoneOn", "2037-04-20",
                "adHocTasks", "[{\"customer\":\"\",\"doneOn\":\"2037-04-12\",\"description\":\" \"}]")))
                .hasRootCauseInstanceOf(Refusal.class).rootCause().hasMessage("第 1 条临时性任务：任务内容必须填写");
        // A ★ date in May is refused as well.
        assertThatThrownBy(() -> taskService.complete(mark.getId(), Map.of(
                "markedStrategies", "[\"" + analysisGuidance + "\"]", "strategiesDoneOn", "2037-05-02")))
                .rootCause().hasMessage("策略编号 " + analysisGuidance + " 的完成日期必须在 2037-04 月内，收到 2037-05-02");
        assertThat(status(analysisGuidance)).isEqualTo("OPEN");
        assertThat(marks.adHocTasks(cm, MONTH)).isEmpty();
        assertThat(results.get(cm, MONTH).approval().status()).isEqualTo(ApprovalStatus.DRAFT);
        assertThat(task(pi).getId()).isEqualTo(mark.getId());

        taskService.complete(mark.getId(), Map.of("markedStrategies", "[\"" + analysisGuidance + "\"]",
                "strategiesDoneOn", "2037-04-20", "adHocTasks",
                "[{\"customer\":\"" + c1 + "\",\"doneOn\":\"2037-04-12\",\"description\":\"协助处理假烟举报\"}]"));
        assertThat(status(analysisGuidance)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select done_on from service_strategy where id = ?", LocalDate.class,
                analysisGuidance)).isEqualTo("2037-04-20");
        assertThat(results.get(cm, MONTH).approval().status()).isEqualTo(ApprovalStatus.SUBMITTED);

        Task review = task(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ApproveResults");
        assertThat(review.getAssignee()).isEqualTo(f.mm);
        assertThat(review.getName()).isEqualTo("结果审核：cm1（2037-04）");
        assertThat(taskService.getVariables(review.getId()).keySet()).containsAll(FormVariables.of("review-results"));
        // ★ 新品培育 + 经营分析指导 = 2, open 重点帮扶 = 1, dropped 1, ● 1; planned 4 + 3 = 7, done 3 + 1 = 4
        assertThat(taskService.getVariablesLocal(review.getId())).containsEntry("strategiesDone", 2L)
                .containsEntry("strategiesOpen", 1L).containsEntry("strategiesDropped", 1L)
                .containsEntry("adHocCount", 1L).containsEntry("plannedVisits", "7").containsEntry("doneVisits", 4L);
        assertThat(json(taskService.getVariableLocal(review.getId(), "adHocRows")).toString()).isEqualTo(
                "[{\"mark\":\"●\",\"doneOn\":\"2037-04-12\",\"customer\":\"零售户C1（RESC1）\",\"description\":\"协助处理假烟举报\"}]");

        // Submitted: marks refuse changes until the market manager decides.
        assertThatThrownBy(() -> marks.add(cm, MONTH, new AdHocTaskInput(null, MONTH.atDay(27), "片区市场检查")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.LOCKED))
                .hasMessage(cm + " 的 2037-04 月工作结果已提交审核，确定后不能修改");

        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("resultsDecision", "reject")))
                .rootCause().hasMessage("驳回时必须填写驳回原因");
        assertThat(results.get(cm, MONTH).approval().status()).isEqualTo(ApprovalStatus.SUBMITTED);
        taskService.complete(review.getId(), Map.of("resultsDecision", "reject",
                "resultsRejectionReason", "请补充本月片区市场检查"));
        assertThat(runtimeService.getVariable(pi.getId(), "resultsApproved")).isEqualTo(false);

        Task again = task(pi);
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_MarkExecution");
        assertThat(taskService.getVariablesLocal(again.getId())).containsEntry("rejected", true)
                .containsEntry("resultsRejectionReason", "请补充本月片区市场检查").containsEntry("strategiesDone", 2L);
        JsonNode tasks = json(taskService.getVariable(again.getId(), "adHocTasks"));
        assertThat(tasks.toString()).isEqualTo("[{\"customer\":\"" + c1
                + "\",\"doneOn\":\"2037-04-12\",\"description\":\"协助处理假烟举报\"}]");
        String twoTasks = tasks.toString().replace("]",
                ",{\"customer\":null,\"doneOn\":\"2037-04-27\",\"description\":\"片区市场检查\"}]");
        taskService.complete(again.getId(), Map.of("adHocTasks", twoTasks));
        assertThat(marks.adHocTasks(cm, MONTH)).extracting(AdHocTask::description, AdHocTask::customerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("协助处理假烟举报", c1),
                        org.assertj.core.groups.Tuple.tuple("片区市场检查", null));

        taskService.complete(task(pi).getId(), Map.of("resultsDecision", "approve"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        MonthResult approved = results.get(cm, MONTH);
        assertThat(approved.approval().status()).isEqualTo(ApprovalStatus.LOCKED);
        assertThat(approved.approval().decidedBy()).isEqualTo(f.mm);
        assertThat(approved.approval().rejectionReason()).isNull();

        // Approved: 确定后不能修改.
        assertThatThrownBy(() -> marks.markDone(cm, MONTH, support, MONTH.atDay(27)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.LOCKED))
                .hasMessage(cm + " 的 2037-04 月工作结果已审核通过，确定后不能修改");
        assertThatThrownBy(() -> marks.replace(cm, MONTH, List.of())).isInstanceOf(Refusal.class);
        assertThat(status(support)).isEqualTo("OPEN");
        assertThat(marks.adHocTasks(cm, MONTH)).hasSize(2);
    }

    @Test
    void resultsSubmittedAndApprovedThroughRestMeanwhileCompleteTheTasksOnlyUnchanged() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, CycleVariables.businessKey(cm2, MONTH),
                Map.of(CycleVariables.CUSTOMER_MANAGER_ID, cm2, CycleVariables.MARKET_MANAGER_ID, f.mm,
                        CycleVariables.PERIOD, MONTH.toString()));
        Task mark = task(pi);
        results.submit(cm2, MONTH);
        assertThatThrownBy(() -> taskService.complete(mark.getId(), Map.of("markedStrategies",
                "[\"" + cm2Strategy + "\"]", "strategiesDoneOn", "2037-04-20"))).rootCause()
                .hasMessage(cm2 + " 的 2037-04 月工作结果已提交审核，确定后不能修改");
        assertThat(status(cm2Strategy)).isEqualTo("OPEN");
        taskService.complete(mark.getId(), Map.of("markedStrategies", "[]", "adHocTasks", "[]"));
        assertThat(results.get(cm2, MONTH).approval().status()).isEqualTo(ApprovalStatus.SUBMITTED);

        results.approve(cm2, MONTH, f.mm);
        taskService.complete(task(pi).getId(), Map.of("resultsDecision", "approve"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(results.get(cm2, MONTH).approval().status()).isEqualTo(ApprovalStatus.LOCKED);
    }

    private String status(long strategyId) {
        return jdbc.queryForObject("select status from service_strategy where id = ?", String.class, strategyId);
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static JsonNode json(Object variable) throws Exception {
        return JSON.readTree(variable.toString());
    }
}
