package cn.cm135.planning.visits;

import static cn.cm135.planning.visits.VisitPlanFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;

/**
 * The user task "客户拜访计划" on the real engine, wired as the lead will wire {@code Task_PlanVisits} (a
 * test-only process: the monthly BPMN isn't this branch's to change): what the form gets on create, what a
 * completion (确定) stores, and that a confirmed plan refuses a changed completion.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitPlanTaskListenerTests {

    private static final String PROCESS = "test-visit-plan";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired VisitPlanService plans;

    @BeforeAll
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_PlanVisits").name("客户拜访计划").camundaAssignee("${customerManagerId}")
                .camundaFormRef("visit-plan").camundaFormRefBinding("latest")
                .camundaTaskListenerDelegateExpression("create", "${visitPlanTaskListener}")
                .camundaTaskListenerDelegateExpression("complete", "${visitPlanTaskListener}")
                .endEvent()
                .done();
        repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
    }

    @Test
    void theTaskShowsTheProposalAndItsCompletionConfirmsTheAdjustedPlan() throws Exception {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VTL");
        ProcessInstance pi = start(f.cm1);
        Task task = task(pi);
        assertThat(task.getName()).isEqualTo("客户拜访计划（2034-02）");
        assertThat(task.getAssignee()).isEqualTo(f.cm1);

        Map<String, Object> shown = taskService.getVariablesLocal(task.getId());
        assertThat(shown).containsEntry("visitMonth", "2034-02").containsEntry("planStatus", "草稿")
                .containsEntry("planConfirmed", false).containsEntry("customerCount", 14L)
                .containsEntry("adjustedCount", 0L).containsEntry("proposedTotal", 35L)
                .containsEntry("plannedTotal", 35L).containsEntry("workingDays", 20L)
                .containsEntry("maxPerWorkingDay", 40L).containsEntry("capacity", 800L)
                .containsEntry("overCapacity", false)
                .containsEntry("capacityMessage", "本月计划拜访 35 次，工作日 20 天 × 40 = 800 次，未超出（尚余 765 次）")
                .containsEntry("frequencyRule", "档位 25–30 → 4 次，15–24 → 2 次，1–14 → 1 次，无档位 → 1 次；有经营分析指导或品牌策略 +1")
                // 4+4+2+2+1+1+4+1+2+1+4+4+1+1 = 32 by grade; C09, C10, C13 raised by their strategies: 35.
                .containsEntry("visitTotals", "本计划 35 次 = 档位规则 32 次 + 服务策略加访 3 次（3 户有经营分析指导或品牌策略，每户 +1）。")
                .containsEntry("negotiatedBasis", "商定总量 = 近三月（2033-11～2034-01）月均 × 季节指数 × 商圈系数，四舍五入到条。"
                        + "季节指数 = 片区去年同月（2033-02）销量 ÷ 近 12 个月（2033-02～2034-01）月均，取自 2034-01 的市场分析；"
                        + "该片区未分析时按同一公式现算，12 个月没有销量时按 1。");
        assertFormFindsItsVariables(taskService.getVariables(task.getId()).keySet());

        JsonNode visitPlan = json(runtimeService.getVariable(pi.getId(), VisitPlanTaskListener.VISIT_PLAN));
        assertThat(visitPlan).hasSize(14);
        assertThat(visitPlan.get(0).toString()).isEqualTo("{\"licence\":\"VTLC01\",\"customer\":\"零售户C01\","
                + "\"route\":\"VTLR-cm1\",\"ruleReason\":\"档位 30 → 4 次\",\"proposedFrequency\":4,"
                + "\"plannedFrequency\":4,\"reason\":\"\"}");
        assertThat(visitPlan.get(8).get("ruleReason").asText()).isEqualTo("档位 20 → 2 次；有经营分析指导策略 +1");
        assertThat(json(runtimeService.getVariable(pi.getId(), VisitPlanTaskListener.OVERRIDES))).isEmpty();
        JsonNode negotiated = json(shown.get("negotiatedRows"));
        assertThat(negotiated).hasSize(3);
        assertThat(negotiated.get(0).toString()).isEqualTo("{\"customer\":\"零售户C01（VTLC01）\",\"spec\":\"拜访烟(硬)\","
                + "\"baseMean\":\"20.00\",\"seasonalIndex\":\"1.9200\",\"computed\":38,\"override\":\"\",\"effective\":38,"
                + "\"reason\":\"\"}");
        assertThat(json(shown.get("customerOptions")).findValuesAsText("value")).hasSize(14)
                .startsWith(Long.toString(f.id("C01"))).endsWith(Long.toString(f.id("C14")));
        assertThat(json(shown.get("keySpecOptions")).findValuesAsText("value")).contains(f.org.code("K1"), f.org.code("K2"))
                .doesNotContain(f.org.code("N1"));

        JsonNode rows = json(shown.get("planRows"));
        assertThat(rows).hasSize(14);
        assertThat(rows.get(0).get("customer").asText()).isEqualTo("零售户C01（VTLC01）");
        assertThat(rows.get(0).get("proposed").asInt()).isEqualTo(4);

        // The form sends only the exceptions, numbers as typed (here 6.0): C01 4 → 6 without a reason.
        String noReason = "[{\"customer\":\"" + f.id("C01") + "\",\"plannedFrequency\":6.0}, {}]";
        String overrides = "[{\"customer\":\"" + f.id("C01") + "\",\"spec\":\"" + f.org.code("K1")
                + "\",\"quantity\":45,\"reason\":\"婚庆旺季\"}]";
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(VisitPlanTaskListener.CHANGES,
                SpinValues.jsonValue(noReason).create(), VisitPlanTaskListener.OVERRIDES, overrides)))
                .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("计划拜访 6 次与建议的 4 次不同，请填写调整原因");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(VisitPlanTaskListener.CHANGES,
                "[{\"plannedFrequency\":3}]"))).hasRootCauseInstanceOf(Refusal.class)
                .hasMessageContaining("调整拜访次数第 1 行：请选择本计划中的客户");
        assertThat(task(pi)).as("the task stays open").isNotNull();
        assertThat(plans.isConfirmed(f.cm1, MONTH)).isFalse();
        assertThat(plans.visits(f.cm1, MONTH)).noneMatch(PlannedVisit::adjusted);

        String withReason = "[{\"customer\":\"" + f.id("C01") + "\",\"plannedFrequency\":6,\"reason\":\"婚庆旺季\"}]";
        taskService.complete(task.getId(), Map.of(VisitPlanTaskListener.CHANGES,
                SpinValues.jsonValue(withReason).create(), VisitPlanTaskListener.OVERRIDES, overrides));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        VisitPlanView plan = plans.plan(f.cm1, MONTH);
        assertThat(plan.status()).isEqualTo("CONFIRMED");
        assertThat(plan.confirmedBy()).isEqualTo(f.cm1);
        assertThat(plan.customers().get(0)).extracting(PlannedVisit::plannedFrequency, PlannedVisit::adjustmentReason)
                .containsExactly(6, "婚庆旺季");
        assertThat(plan.capacity().plannedTotal()).isEqualTo(37);
        assertThat(plan.negotiatedQuantities().get(0)).extracting(NegotiatedQuantityRow::computedQuantity,
                NegotiatedQuantityRow::overrideQuantity, NegotiatedQuantityRow::effectiveQuantity).containsExactly(38, 45, 45);
    }

    @Test
    void aPlanConfirmedMeanwhileCompletesTheTaskOnlyUnchangedAndIsNotProposedAgain() {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VTM");
        ProcessInstance pi = start(f.cm1);
        Task task = task(pi);
        plans.confirm(f.cm1, MONTH, f.cm1);

        JsonNode visitPlan = json(runtimeService.getVariable(pi.getId(), VisitPlanTaskListener.VISIT_PLAN));
        ((ObjectNode) visitPlan.get(0)).put("plannedFrequency", 6).put("reason", "婚庆旺季");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(VisitPlanTaskListener.VISIT_PLAN,
                visitPlan.toString()))).rootCause().isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.LOCKED);
                    assertThat(r.getMessage()).isEqualTo(f.cm1 + " 的 2034-02 客户拜访计划已确定，不能再修改（确定后不能修改）");
                });
        assertThat(plans.visits(f.cm1, MONTH)).noneMatch(PlannedVisit::adjusted);
        taskService.complete(task.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

        // A new brand strategy would raise C05 to 2, but a confirmed plan is shown, not proposed again.
        f.strategy(f.id("C05"), MONTH.toString(), "新品培育", "品牌", "OPEN");
        ProcessInstance again = start(f.cm1);
        Map<String, Object> shown = taskService.getVariablesLocal(task(again).getId());
        assertThat(shown).containsEntry("planStatus", "已确定").containsEntry("planConfirmed", true)
                .containsEntry("proposedTotal", 35L);
        ArrayNode rows = (ArrayNode) json(runtimeService.getVariable(again.getId(), VisitPlanTaskListener.VISIT_PLAN));
        assertThat(rows.get(4).get("proposedFrequency").asInt()).isEqualTo(1);
        runtimeService.deleteProcessInstance(again.getId(), "test done");
    }

    /** Every variable visit-plan.form reads ({{…}} in texts, data sources, option lists, list paths) is there. */
    private static void assertFormFindsItsVariables(Set<String> variables) throws Exception {
        JsonNode form;
        try (InputStream in = new ClassPathResource("forms/visit-plan.form").getInputStream()) {
            form = JSON.readTree(in);
        }
        assertThat(form.get("id").asText()).isEqualTo("visit-plan");
        Set<String> used = new HashSet<>();
        Matcher template = Pattern.compile("\\{\\{#?(?:if )?([a-zA-Z]+)\\}\\}").matcher(form.toString());
        while (template.find()) {
            used.add(template.group(1));
        }
        form.findValues("dataSource").forEach(v -> used.add(v.asText().replace("=", "")));
        form.findValues("valuesKey").forEach(v -> used.add(v.asText()));
        form.findValues("path").forEach(v -> used.add(v.asText()));
        used.remove("if");
        assertThat(used).contains("visitMonth", "capacityMessage", "overCapacity", "negotiatedRows", "customerOptions",
                "keySpecOptions", "planRows", "visitChanges", "negotiatedOverrides");
        assertThat(variables).containsAll(used);
    }

    private ProcessInstance start(String customerManagerId) {
        return runtimeService.startProcessInstanceByKey(PROCESS, CycleVariables.businessKey(customerManagerId, MONTH),
                Map.of(CycleVariables.CUSTOMER_MANAGER_ID, customerManagerId, CycleVariables.PERIOD, MONTH.toString()));
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static JsonNode json(Object variable) {
        try {
            return JSON.readTree(variable.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
