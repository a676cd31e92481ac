package cn.cm135.review.month;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.planning.workplan.WorkPlanService;
import cn.cm135.process.CycleVariables;
import cn.cm135.review.FormVariables;
import cn.cm135.review.ReviewFixture;
import cn.cm135.rules.Refusal;

/**
 * 月度工作总结 (step 16) of cm1's April 2037, on the real engine (a test-only process with
 * Task_SummarizeMonth, and one with step 5's Task_ReviewCustomerAnalysis of May), and the improvement
 * measures reaching May's work plan. Hand-written facts (批发价 K 200 key brand, N 100; K 零售指导价 220):
 * <pre>
 *   orders   C1 K 200 (04-03) + C2 K 100 (04-15) + C1 N 500 (04-20) = 800 条, 40 000 + 20 000 + 50 000 = 110 000 元
 *            (C1 K 999 on 05-02 is May's); last April C1 K 250 → key growth (300 − 250) ÷ 250 = +20.00 %
 *   targets  1 000 条, 140.00 元/条, +10.00 %; brand targets K 400 (sold 300 → 75.0 %), N 600 (sold 500 → 83.3 %)
 *   market   假烟 C1 04-03, C2 04-08, 断货 C1 04-10 (假烟 C1 05-02 is May's) → 假烟 2, 断货 1;
 *            K observed 220.00 and 230.00 → mean 225.00, index 225 ÷ 220 = 1.0227 (N's 115.00: not a key spec)
 *   visits   plan C1 4 + C2 2 adjusted to 3 = 7; records C1 04-06, 04-13, 04-20 visited, 04-27 not, C2 04-08 → 4
 *   marks    strategies 1 ★, 2 open, 1 dropped; 2 ● tasks
 * </pre>
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthSummaryTests {

    static final YearMonth MONTH = YearMonth.of(2037, 4);
    static final String MEASURES = "重点户每周走访一次；断货规格提前报备货源";
    private static final String PROCESS = "test-summarize-month";
    private static final String REVIEW_PROCESS = "test-review-analysis-improvements";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MonthSummaryService summaries;
    @Autowired WorkPlanService workPlans;
    @Autowired JdbcTemplate jdbc;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate rest;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired Clock clock;

    ReviewFixture f;
    String cm1;
    String cm2;
    List<String> deployments = new ArrayList<>();

    @BeforeAll
    void fixture() {
        f = new ReviewFixture(jdbc, "MSU");
        cm1 = f.customerManager("cm1");
        cm2 = f.customerManager("cm2");
        long c1 = f.org.customer("cm1", "C1", 20, "ACTIVE");
        long c2 = f.org.customer("cm1", "C2", 10, "ACTIVE");
        String p = MONTH.toString();
        f.org.order(c1, "K", LocalDate.of(2037, 4, 3), 200, "200");
        f.org.order(c2, "K", LocalDate.of(2037, 4, 15), 100, "200");
        f.org.order(c1, "N", LocalDate.of(2037, 4, 20), 500, "100");
        f.org.order(c1, "K", LocalDate.of(2037, 5, 2), 999, "200");
        f.org.order(c1, "K", LocalDate.of(2036, 4, 10), 250, "200");
        f.target(cm1, p, 1000, "140.00", "10.00");
        f.brandTarget(cm1, p, "K", 400);
        f.brandTarget(cm1, p, "N", 600);
        f.anomaly(c1, LocalDate.of(2037, 4, 3), "假烟");
        f.anomaly(c2, LocalDate.of(2037, 4, 8), "假烟");
        f.anomaly(c1, LocalDate.of(2037, 4, 10), "断货");
        f.anomaly(c1, LocalDate.of(2037, 5, 2), "假烟");
        f.price(c1, "K", LocalDate.of(2037, 4, 5), "220.00");
        f.price(c2, "K", LocalDate.of(2037, 4, 6), "230.00");
        f.price(c1, "N", LocalDate.of(2037, 4, 5), "115.00");
        f.visitPlan(cm1, p, "CONFIRMED");
        f.plannedVisits(cm1, p, c1, 4, null);
        f.plannedVisits(cm1, p, c2, 2, 3);
        for (int day : new int[] {6, 13, 20}) {
            f.visitRecord(cm1, p, c1, MONTH.atDay(day), true);
        }
        f.visitRecord(cm1, p, c1, MONTH.atDay(27), false);
        f.visitRecord(cm1, p, c2, MONTH.atDay(8), true);
        f.strategyPlan(cm1, p, "APPROVED");
        f.strategy(c1, cm1, p, "经营分析指导", "OPEN", null);
        f.strategy(c2, cm1, p, "重点帮扶", "OPEN", null);
        f.strategy(c1, cm1, p, "新品培育", "DONE", LocalDate.of(2037, 4, 9));
        f.strategy(c2, cm1, p, "价格规范", "DROPPED", null);
        for (Object[] t : new Object[][] {{c1, 12, "协助处理假烟举报"}, {null, 27, "片区市场检查"}}) {
            jdbc.update("insert into ad_hoc_task (customer_manager_id, period, customer_id, done_on, description, "
                    + "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)", cm1, p, t[0], MONTH.atDay((int) t[1]),
                    t[2], cm1, LocalDateTime.of(2037, 4, 28, 18, 0));
        }
        identitySync.syncAll(InitialPasswords.USER_ID);

        deploy(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_SummarizeMonth").name("月度工作总结").camundaAssignee("${customerManagerId}")
                .camundaFormRef("summarize-month").camundaFormRefBinding("latest")
                .camundaTaskListenerDelegateExpression("create", "${summarizeMonthTaskListener}")
                .camundaTaskListenerDelegateExpression("complete", "${summarizeMonthTaskListener}")
                .endEvent().done(), PROCESS);
        // Step 5's task, create listener only: completing it would lock the month's customer analysis.
        deploy(Bpmn.createExecutableProcess(REVIEW_PROCESS).camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_ReviewCustomerAnalysis").name("客户经营状态分析").camundaAssignee("${customerManagerId}")
                .camundaTaskListenerDelegateExpression("create", "${reviewCustomerAnalysisTaskListener}")
                .endEvent().done(), REVIEW_PROCESS);
    }

    private void deploy(BpmnModelInstance model, String name) {
        deployments.add(repositoryService.createDeployment().name(name).addModelInstance(name + ".bpmn", model)
                .deploy().getId());
    }

    @AfterAll
    void undeploy() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @BeforeEach
    void today() {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2037, 5, 2).atTime(9, 0).atZone(clock.getZone()).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void theTaskShowsTheMonthsFactsAndRefusesASummaryWithoutImprovementMeasures() throws Exception {
        ProcessInstance pi = start(PROCESS, cm1, MONTH);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task.getName()).isEqualTo("月度工作总结（2037-04）");
        Map<String, Object> shown = taskService.getVariablesLocal(task.getId());
        assertThat(taskService.getVariables(task.getId()).keySet()).containsAll(FormVariables.of("summarize-month"));
        assertThat(shown).containsEntry("volume", 800L).containsEntry("volumeTarget", "1000")
                .containsEntry("volumeRate", "80.0%").containsEntry("unitValue", "137.50")
                .containsEntry("unitValueTarget", "140.00").containsEntry("keyBrandGrowth", "+20.00%")
                .containsEntry("keyBrandGrowthTarget", "+10.00%").containsEntry("plannedVisits", "7")
                .containsEntry("doneVisits", 4L).containsEntry("visitRate", "57.1%").containsEntry("strategiesDone", 1L)
                .containsEntry("strategiesOpen", 2L).containsEntry("strategiesDropped", 1L)
                .containsEntry("adHocCount", 2L);
        assertThat(JSON.readTree(shown.get("brandRows").toString()).toString()).isEqualTo("["
                + "{\"area\":\"MSUA-cm1\",\"spec\":\"重点烟（MSUK）\",\"target\":\"400\",\"volume\":300,\"rate\":\"75.0%\"},"
                + "{\"area\":\"MSUA-cm1\",\"spec\":\"普通烟（MSUN）\",\"target\":\"600\",\"volume\":500,\"rate\":\"83.3%\"}]");
        assertThat(JSON.readTree(shown.get("anomalyRows").toString()).toString())
                .isEqualTo("[{\"type\":\"假烟\",\"count\":2},{\"type\":\"断货\",\"count\":1}]");
        assertThat(JSON.readTree(shown.get("priceRows").toString()).toString()).isEqualTo("[{\"spec\":\"重点烟（MSUK）\","
                + "\"observations\":2,\"meanPrice\":\"225.00\",\"guidePrice\":\"220.00\",\"priceIndex\":\"1.0227\"}]");
        assertThat(JSON.readTree(shown.get("adHocRows").toString()).findValuesAsText("description"))
                .containsExactly("协助处理假烟举报", "片区市场检查");

        Map<String, Object> noMeasures = new HashMap<>(Map.of("analysisAccuracy", "预警客户判断准确",
                "goodPractice", "按线路集中走访"));
        assertThatThrownBy(() -> taskService.complete(task.getId(), noMeasures)).rootCause().isInstanceOf(Refusal.class)
                .hasMessage("改进措施必须填写（将显示在下月的客户经营状态分析和月度工作计划中）");
        assertThat(summaries.find(cm1, MONTH).orElseThrow().status()).isEqualTo("DRAFT");
        assertThat(summaries.of(cm1, MONTH)).isEmpty();

        taskService.complete(task.getId(), Map.of("analysisAccuracy", "预警客户判断准确", "planRationality", "拜访次数偏多",
                "goodPractice", "按线路集中走访", "shortcomings", "断货应对慢", "improvementMeasures", MEASURES));
        MonthSummary done = summaries.find(cm1, MONTH).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.summarizedBy()).isEqualTo(cm1);
        assertThat(done.review()).isEqualTo(new MonthReview("预警客户判断准确", "拜访次数偏多", "按线路集中走访", "断货应对慢",
                MEASURES));
        MonthFacts facts = done.facts();
        assertThat(facts.volume()).isEqualTo(800);
        assertThat(facts.amount()).isEqualByComparingTo("110000");
        assertThat(facts.unitValue()).isEqualByComparingTo("137.50");
        assertThat(facts.keyBrandGrowth()).isEqualByComparingTo("20.00");
        assertThat(facts.execution()).extracting(e -> e.plannedVisits(), e -> e.doneVisits(), e -> e.strategiesDone(),
                e -> e.strategiesOpen(), e -> e.strategiesDropped()).containsExactly(7, 4, 1, 2, 1);
        assertThat(jdbc.queryForObject("select ad_hoc_tasks from month_summary where customer_manager_id = ?",
                Integer.class, cm1)).isEqualTo(2);

        assertThatThrownBy(() -> summaries.summarize(cm1, MONTH, new MonthReview(null, null, null, null, "改"), cm1))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.LOCKED))
                .hasMessage(cm1 + " 的 2037-04 月度工作总结已完成，确定后不能修改");
        assertThatThrownBy(() -> summaries.summarize(cm2, MONTH, new MonthReview("长".repeat(2001), null, null, null,
                "改"), cm2)).isInstanceOf(Refusal.class).hasMessage("月分析的准确性最多 2000 字，收到 2001 字");
        assertThat(summaries.find(cm2, MONTH)).isEmpty();
    }

    @Test
    @Order(2)
    void theImprovementMeasuresReachNextMonthsReviewAndWorkPlan() {
        YearMonth may = MONTH.plusMonths(1);
        assertThat(summaries.of(cm1, MONTH)).contains(MEASURES);
        assertThat(workPlans.prepare(cm1, may).values().improvementMeasures()).isEqualTo(MEASURES);
        assertThat(workPlans.prepare(cm2, may).values().improvementMeasures()).isNull();

        ProcessInstance withSummary = start(REVIEW_PROCESS, cm1, may);
        ProcessInstance without = start(REVIEW_PROCESS, cm2, may);
        try {
            assertThat(taskService.getVariableLocal(task(withSummary).getId(), "lastMonthImprovements")).isEqualTo(MEASURES);
            assertThat(FormVariables.of("review-customer-analysis")).contains("lastMonthImprovements");
            assertThat(taskService.getVariableLocal(task(without).getId(), "lastMonthImprovements"))
                    .isEqualTo("上月工作总结尚未完成");
        } finally {
            runtimeService.deleteProcessInstance(withSummary.getId(), "test done");
            runtimeService.deleteProcessInstance(without.getId(), "test done");
        }
    }

    @Test
    @Order(3)
    void thePrintablePageShowsTheSummaryToItsCustomerManagerAndTheirMarketManagerOnly() {
        ResponseEntity<String> page = rest.withBasicAuth(f.mm, f.mm)
                .getForEntity("/reports/month-summary/" + MONTH + "?cm=" + cm1, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document html = Jsoup.parse(page.getBody());
        assertThat(html.select("h1").text()).isEqualTo("月度工作总结");
        assertThat(html.select("h2").eachText()).containsExactly("工作完成情况", "重点品牌目标完成情况");
        // 800 ÷ 1000 = 80.0 %; 4 ÷ 7 = 57.1 %
        assertThat(html.select("table.report").get(0).select("tbody tr").get(0).select("td").eachText()).containsExactly(
                "cm1", "已完成", "800", "1000", "80.0%", "137.50", "140.00", "20.00", "10.00", "7", "4", "57.1%", "1", "2",
                "1", "2");
        assertThat(html.select("table.report").get(1).select("tbody tr").get(0).select("td").eachText()).containsExactly(
                "cm1片区", "cm1", "重点烟（MSUK）", "400", "300", "75.0%");
        assertThat(html.select(".notes").text()).contains("cm1 · 改进措施：" + MEASURES)
                .contains("cm1 · 不足：断货应对慢");
        assertThat(rest.withBasicAuth(cm2, cm2).getForEntity("/reports/month-summary/" + MONTH + "?cm=" + cm1,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> api = rest.withBasicAuth(cm1, cm1).getForEntity("/api/month-summaries/" + cm1 + "/" + MONTH,
                JsonNode.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getBody().get("status").asText()).isEqualTo("DONE");
        assertThat(api.getBody().get("facts").get("volume").asInt()).isEqualTo(800);
        assertThat(api.getBody().get("review").get("improvementMeasures").asText()).isEqualTo(MEASURES);
        assertThat(rest.withBasicAuth(cm2, cm2).getForEntity("/api/month-summaries/" + cm1 + "/" + MONTH, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(cm2, cm2).getForEntity("/api/month-summaries/" + cm2 + "/" + MONTH, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ProcessInstance start(String process, String customerManagerId, YearMonth month) {
        return runtimeService.startProcessInstanceByKey(process, Map.of(CycleVariables.CUSTOMER_MANAGER_ID,
                customerManagerId, CycleVariables.PERIOD, month.toString()));
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }
}
