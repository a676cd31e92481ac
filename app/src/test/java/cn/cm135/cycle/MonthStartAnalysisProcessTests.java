package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
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

import cn.cm135.TestOrganization;
import cn.cm135.brand.analysis.BrandAnalysisService;
import cn.cm135.customer.analysis.CustomerAnalysisService;
import cn.cm135.customer.analysis.CustomerMonthResult;
import cn.cm135.market.analysis.MarketAnalysisService;

/**
 * The month start on the real engine: the analysis of the last complete month (steps 5, 6, 8) runs
 * beside the targets (steps 1, 1a), computed once for the whole marketing centre, and the instance ends
 * when both are done.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthStartAnalysisProcessTests {

    private static final YearMonth MONTH = YearMonth.of(2029, 3);
    private static final YearMonth ANALYSED = YearMonth.of(2029, 2);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CycleService cycles;
    @Autowired CustomerAnalysisService customerAnalysis;
    @Autowired BrandAnalysisService brandAnalysis;
    @Autowired MarketAnalysisService marketAnalysis;
    @Autowired JdbcTemplate jdbc;

    TestOrganization org;
    String marketManager;
    String cm1;
    String cm2;

    @BeforeAll
    void createData() {
        org = new TestOrganization(jdbc, "WIR");
        marketManager = org.department("D1", "mm1", "钱分析");
        cm1 = org.customerManager("D1", "cm1", "孙分析");
        cm2 = org.customerManager("D1", "cm2", "李分析");
        org.spec("S1", "分析烟(硬)", "200", true);
        org.spec("S2", "分析烟(软)", "100", false);
        long c1 = org.customer("cm1", "C1", 20, "ACTIVE");
        long c2 = org.customer("cm1", "C2", 15, "ACTIVE");
        long c3 = org.customer("cm1", "C3", 10, "ACTIVE");
        long x1 = org.customer("cm2", "X1", 10, "ACTIVE");
        // 2029-01 → 2029-02: C1 and X1 steady, C2 grows, C3 collapses.
        int[][] volumes = {{20, 20}, {10, 30}, {30, 2}, {15, 15}};
        long[] customers = {c1, c2, c3, x1};
        for (int i = 0; i < customers.length; i++) {
            org.order(customers[i], "S1", LocalDate.of(2029, 1, 8), volumes[i][0], "200");
            org.order(customers[i], "S2", LocalDate.of(2029, 1, 15), volumes[i][0], "100");
            org.order(customers[i], "S1", LocalDate.of(2029, 2, 5), volumes[i][1], "200");
            org.order(customers[i], "S2", LocalDate.of(2029, 2, 12), volumes[i][1], "100");
        }
    }

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void analysisRunsBesideTheTargetsOncePerMonthAndBothFinishTheMonthStart() throws Exception {
        cycles.startMonth(MONTH);
        ProcessInstance pi = instance(cm1);
        ProcessInstance other = instance(cm2);
        assertThat(pi).isWaitingAt("Task_PrefillTargets", "Task_AnalyseCustomers");

        // Step 5: computed by the first instance, reviewed by the customer manager.
        executeJob(pi, "Task_AnalyseCustomers");
        Task review = task(pi, "Task_ReviewCustomerAnalysis");
        assertThat(review.getAssignee()).isEqualTo(cm1);
        assertThat(review.getName()).isEqualTo("客户经营状态分析（2029-02）");
        List<CustomerMonthResult> rows = customerAnalysis.forCustomerManager(ANALYSED, cm1);
        assertThat(rows).hasSize(3);
        Map<String, Long> levels = rows.stream()
                .collect(Collectors.groupingBy(CustomerMonthResult::capabilityLevel, Collectors.counting()));
        Map<String, Object> shown = taskService.getVariablesLocal(review.getId());
        assertThat(shown).containsEntry("levelExcellent", levels.getOrDefault("优", 0L))
                .containsEntry("levelGood", levels.getOrDefault("良", 0L))
                .containsEntry("levelFair", levels.getOrDefault("中", 0L))
                .containsEntry("levelPoor", levels.getOrDefault("差", 0L))
                .containsEntry("customerCount", 3L);
        long warned = rows.stream().filter(CustomerMonthResult::warning).count();
        assertThat(warned).as("C3 collapsed from 60 to 4 条").isPositive();
        assertThat(shown).containsEntry("warnedCount", warned);
        JsonNode warnedTable = new ObjectMapper().readTree(shown.get("warnedCustomers").toString());
        assertThat(warnedTable).hasSize((int) warned);
        assertThat(warnedTable.findValuesAsText("licence")).allMatch(licence -> licence.startsWith("WIR"));
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("warnedCustomers");
        taskService.complete(review.getId());
        assertThat(customerAnalysis.isLocked(ANALYSED, cm1)).isTrue();

        // Step 6: conclusions are required; confirming locks the brand analysis.
        executeJob(pi, "Task_AnalyseBrands");
        Task brands = task(pi, "Task_ConfirmBrandAnalysis");
        assertThat(brands.getAssignee()).isEqualTo(cm1);
        JsonNode brandRows = new ObjectMapper().readTree(taskService.getVariableLocal(brands.getId(), "brandRows").toString());
        assertThat(brandRows).isNotEmpty();
        assertThatThrownBy(() -> taskService.complete(brands.getId()))
                .hasMessageContaining("请填写品牌分析结论");
        assertThatThrownBy(() -> taskService.complete(brands.getId(), Map.of("brandConclusions", "  ")))
                .hasMessageContaining("请填写品牌分析结论");
        assertThat(brandAnalysis.isLocked(ANALYSED, cm1)).isFalse();
        taskService.complete(brands.getId(), Map.of("brandConclusions", "分析烟(硬)铺货稳定"));
        assertThat(brandAnalysis.isLocked(ANALYSED, cm1)).isTrue();
        assertThat(brandAnalysis.rows(ANALYSED, cm1)).allSatisfy(row -> assertThat(row.conclusions()).isEqualTo("分析烟(硬)铺货稳定"));
        assertThat(runtimeService.getVariable(pi.getId(), "brandConclusions")).isNull();

        // Step 8: each of the customer manager's areas gets the conclusions and is locked.
        executeJob(pi, "Task_AnalyseMarket");
        Task market = task(pi, "Task_ConfirmMarketAnalysis");
        JsonNode marketRows = new ObjectMapper().readTree(taskService.getVariableLocal(market.getId(), "marketRows").toString());
        assertThat(marketRows.findValuesAsText("area")).containsExactly(org.code("A-cm1"));
        assertThatThrownBy(() -> taskService.complete(market.getId())).hasMessageContaining("请填写市场分析结论");
        taskService.complete(market.getId(), Map.of("marketConclusions", "价格稳定，库存合理"));
        assertThat(marketAnalysis.isLocked(ANALYSED, org.code("A-cm1"))).isTrue();
        assertThat(marketAnalysis.row(ANALYSED, org.code("A-cm1")).orElseThrow().conclusions()).isEqualTo("价格稳定，库存合理");
        assertThat(pi).isNotEnded().isWaitingAt("Task_PrefillTargets");

        // The second customer manager's instance reaches the same service tasks: nothing is recomputed.
        List<Map<String, Object>> runsBefore = runs();
        executeJob(other, "Task_AnalyseCustomers");
        taskService.complete(task(other, "Task_ReviewCustomerAnalysis").getId());
        executeJob(other, "Task_AnalyseBrands");
        assertThat(task(other, "Task_ConfirmBrandAnalysis").getAssignee()).isEqualTo(cm2);
        assertThat(runs()).isEqualTo(runsBefore);
        assertThat(runsBefore).extracting(run -> run.get("KIND"))
                .containsExactlyInAnyOrder(MonthlyAnalyses.CUSTOMERS, MonthlyAnalyses.BRANDS, MonthlyAnalyses.MARKET);
        assertThat(brandAnalysis.isLocked(ANALYSED, cm1)).isTrue();

        // Steps 1 and 1a finish the month start.
        executeJob(pi, "Task_PrefillTargets");
        taskService.complete(task(pi, "Task_SetTargets").getId(), Map.of("volume", 65L, "unitValue", 150.5,
                "keyBrandGrowth", 25.0, "visits", 8L));
        Task approve = task(pi, "Task_ApproveTargets");
        assertThat(approve.getAssignee()).isEqualTo(marketManager);
        taskService.complete(approve.getId(), Map.of("targetsDecision", "approve"));
        assertThat(pi).isEnded().hasPassed("Task_LockTargets", "Task_ConfirmMarketAnalysis", "Gateway_MonthStartDone");
    }

    private List<Map<String, Object>> runs() {
        return jdbc.queryForList("select kind, finished_at from analysis_run where period = ? order by kind",
                ANALYSED.toString());
    }

    private ProcessInstance instance(String customerManager) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(CycleVariables.businessKey(customerManager, MONTH)).singleResult();
    }

    private void executeJob(ProcessInstance pi, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).singleResult().getId());
    }

    private Task task(ProcessInstance pi, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }
}
