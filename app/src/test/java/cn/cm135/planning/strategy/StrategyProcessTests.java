package cn.cm135.planning.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.process.CycleVariables;

/**
 * Step 9 in {@code cycle-135-monthly}, entered at Task_GenerateStrategies: 计划新增 → 调整 (drop with reason,
 * manual add) → 计划提交 → rejected with a reason → adjustments kept → 计划审核 → locked, and only then the
 * monthly work plan (step 10).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategyProcessTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired StrategyService strategies;
    @Autowired SalesRollup rollup;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired ManagementService managementService;

    final ObjectMapper json = new ObjectMapper();
    StrategyFixture f;
    String cm;
    @BeforeAll
    void createCustomers() {
        f = new StrategyFixture(jdbc, "STW");
        cm = f.customerManager("cm", "韩客户");
        long w1 = f.quiet("cm", "W1");
        f.analysis(w1, cm, true, "良", "75.00", 20, "0.5000", "1.2500", 10, "2.0000");
        long w2 = f.quiet("cm", "W2");
        jdbc.update("update retail_customer set personalised_service = '无电话，需上门代订' where id = ?", w2);
        f.observe(w2, f.n, LocalDate.of(2028, 3, 12), null, "110.00");
        f.rollUp(rollup);
    }

    @Test
    void planGoesFromGenerationThroughRejectionWithAdjustmentsKeptToLocked() throws Exception {
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(CycleVariables.PROCESS_KEY)
                .businessKey(CycleVariables.businessKey(cm, StrategyFixture.PLAN))
                .setVariables(Map.of(CycleVariables.CUSTOMER_MANAGER_ID, cm, CycleVariables.MARKET_MANAGER_ID,
                        f.marketManager, CycleVariables.PERIOD, "2028-04", CycleVariables.FIRST_MONTH, false,
                        CycleVariables.PLAN_DUE_DATE, new java.util.Date(), CycleVariables.ESCALATION_DATE, new java.util.Date()))
                .startBeforeActivity("Task_GenerateStrategies").execute();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_GenerateStrategies").singleResult().getId());

        Task adjust = task(pi, "Task_AdjustStrategies");
        assertThat(adjust.getAssignee()).isEqualTo(cm);
        assertThat(adjust.getName()).isEqualTo("调整服务策略（2028-04）");
        assertThat(formService.getDeployedTaskForm(adjust.getId())).isNotNull();
        assertThat(taskService.getVariablesLocal(adjust.getId())).containsEntry("customerCount", 2L)
                .containsEntry("strategyCount", 2L).containsEntry("systemCount", 2L).containsEntry("manualCount", 0L)
                .containsEntry("droppedCount", 0L).containsEntry("strategiesRejectionReason", null);
        ArrayNode shown = (ArrayNode) json.readTree(taskService.getVariableLocal(adjust.getId(), "strategyRows").toString());
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).get("customer").asText()).isEqualTo(f.org.code("W1") + " 零售户W1");
        assertThat(shown.get(0).get("strategy").asText()).isEqualTo("客户 · 经营分析指导");
        assertThat(shown.get(0).get("status").asText()).isEqualTo("有效");
        assertThat(shown.get(1).get("strategy").asText()).isEqualTo("客户 · 个性化服务");
        assertThat(shown.get(1).get("detail").asText()).startsWith("个性化服务需求：无电话，需上门代订 → ");
        JsonNode options = json.readTree(taskService.getVariableLocal(adjust.getId(), "strategyOptions").toString());
        String w2 = shown.get(1).get("id").asText();
        assertThat(options.get(1).get("value").asText()).isEqualTo(w2);
        assertThat(options.get(1).get("label").asText()).isEqualTo(w2 + " · " + f.org.code("W2") + " 零售户W2 · 个性化服务");
        assertThat(runtimeService.getVariable(pi.getId(), "droppedStrategies").toString()).isEqualTo("[]");

        // Drop W2's strategy without a reason: refused, nothing changes, the task stays open.
        ArrayNode drops = json.createArrayNode();
        drops.addObject().put("id", w2);
        drops.addObject();   // an empty row the form added and nobody filled
        ArrayNode manual = json.createArrayNode();
        manual.addObject().put("licenceNo", f.org.code("W2")).put("strategyType", "价格规范").put("specCode", f.n)
                .put("content", "提醒按指导价销售");
        manual.addObject();   // an empty row the form added and nobody filled
        assertThatThrownBy(() -> taskService.complete(adjust.getId(), Map.of(
                "droppedStrategies", SpinValues.jsonValue(drops.toString()).create(), "manualStrategies", manual.toString())))
                .hasMessageContaining("删除策略时必须填写删除原因");
        ArrayNode noId = json.createArrayNode();
        noId.addObject().put("dropReason", "已装电话");
        assertThatThrownBy(() -> taskService.complete(adjust.getId(), Map.of("droppedStrategies", noId.toString())))
                .hasMessageContaining("删除策略第 1 行：请选择要删除的策略");
        ArrayNode unknown = json.createArrayNode();
        unknown.addObject().put("id", "999999").put("dropReason", "已装电话");
        assertThatThrownBy(() -> taskService.complete(adjust.getId(), Map.of("droppedStrategies", unknown.toString())))
                .hasMessageContaining("没有编号为 999999 的策略");
        assertThat(strategies.plan(cm, StrategyFixture.PLAN).getStatus()).isEqualTo(ApprovalStatus.DRAFT);
        assertThat(strategies.strategies(cm, StrategyFixture.PLAN)).hasSize(2)
                .allMatch(s -> s.status() == Strategy.Status.OPEN);

        ((ObjectNode) drops.get(0)).put("dropReason", "已装电话，能自己订货");
        taskService.complete(adjust.getId(), Map.of(
                "droppedStrategies", SpinValues.jsonValue(drops.toString()).create(), "manualStrategies", manual.toString()));
        assertThat(strategies.plan(cm, StrategyFixture.PLAN).getStatus()).isEqualTo(ApprovalStatus.SUBMITTED);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("droppedStrategies", "manualStrategies");

        Task review = task(pi, "Task_ApproveStrategies");
        assertThat(review.getAssignee()).isEqualTo(f.marketManager);
        assertThat(review.getName()).isEqualTo("审核服务策略：韩客户（2028-04）");
        assertThat(formService.getDeployedTaskForm(review.getId())).isNotNull();
        assertThat(taskService.getVariablesLocal(review.getId())).containsEntry("strategyCount", 2L)
                .containsEntry("systemCount", 1L).containsEntry("manualCount", 1L).containsEntry("droppedCount", 1L);
        JsonNode summary = json.readTree(taskService.getVariableLocal(review.getId(), "strategySummary").toString());
        assertThat(summary.toString()).isEqualTo("[{\"type\":\"个性化服务\",\"keyPoint\":\"客户\",\"system\":0,\"manual\":0,\"dropped\":1},"
                + "{\"type\":\"经营分析指导\",\"keyPoint\":\"客户\",\"system\":1,\"manual\":0,\"dropped\":0},"
                + "{\"type\":\"价格规范\",\"keyPoint\":\"市场\",\"system\":0,\"manual\":1,\"dropped\":0}]");
        JsonNode adjustments = json.readTree(taskService.getVariableLocal(review.getId(), "strategyAdjustments").toString());
        assertThat(adjustments).hasSize(2);
        assertThat(adjustments.get(0).get("change").asText()).isEqualTo("删除");
        assertThat(adjustments.get(0).get("note").asText()).isEqualTo("已装电话，能自己订货");
        assertThat(adjustments.get(1).get("change").asText()).isEqualTo("手工新增");
        assertThat(adjustments.get(1).get("spec").asText()).isEqualTo("普通烟（STWN）");

        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("strategiesDecision", "reject")))
                .hasMessageContaining("驳回时必须填写驳回原因");
        taskService.complete(review.getId(), Map.of("strategiesDecision", "reject",
                "strategiesRejectionReason", "W1 还要加一条订货提醒"));
        assertThat(runtimeService.getVariable(pi.getId(), "strategiesDecision")).isNull();

        // Back with the customer manager, reason shown, the drop and the manual strategy still there.
        Task again = task(pi, "Task_AdjustStrategies");
        assertThat(taskService.getVariableLocal(again.getId(), "strategiesRejectionReason")).isEqualTo("W1 还要加一条订货提醒");
        ArrayNode reopened = (ArrayNode) json.readTree(taskService.getVariableLocal(again.getId(), "strategyRows").toString());
        assertThat(reopened).hasSize(3);
        assertThat(reopened.findValues("status")).extracting(JsonNode::asText)
                .containsExactly("有效", "已删除：已装电话，能自己订货", "有效");
        JsonNode kept = json.readTree(runtimeService.getVariable(pi.getId(), "droppedStrategies").toString());
        assertThat(kept.toString()).as("the drop is listed again, so submitting unchanged keeps it")
                .isEqualTo("[{\"id\":\"" + w2 + "\",\"dropReason\":\"已装电话，能自己订货\"}]");
        ArrayNode more = json.createArrayNode();
        more.addObject().put("licenceNo", f.org.code("W1")).put("strategyType", "订货提醒").put("content", "每周一提醒订货");
        taskService.complete(again.getId(), Map.of("droppedStrategies", kept.toString(), "manualStrategies", more.toString()));

        taskService.complete(task(pi, "Task_ApproveStrategies").getId(), Map.of("strategiesDecision", "approve"));
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
                .as("the work plan comes only now").isEqualTo("Task_SetWorkPlan");
        StrategyPlan locked = strategies.plan(cm, StrategyFixture.PLAN);
        assertThat(locked.getStatus()).isEqualTo(ApprovalStatus.LOCKED);
        assertThat(locked.approval().decidedBy()).isEqualTo(f.marketManager);
        assertThat(strategies.strategies(cm, StrategyFixture.PLAN)).extracting(s -> s.licenceNo().substring(3),
                Strategy::strategyType, Strategy::source, Strategy::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("W1", "经营分析指导", Strategy.Source.SYSTEM, Strategy.Status.OPEN),
                        org.assertj.core.groups.Tuple.tuple("W1", "订货提醒", Strategy.Source.MANUAL, Strategy.Status.OPEN),
                        org.assertj.core.groups.Tuple.tuple("W2", "个性化服务", Strategy.Source.SYSTEM, Strategy.Status.DROPPED),
                        org.assertj.core.groups.Tuple.tuple("W2", "价格规范", Strategy.Source.MANUAL, Strategy.Status.OPEN));
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

}
