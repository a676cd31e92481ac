package cn.cm135.planning.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.brand.targets.BrandTarget;
import cn.cm135.brand.targets.BrandTargetService;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;

/**
 * Step 10 on the real engine, entered at Task_SetWorkPlan: the draft drawn from the month's data, the
 * market manager's rejection (reason shown, the customer manager's words kept) and approval, after which
 * the plan is locked for every path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkPlanProcessTests {

    private static final YearMonth MONTH = YearMonth.of(2033, 4);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkPlanService plans;
    @Autowired BrandTargetService brandTargets;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired TestRestTemplate rest;

    TestOrganization org;
    String mm;
    String cm;

    @BeforeAll
    void createData() {
        org = new TestOrganization(jdbc, "WPL");
        mm = org.department("D1", "mm1", "钱计划");
        cm = org.customerManager("D1", "cm1", "孙计划");
        identitySync.syncAll(InitialPasswords.USER_ID);
        org.spec("S1", "计划烟", "150", true);
        // No customer analysis for March, so the grades are the customers' own: 27 and 25 → 25–30 档,
        // 15 → 15–24 档, 14 and ungraded → 1–14 档; the closed customer doesn't count.
        long c1 = org.customer("cm1", "C1", 27, "ACTIVE");
        org.customer("cm1", "C2", 25, "ACTIVE");
        org.customer("cm1", "C3", 15, "ACTIVE");
        org.customer("cm1", "C4", 14, "ACTIVE");
        org.customer("cm1", "C5", null, "ACTIVE");
        org.customer("cm1", "C6", 30, "CLOSED");
        jdbc.update("insert into customer_demand (customer_id, period, need_type, content, urgent, status) "
                + "values (?, '2033-03', '货源', '要货', false, 'CONFIRMED'), (?, '2033-03', '价格', '稳价', true, 'CONFIRMED')",
                c1, c1);
        brandTargets.replace(cm, MONTH, java.util.List.of(new BrandTarget(org.code("A-cm1"), org.code("S1"), 120,
                java.util.List.of(c1))));
    }

    @Test
    void planIsDraftedRejectedWithAReasonThenApprovedAndLocked() {
        AbstractAssertions.init(engine);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CycleVariables.CUSTOMER_MANAGER_ID, cm);
        variables.put(CycleVariables.MARKET_MANAGER_ID, mm);
        variables.put(CycleVariables.PERIOD, MONTH.toString());
        variables.put(CycleVariables.PLAN_DUE_DATE, new Date());
        variables.put(CycleVariables.ESCALATION_DATE, new Date());
        variables.put(CycleVariables.FIRST_MONTH, false);
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(CycleVariables.PROCESS_KEY)
                .businessKey(CycleVariables.businessKey(cm, MONTH)).setVariables(variables)
                .startBeforeActivity("Task_SetWorkPlan").execute();

        Task set = task(pi, "Task_SetWorkPlan");
        assertThat(set.getName()).isEqualTo("月度工作计划（2033-04）");
        assertThat(taskService.getVariablesLocal(set.getId())).containsEntry("customersTop", 2L)
                .containsEntry("customersMiddle", 1L).containsEntry("customersBase", 2L)
                .containsEntry("bandTop", "25–30 档").containsEntry("frequencyTop", 4L).containsEntry("bandBase", "1–14 档");
        // Visits: 2 × 4, 1 × 2, 2 × 1.
        Map<String, Object> draft = taskService.getVariables(set.getId());
        assertThat(draft).containsEntry("visitsTop", 8L).containsEntry("visitsMiddle", 2L).containsEntry("visitsBase", 2L);
        assertThat(taskService.getVariableLocal(set.getId(), "visitsBasis")).isEqualTo("计划拜访合计 12 次：25–30 档 2 户 8 次、"
                + "15–24 档 1 户 2 次、1–14 档 2 户 2 次。建议值按档位规则（档位 25–30 → 4 次，15–24 → 2 次，1–14 → 1 次，"
                + "无档位 → 1 次）逐户合计；下一步的客户拜访计划再为有经营分析指导或品牌策略的客户加访。");
        assertThat((String) draft.get("customerWork")).isEqualTo("落实上月客户直接需求 2 条（货源 1 条、价格 1 条）。");
        assertThat((String) draft.get("brandWork")).isEqualTo("品牌目标：计划烟 120 条（目标客户 1 户）。");
        assertThat((String) draft.get("marketWork")).isEqualTo("上月市场分析尚未生成，走访中采集库存与价格。");

        Map<String, Object> edited = new HashMap<>(draft);
        edited.keySet().retainAll(java.util.List.of(SetWorkPlanTaskListener.EDITABLE));
        edited.put("customerWork", "  ");
        assertThatThrownBy(() -> taskService.complete(set.getId(), edited)).hasMessageContaining("客户方面重点工作必须填写");
        edited.put("customerWork", "走访预警客户，落实需求");
        edited.put("visitsTop", 9L);
        taskService.complete(set.getId(), edited);

        Task approve = task(pi, "Task_ApproveWorkPlan");
        assertThat(approve.getAssignee()).isEqualTo(mm);
        assertThat(approve.getName()).isEqualTo("审核月度工作计划：孙计划（2033-04）");
        assertThat(taskService.getVariablesLocal(approve.getId())).containsEntry("plannedVisits", 13L);
        assertThatThrownBy(() -> taskService.complete(approve.getId(), Map.of("workPlanDecision", "reject")))
                .hasMessageContaining("驳回时必须填写驳回原因");
        taskService.complete(approve.getId(), Map.of("workPlanDecision", "reject", "workPlanRejectionReason", "拜访偏少"));

        Task reopened = task(pi, "Task_SetWorkPlan");
        assertThat(taskService.getVariablesLocal(reopened.getId())).containsEntry("rejected", true)
                .containsEntry("workPlanRejectionReason", "拜访偏少");
        assertThat(taskService.getVariable(reopened.getId(), "visitsTop")).as("the customer manager's words are kept").isEqualTo(9L);
        assertThat(taskService.getVariable(reopened.getId(), "customerWork")).isEqualTo("走访预警客户，落实需求");
        Map<String, Object> again = new HashMap<>(taskService.getVariables(reopened.getId()));
        again.keySet().retainAll(java.util.List.of(SetWorkPlanTaskListener.EDITABLE));
        again.put("visitsTop", 10L);
        taskService.complete(reopened.getId(), again);
        taskService.complete(task(pi, "Task_ApproveWorkPlan").getId(), Map.of("workPlanDecision", "approve"));

        // Step 11 comes after the approval: 27 and 25 → 4, 15 → 2, 14 and ungraded → 1 each = 12 visits.
        Task visits = task(pi, "Task_PlanVisits");
        assertThat(visits.getAssignee()).isEqualTo(cm);
        assertThat(taskService.getVariableLocal(visits.getId(), "plannedTotal")).isEqualTo(12L);
        taskService.complete(visits.getId());
        // The plan phase is over; the implement phase starts with the month's first week (1 April 2033 is a Friday).
        assertThat(pi).hasPassed("EndEvent_PlanApproved");
        Task week = task(pi, "Task_ArrangeWeek");
        assertThat(week.getAssignee()).isEqualTo(cm);
        assertThat(week.getName()).isEqualTo("周工作安排（2033-03-28 周）");
        MonthlyWorkPlan plan = plans.get(cm, MONTH);
        assertThat(plan.approval().status()).isEqualTo(ApprovalStatus.LOCKED);
        assertThat(plan.approval().decidedBy()).isEqualTo(mm);
        assertThat(plan.values().visitsTop()).isEqualTo(10);
        assertThatThrownBy(() -> plans.edit(cm, MONTH, plan.values())).isInstanceOf(Refusal.class).hasMessageContaining("已批准");
        ResponseEntity<Map> refused = rest.withBasicAuth(cm, cm).exchange("/api/work-plans/" + cm + "/" + MONTH,
                HttpMethod.PUT, new HttpEntity<>(Map.of("visitsTop", 1, "visitsMiddle", 1, "visitsBase", 1)), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(plans.get(cm, MONTH).values().visitsTop()).isEqualTo(10);
        assertThat(rest.withBasicAuth(mm, mm).getForEntity("/api/work-plans/" + cm + "/" + MONTH, Map.class).getBody())
                .containsEntry("status", "LOCKED");
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }
}
