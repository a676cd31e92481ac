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
import cn.cm135.process.CycleVariables;

/**
 * The month start on the real engine: the analysis (steps 2–8; 2 and 3 only in a customer manager's
 * first month) runs beside the targets (steps 1, 1a), the computations once for the whole marketing
 * centre, and the instance ends when both are done.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthStartAnalysisProcessTests {

    private static final YearMonth MONTH = YearMonth.of(2029, 3);
    private static final YearMonth ANALYSED = YearMonth.of(2029, 2);

    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
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
    long c1;
    long c2;
    long c3;
    long x1;

    @BeforeAll
    void createData() {
        org = new TestOrganization(jdbc, "WIR");
        marketManager = org.department("D1", "mm1", "钱分析");
        cm1 = org.customerManager("D1", "cm1", "孙分析");
        cm2 = org.customerManager("D1", "cm2", "李分析");
        org.spec("S1", "分析烟(硬)", "200", true);
        org.spec("S2", "分析烟(软)", "100", false);
        // A key brand nobody bought yet, in the price class of S1 and S2 (TestOrganization: class 3): cm1's
        // customers are its suggested target customers.
        org.spec("S3", "分析烟(新)", "200", true);
        c1 = org.customer("cm1", "C1", 20, "ACTIVE");
        c2 = org.customer("cm1", "C2", 15, "ACTIVE");
        c3 = org.customer("cm1", "C3", 10, "ACTIVE");
        x1 = org.customer("cm2", "X1", 10, "ACTIVE");
        // 2029-01 → 2029-02: C1 and X1 steady, C2 grows, C3 collapses.
        int[][] volumes = {{20, 20}, {10, 30}, {30, 2}, {15, 15}};
        long[] customers = {c1, c2, c3, x1};
        for (int i = 0; i < customers.length; i++) {
            org.order(customers[i], "S1", LocalDate.of(2029, 1, 8), volumes[i][0], "200");
            org.order(customers[i], "S2", LocalDate.of(2029, 1, 15), volumes[i][0], "100");
            org.order(customers[i], "S1", LocalDate.of(2029, 2, 5), volumes[i][1], "200");
            org.order(customers[i], "S2", LocalDate.of(2029, 2, 12), volumes[i][1], "100");
        }
        // Needs collected in February for March: C1 has two (one urgent); step 2 adds one for C2.
        for (Object[] need : new Object[][] {{"货源", "想要更多分析烟(硬)", true}, {"价格", "希望稳定批发价", false}}) {
            jdbc.update("insert into customer_demand (customer_id, period, need_type, content, urgent, status) "
                    + "values (?, '2029-02', ?, ?, ?, 'RECORDED')", c1, need[0], need[1], need[2]);
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
        assertThat(runtimeService.getVariable(pi.getId(), CycleVariables.FIRST_MONTH)).isEqualTo(true);
        assertThat(pi).isWaitingAt("Task_PrefillTargets", "Task_BackfillDemands");

        // Step 2 (first month): a bad row refuses the whole batch; a good batch is recorded.
        Task backfill = task(pi, "Task_BackfillDemands");
        assertThat(backfill.getName()).isEqualTo("补录上月客户直接需求（2029-02）");
        assertThat(taskService.getVariableLocal(backfill.getId(), "recordedCount")).isEqualTo(2L);
        JsonNode options = new ObjectMapper().readTree(taskService.getVariableLocal(backfill.getId(), "customerOptions").toString());
        assertThat(options.findValuesAsText("value")).containsExactly(Long.toString(c1), Long.toString(c2), Long.toString(c3));
        String badRows = "[{\"customerId\":\"" + c2 + "\",\"needType\":\"品牌\",\"content\":\"想进新品\"},"
                + "{\"customerId\":\"" + c3 + "\",\"needType\":\"随便\",\"content\":\"?\"}]";
        assertThatThrownBy(() -> taskService.complete(backfill.getId(), Map.of("newDemands", badRows)))
                .hasMessageContaining("第 2 行").hasMessageContaining("需求类型");
        assertThat(needs("2029-02")).isEqualTo(2);
        taskService.complete(backfill.getId(), Map.of("newDemands",
                "[{\"customerId\":\"" + c2 + "\",\"needType\":\"品牌\",\"content\":\"想进新品\",\"urgent\":false}]"));
        assertThat(needs("2029-02")).isEqualTo(3);

        // Step 3 (first month): February's brand targets, which step 6 measures below.
        Task backfillTargets = task(pi, "Task_BackfillBrandTargets");
        assertThat(backfillTargets.getName()).isEqualTo("补做上月品牌分析目标（2029-02）");
        assertThat(taskService.getVariableLocal(backfillTargets.getId(), "brandTargetMonth")).isEqualTo("2029-02");
        taskService.complete(backfillTargets.getId(), Map.of("brandTargets", "[{\"area\":\"" + org.code("A-cm1")
                + "\",\"spec\":\"" + org.code("S1") + "\",\"targetVolume\":100,\"targetCustomers\":[\"" + c2 + "\",\"" + c3 + "\"]}]"));

        // Step 4: the survey of February's needs; the task refuses to complete while any is unconfirmed.
        Task confirm = task(pi, "Task_ConfirmDemands");
        Map<String, Object> survey = taskService.getVariablesLocal(confirm.getId());
        // Served: C1, C2, C3. Needs: C1 货源 (urgent) and 价格, C2 品牌 → 3 needs of 2 customers, none confirmed.
        assertThat(survey).containsEntry("customersServed", 3L).containsEntry("customersWithNeeds", 2L)
                .containsEntry("needCount", 3L).containsEntry("unconfirmedCount", 3L).containsEntry("topUrgent", "货源 1 条");
        JsonNode surveyRows = new ObjectMapper().readTree(survey.get("surveyRows").toString());
        // 货源: 1 customer of 3 served = 33.33 %.
        assertThat(surveyRows.get(0).get("needType").asText()).isEqualTo("货源");
        assertThat(surveyRows.get(0).get("customers").asInt()).isEqualTo(1);
        assertThat(surveyRows.get(0).get("share").asText()).isEqualTo("33.33%");
        assertThat(surveyRows.get(4).get("customers").asInt()).as("经营指导").isZero();
        assertThatThrownBy(() -> taskService.complete(confirm.getId()))
                .hasMessageContaining("还有 3 条客户直接需求未确认");
        taskService.complete(confirm.getId(), Map.of("confirmDemands", true));
        assertThat(jdbc.queryForList("select distinct d.status from customer_demand d join retail_customer c on c.id = d.customer_id "
                + "where d.period = '2029-02' and c.licence_no like 'WIR%'", String.class)).containsExactly("CONFIRMED");

        // Step 5: computed by the first instance (timed once in cm135.analysis.duration), reviewed by the customer manager.
        long timedBefore = customerAnalysesTimed();
        executeJob(pi, "Task_AnalyseCustomers");
        assertThat(customerAnalysesTimed()).isEqualTo(timedBefore + 1);
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
        // Step 3's target: S1 sold 20 + 30 + 2 = 52 条 of 100 in A-cm1; both target customers (C2, C3) bought it.
        var s1 = brandAnalysis.rows(ANALYSED, cm1).stream().filter(row -> row.specCode().equals(org.code("S1")))
                .findFirst().orElseThrow();
        assertThat(s1.targetVolume()).isEqualTo(100);
        assertThat(s1.targetAttainment()).isEqualByComparingTo("0.5200");
        assertThat(s1.targetCustomers()).isEqualTo(2);
        assertThat(s1.conversionRate()).isEqualByComparingTo("1.0000");

        // Step 7: this month's targets. S3's suggested target customers bought its price class (S1 and S2 are
        // class 3 too) but not S3, December–February: C1 (20 + 20) × 2 specs = 80, C2 (10 + 30) × 2 = 80,
        // C3 (30 + 2) × 2 = 64 条; the tie between C1 and C2 goes by id.
        Task brandTargets = task(pi, "Task_SetBrandTargets");
        assertThat(brandTargets.getName()).isEqualTo("品牌分析目标设置（2029-03）");
        JsonNode suggested = new ObjectMapper().readTree(taskService.getVariableLocal(brandTargets.getId(), "suggestedCustomers").toString());
        List<String> s3Suggestions = new java.util.ArrayList<>();
        suggested.forEach(row -> {
            if (row.get("spec").asText().equals("分析烟(新)")) {
                s3Suggestions.add(row.get("customer").asText() + "=" + row.get("priceClassVolume").asInt());
            }
        });
        assertThat(s3Suggestions).containsExactly("零售户C1（WIRC1）=80", "零售户C2（WIRC2）=80", "零售户C3（WIRC3）=64");
        String foreign = "[{\"area\":\"" + org.code("A-cm1") + "\",\"spec\":\"" + org.code("S3")
                + "\",\"targetVolume\":50,\"targetCustomers\":[\"" + x1 + "\"]}]";
        assertThatThrownBy(() -> taskService.complete(brandTargets.getId(), Map.of("brandTargets", foreign)))
                .hasMessageContaining("不是客户经理");
        taskService.complete(brandTargets.getId(), Map.of("brandTargets", "[{\"area\":\"" + org.code("A-cm1")
                + "\",\"spec\":\"" + org.code("S3") + "\",\"targetVolume\":50,\"targetCustomers\":[\"" + c1 + "\"]}]"));
        assertThat(jdbc.queryForList("select target_volume from brand_target where period = '2029-03' and area_code = ?",
                Integer.class, org.code("A-cm1"))).containsExactly(50);
        assertThat(jdbc.queryForList("select customer_id from brand_target_customer where period = '2029-03' and spec_code = ?",
                Long.class, org.code("S3"))).containsExactly(c1);

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
        taskService.complete(task(other, "Task_BackfillDemands").getId());
        // cm2 backfills February's targets after the centre's brand run: their areas are analysed again.
        taskService.complete(task(other, "Task_BackfillBrandTargets").getId(), Map.of("brandTargets", "[{\"area\":\""
                + org.code("A-cm2") + "\",\"spec\":\"" + org.code("S1") + "\",\"targetVolume\":30,\"targetCustomers\":[\"" + x1 + "\"]}]"));
        taskService.complete(task(other, "Task_ConfirmDemands").getId());
        executeJob(other, "Task_AnalyseCustomers");
        assertThat(customerAnalysesTimed()).as("the month's analysis ran once for both instances").isEqualTo(timedBefore + 1);
        taskService.complete(task(other, "Task_ReviewCustomerAnalysis").getId());
        executeJob(other, "Task_AnalyseBrands");
        assertThat(task(other, "Task_ConfirmBrandAnalysis").getAssignee()).isEqualTo(cm2);
        // X1 bought 15 条 of S1 in February: 15 / 30 = 0.5; the one target customer converted.
        var x1s1 = brandAnalysis.rows(ANALYSED, cm2).stream().filter(row -> row.specCode().equals(org.code("S1")))
                .findFirst().orElseThrow();
        assertThat(x1s1.targetAttainment()).isEqualByComparingTo("0.5000");
        assertThat(x1s1.conversionRate()).isEqualByComparingTo("1.0000");
        assertThat(brandAnalysis.rows(ANALYSED, cm1)).allSatisfy(row -> assertThat(row.locked()).isTrue());
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
        assertThat(pi).hasPassed("Task_LockTargets", "Task_ConfirmMarketAnalysis", "Gateway_MonthStartDone")
                .isWaitingAt("Task_GenerateStrategies");
    }

    @Test
    void aLaterMonthSkipsTheBackfillSteps() {
        cycles.startMonth(MONTH);
        cycles.startMonth(MONTH.plusMonths(1));
        ProcessInstance later = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(CycleVariables.businessKey(cm1, MONTH.plusMonths(1))).singleResult();
        assertThat(runtimeService.getVariable(later.getId(), CycleVariables.FIRST_MONTH)).isEqualTo(false);
        assertThat(later).isWaitingAt("Task_PrefillTargets", "Task_ConfirmDemands");
        Task confirm = task(later, "Task_ConfirmDemands");
        assertThat(confirm.getName()).isEqualTo("确认客户直接需求（2029-03）");
        // No needs were collected in March: nothing to confirm, the task completes.
        assertThat(taskService.getVariableLocal(confirm.getId(), "unconfirmedCount")).isEqualTo(0L);
        taskService.complete(confirm.getId());
        assertThat(later).isWaitingAt("Task_PrefillTargets", "Task_AnalyseCustomers");
        runtimeService.deleteProcessInstance(later.getId(), "test done");
    }

    private int needs(String period) {
        return jdbc.queryForObject("select count(*) from customer_demand d join retail_customer c on c.id = d.customer_id "
                + "where d.period = ? and c.licence_no like 'WIR%'", Integer.class, period);
    }

    private List<Map<String, Object>> runs() {
        return jdbc.queryForList("select kind, finished_at from analysis_run where period = ? order by kind",
                ANALYSED.toString());
    }

    private ProcessInstance instance(String customerManager) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(CycleVariables.businessKey(customerManager, MONTH)).singleResult();
    }

    private long customerAnalysesTimed() {
        io.micrometer.core.instrument.Timer timer = meters.find("cm135.analysis.duration").tag("step", "customers").timer();
        return timer == null ? 0 : timer.count();
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
