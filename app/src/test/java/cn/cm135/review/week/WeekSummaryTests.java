package cn.cm135.review.week;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.process.CycleVariables;
import cn.cm135.review.FormVariables;
import cn.cm135.review.ReviewFixture;
import cn.cm135.rules.Refusal;

/**
 * 周工作小结 (step 15) of April 2037 — 1 April is a Wednesday, no holidays: 22 working days; the week of
 * Monday 30 March has 3 of them in April (1–3), so the week of 6 April ends with 8 elapsed working days.
 * cm1's customer orders (批发价 K 200, N 100):
 * <pre>
 *   2037-03-31 K 999 (the month before: never counted)
 *   2037-04-01 K 100 = 20 000   2037-04-07 N 250 = 25 000   2037-04-10 K 50 = 10 000   → to 04-12: 400 条, 55 000 元
 *   2037-04-13 N 100 = 10 000   2037-04-28 K 500 = 100 000                             → to 04-28: 1 000 条, 165 000 元
 *   last year: 2036-03-31 K 77 (never), 2036-04-02 K 120, 2036-04-13 K 50
 * </pre>
 * Targets of cm1: 1 000 条, 单条值 140.00, key-brand growth 10.00 %.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeekSummaryTests {

    static final YearMonth MONTH = YearMonth.of(2037, 4);
    static final LocalDate SECOND_WEEK = LocalDate.of(2037, 4, 6);
    static final LocalDate LAST_WEEK = LocalDate.of(2037, 4, 27);
    private static final String PROCESS = "test-summarize-week";

    @Autowired WeekSummaryService summaries;
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
    String cm3;
    String deployment;

    @BeforeAll
    void fixture() {
        f = new ReviewFixture(jdbc, "WKS");
        cm1 = f.customerManager("cm1");
        cm2 = f.customerManager("cm2");
        cm3 = f.customerManager("cm3");
        long c1 = f.org.customer("cm1", "C1", 20, "ACTIVE");
        long c2 = f.org.customer("cm2", "C2", 20, "ACTIVE");
        long c3 = f.org.customer("cm3", "C3", 20, "ACTIVE");
        f.org.order(c1, "K", LocalDate.of(2037, 3, 31), 999, "200");
        f.org.order(c1, "K", LocalDate.of(2037, 4, 1), 100, "200");
        f.org.order(c1, "N", LocalDate.of(2037, 4, 7), 250, "100");
        f.org.order(c1, "K", LocalDate.of(2037, 4, 10), 50, "200");
        f.org.order(c1, "N", LocalDate.of(2037, 4, 13), 100, "100");
        f.org.order(c1, "K", LocalDate.of(2037, 4, 28), 500, "200");
        f.org.order(c1, "K", LocalDate.of(2036, 3, 31), 77, "200");
        f.org.order(c1, "K", LocalDate.of(2036, 4, 2), 120, "200");
        f.org.order(c1, "K", LocalDate.of(2036, 4, 13), 50, "200");
        f.target(cm1, MONTH.toString(), 1000, "140.00", "10.00");
        // cm2: 460 条 by 04-12 → 46 % ≥ 36.36 % + 5 → 超前; cm3: 300 条 → 30 % < 31.36 % → 滞后.
        f.org.order(c2, "N", LocalDate.of(2037, 4, 8), 460, "100");
        f.target(cm2, MONTH.toString(), 1000, "100.00", null);
        f.org.order(c3, "N", LocalDate.of(2037, 4, 9), 300, "100");
        f.target(cm3, MONTH.toString(), 1000, "100.00", null);
        identitySync.syncAll(InitialPasswords.USER_ID);

        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_SummarizeWeek").name("周工作小结").camundaAssignee("${customerManagerId}")
                .camundaFormRef("summarize-week").camundaFormRefBinding("latest")
                .camundaTaskListenerDelegateExpression("create", "${summarizeWeekTaskListener}")
                .camundaTaskListenerDelegateExpression("complete", "${summarizeWeekTaskListener}")
                .endEvent()
                .done();
        deployment = repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model)
                .deploy().getId();
    }

    @AfterAll
    void undeploy() {
        repositoryService.deleteDeployment(deployment, true);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSecondWeekIsOnTrackWithItsUnitValueAndKeyBrandGrowth() {
        today(2037, 4, 15);
        WeekSummary s = summaries.prepare(cm1, MONTH, SECOND_WEEK);
        assertThat(s.firstDay()).isEqualTo("2037-04-06");
        assertThat(s.asOf()).isEqualTo("2037-04-12");
        // 100 + 250 + 50 = 400 条; 20 000 + 25 000 + 10 000 = 55 000 元 → 单条值 137.50
        assertThat(s.volume()).isEqualTo(400);
        assertThat(s.amount()).isEqualByComparingTo("55000");
        assertThat(s.unitValue()).isEqualByComparingTo("137.50");
        // key brand 100 + 50 = 150 against 2036-04-01..04-12: 120 → (150 − 120) ÷ 120 = +25.00 %
        assertThat(s.keyBrandGrowth()).isEqualByComparingTo("25.00");
        assertThat(s.volumeTarget()).isEqualTo(1000);
        assertThat(s.unitValueTarget()).isEqualByComparingTo("140.00");
        assertThat(s.keyBrandGrowthTarget()).isEqualByComparingTo("10.00");
        // 8 of 22 working days → 0.3636; 400 ÷ 1000 = 0.4000 → 正常
        assertThat(s.elapsedWorkingDays()).isEqualTo(8);
        assertThat(s.workingDays()).isEqualTo(22);
        assertThat(s.timeProgress()).isEqualByComparingTo("0.3636");
        assertThat(s.volumeProgress()).isEqualByComparingTo("0.4000");
        assertThat(s.suggestedStatus()).isEqualTo("正常");
        assertThat(s.status()).isEqualTo("DRAFT");
        assertThat(summaries.find(cm1, MONTH, SECOND_WEEK)).get().isEqualTo(s);

        assertThat(summaries.prepare(cm2, MONTH, SECOND_WEEK)).extracting(WeekSummary::volume,
                WeekSummary::suggestedStatus, WeekSummary::keyBrandGrowth).containsExactly(460, "超前", null);
        assertThat(summaries.prepare(cm3, MONTH, SECOND_WEEK)).extracting(WeekSummary::volume,
                WeekSummary::suggestedStatus).containsExactly(300, "滞后");
    }

    @Test
    void thePartialLastWeekCountsUpToTodayAndThenUpToTheMonthsEnd() {
        today(2037, 4, 28);
        WeekSummary s = summaries.prepare(cm1, MONTH, LAST_WEEK);
        // Days of the week in April: 27–30; as of today 28: working days 1..28 = 22 − 2 (29, 30) = 20 → 20/22 = 0.9091
        assertThat(s.lastDay()).isEqualTo("2037-04-30");
        assertThat(s.asOf()).isEqualTo("2037-04-28");
        assertThat(s.elapsedWorkingDays()).isEqualTo(20);
        assertThat(s.timeProgress()).isEqualByComparingTo("0.9091");
        // 400 + 100 + 500 = 1000 条 → 1.0000 ≥ 0.9091 + 0.05 → 超前; 165 000 ÷ 1000 = 165.00
        assertThat(s.volume()).isEqualTo(1000);
        assertThat(s.volumeProgress()).isEqualByComparingTo("1.0000");
        assertThat(s.suggestedStatus()).isEqualTo("超前");
        assertThat(s.unitValue()).isEqualByComparingTo("165.00");
        // key 100 + 50 + 500 = 650 against 120 + 50 = 170 (2036-04-01..04-28) → 480 ÷ 170 = +282.35 %
        assertThat(s.keyBrandGrowth()).isEqualByComparingTo("282.35");

        today(2037, 5, 3);
        WeekSummary later = summaries.prepare(cm1, MONTH, LAST_WEEK);
        // Not after the month's last day: 22/22 = 1.0000; 1.0000 < 1.05 and ≥ 0.95 → 正常
        assertThat(later.asOf()).isEqualTo("2037-04-30");
        assertThat(later.timeProgress()).isEqualByComparingTo("1.0000");
        assertThat(later.suggestedStatus()).isEqualTo("正常");

        // The first week starts in March: its April days are 1–5.
        WeekSummary first = summaries.prepare(cm1, MONTH, LocalDate.of(2037, 3, 30));
        assertThat(first.firstDay()).isEqualTo("2037-04-01");
        assertThat(first.asOf()).isEqualTo("2037-04-05");
        assertThat(first.elapsedWorkingDays()).isEqualTo(3);
        assertThat(first.volume()).isEqualTo(100);
    }

    @Test
    void aWeekOutsideTheMonthOrNotStartingOnMondayIsRefused() {
        assertThatThrownBy(() -> summaries.prepare(cm1, MONTH, LocalDate.of(2037, 3, 23)))
                .isInstanceOf(Refusal.class).hasMessage("2037-03-23 开始的一周不在 2037-04 月内");
        assertThatThrownBy(() -> summaries.prepare(cm1, MONTH, LocalDate.of(2037, 4, 7)))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("周开始日期必须是星期一，收到 2037-04-07");
    }

    @Test
    void theTaskShowsTheFiguresAndStoresTheJudgementOnlyWhenComplete() {
        today(2037, 4, 15);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, Map.of(
                CycleVariables.CUSTOMER_MANAGER_ID, cm2, CycleVariables.PERIOD, MONTH.toString(),
                "weekStart", SECOND_WEEK.toString()));
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task.getName()).isEqualTo("周工作小结（2037-04-06 周）");
        Map<String, Object> shown = taskService.getVariablesLocal(task.getId());
        // cm2: 460 条 (N at 100 → 单条值 100.00), no key brand last year, target 1000 / 100.00 / none
        assertThat(shown).containsEntry("weekDays", "2037-04-06 至 2037-04-12").containsEntry("asOf", "2037-04-12")
                .containsEntry("volume", 460L).containsEntry("volumeTarget", "1000").containsEntry("unitValue", "100.00")
                .containsEntry("unitValueTarget", "100.00").containsEntry("keyBrandGrowth", "—")
                .containsEntry("keyBrandGrowthTarget", "—").containsEntry("elapsedWorkingDays", 8L)
                .containsEntry("workingDays", 22L).containsEntry("timeProgress", "36.36%")
                .containsEntry("volumeProgress", "46.00%").containsEntry("suggestedStatus", "超前");
        assertThat(taskService.getVariable(task.getId(), "judgedStatus")).isEqualTo("超前");
        assertThat(taskService.getVariables(task.getId()).keySet()).containsAll(FormVariables.of("summarize-week"));

        Map<String, Object> missing = new HashMap<>(Map.of("judgedStatus", "正常", "rationality", "线路安排合理"));
        assertThatThrownBy(() -> taskService.complete(task.getId(), missing)).hasRootCauseInstanceOf(Refusal.class)
                .rootCause().hasMessage("周工作实施的有效性必须填写");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(summaries.find(cm2, MONTH, SECOND_WEEK).orElseThrow().status()).isEqualTo("DRAFT");

        taskService.complete(task.getId(), Map.of("judgedStatus", "正常", "rationality", "线路安排合理",
                "effectiveness", "重点户均已走访"));
        WeekSummary done = summaries.find(cm2, MONTH, SECOND_WEEK).orElseThrow();
        assertThat(done).extracting(WeekSummary::status, WeekSummary::suggestedStatus, WeekSummary::judgedStatus,
                WeekSummary::rationality, WeekSummary::effectiveness, WeekSummary::summarizedBy, WeekSummary::volume)
                .containsExactly("DONE", "超前", "正常", "线路安排合理", "重点户均已走访", cm2, 460);
        assertThat(done.summarizedAt()).isEqualTo("2037-04-15T09:00");

        assertThatThrownBy(() -> summaries.summarize(cm2, MONTH, SECOND_WEEK,
                new WeekJudgement("滞后", "改", "改"), cm2)).isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.LOCKED))
                .hasMessage(cm2 + " 的 2037-04-06 周工作小结已完成，确定后不能修改");
        assertThat(summaries.prepare(cm2, MONTH, SECOND_WEEK).judgedStatus()).isEqualTo("正常");

        // The printable page lists the week with the customer manager's words.
        ResponseEntity<String> page = rest.withBasicAuth(cm2, cm2)
                .getForEntity("/reports/week-summary/" + MONTH + "?cm=" + cm2, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document html = Jsoup.parse(page.getBody());
        assertThat(html.select("h1").text()).isEqualTo("周工作小结");
        assertThat(html.select("table.report tbody tr").get(0).select("td").eachText()).containsExactly("cm2",
                "2037-04-06", "2037-04-12", "460", "1000", "36.4%", "46.0%", "100.00", "100.00", "—", "—", "超前", "正常",
                "已完成");
        assertThat(html.select(".notes").text()).contains("cm2 · 2037-04-06 周 · 周工作实施的有效性：重点户均已走访");
        assertThat(rest.withBasicAuth(cm1, cm1).getForEntity("/reports/week-summary/" + MONTH + "?cm=" + cm2,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> api = rest.withBasicAuth(f.mm, f.mm).getForEntity("/api/week-summaries/" + cm2 + "/" + MONTH,
                JsonNode.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getBody().get(0).get("judgedStatus").asText()).isEqualTo("正常");
        assertThat(api.getBody().get(0).get("timeProgress").decimalValue()).isEqualByComparingTo("0.3636");
        assertThat(rest.withBasicAuth(cm1, cm1).getForEntity("/api/week-summaries/" + cm2 + "/" + MONTH, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** 09:00 of the day in the app's time zone (the Clock bean reads the engine's clock). */
    private void today(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, month, day).atTime(9, 0).atZone(clock.getZone()).toInstant()));
    }
}
