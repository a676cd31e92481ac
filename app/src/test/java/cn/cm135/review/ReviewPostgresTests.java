package cn.cm135.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.workplan.WorkPlanService;
import cn.cm135.postgres.OwnPostgresDatabase;
import cn.cm135.report.Report;
import cn.cm135.report.ReportContent;
import cn.cm135.report.ReportRequest;
import cn.cm135.report.ReportScope;
import cn.cm135.review.month.MonthFacts;
import cn.cm135.review.month.MonthReview;
import cn.cm135.review.month.MonthSummary;
import cn.cm135.review.month.MonthSummaryService;
import cn.cm135.review.results.ResultService;
import cn.cm135.review.week.WeekJudgement;
import cn.cm135.review.week.WeekSummary;
import cn.cm135.review.week.WeekSummaryService;
import cn.cm135.visit.marks.AdHocTaskInput;
import cn.cm135.visit.marks.MarkService;

/**
 * Steps 14–16 on their own embedded PostgreSQL: the month-to-date sales with last year's key brands, the month
 * facts (brand targets, anomalies, mean prices, visits, strategies), the results' JPA entity, the ad-hoc tasks'
 * generated keys and the summary pages' SQL give the hand-computed numbers they give on H2. April 2037 has 22
 * working days; today is 2037-05-02.
 * <pre>
 *   orders  C1 K 200 (04-03) = 40 000, C1 N 200 (04-08) = 20 000, C1 N 100 (04-20) = 10 000; last April C1 K 160 (04-02)
 *   week of 04-06 → 04-01..04-12: 400 条, 60 000 元 → 150.00; key 200 vs 160 → +25.00 %; 8/22 → 0.3636; 400/1000 → 正常
 *   month → 500 条, 70 000 元 → 140.00; brand target K 250 → 200 sold; 假烟 1; K prices 221.00, 222.00 → 221.50 ÷ 220 = 1.0068
 *   visits plan C1 3 → records 2 visited; strategies 1 open
 * </pre>
 */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class ReviewPostgresTests {

    static final YearMonth MONTH = YearMonth.of(2037, 4);

    @Autowired JdbcTemplate jdbc;
    @Autowired WeekSummaryService weeks;
    @Autowired MonthSummaryService months;
    @Autowired ResultService results;
    @Autowired MarkService marks;
    @Autowired WorkPlanService workPlans;
    @Autowired List<Report> reports;
    @Autowired Clock clock;

    @AfterAll
    static void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void weekAndMonthSummariesAndResultsOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2037, 5, 2).atTime(9, 0).atZone(clock.getZone()).toInstant()));
        ReviewFixture f = new ReviewFixture(jdbc, "RPG");
        String cm = f.customerManager("cm1");
        long c1 = f.org.customer("cm1", "C1", 20, "ACTIVE");
        String p = MONTH.toString();
        f.org.order(c1, "K", LocalDate.of(2037, 4, 3), 200, "200");
        f.org.order(c1, "N", LocalDate.of(2037, 4, 8), 200, "100");
        f.org.order(c1, "N", LocalDate.of(2037, 4, 20), 100, "100");
        f.org.order(c1, "K", LocalDate.of(2036, 4, 2), 160, "200");
        f.target(cm, p, 1000, "150.00", "10.00");
        f.brandTarget(cm, p, "K", 250);
        f.anomaly(c1, LocalDate.of(2037, 4, 9), "假烟");
        f.price(c1, "K", LocalDate.of(2037, 4, 5), "221.00");
        f.price(c1, "K", LocalDate.of(2037, 4, 15), "222.00");
        f.visitPlan(cm, p, "CONFIRMED");
        f.plannedVisits(cm, p, c1, 3, null);
        f.visitRecord(cm, p, c1, MONTH.atDay(6), true);
        f.visitRecord(cm, p, c1, MONTH.atDay(13), true);
        f.strategyPlan(cm, p, "LOCKED");
        f.strategy(c1, cm, p, "经营分析指导", "OPEN", null);

        WeekSummary week = weeks.summarize(cm, MONTH, LocalDate.of(2037, 4, 6), new WeekJudgement("正常", "合理", "有效"), cm);
        assertThat(week.volume()).isEqualTo(400);
        assertThat(week.unitValue()).isEqualByComparingTo("150.00");
        assertThat(week.keyBrandGrowth()).isEqualByComparingTo("25.00");
        assertThat(week.timeProgress()).isEqualByComparingTo("0.3636");
        assertThat(week.suggestedStatus()).isEqualTo("正常");
        assertThat(weeks.find(cm, MONTH, LocalDate.of(2037, 4, 6))).get().isEqualTo(week);

        marks.add(cm, MONTH, new AdHocTaskInput(c1, MONTH.atDay(9), "协助处理假烟举报"));
        results.submit(cm, MONTH);
        results.approve(cm, MONTH, f.mm);
        assertThat(results.get(cm, MONTH).approval().status()).isEqualTo(ApprovalStatus.LOCKED);

        MonthSummary month = months.summarize(cm, MONTH, new MonthReview(null, null, null, null, "加强断货预警"), cm);
        MonthFacts facts = month.facts();
        assertThat(facts.volume()).isEqualTo(500);
        assertThat(facts.unitValue()).isEqualByComparingTo("140.00");
        assertThat(facts.brands()).containsExactly(new MonthFacts.BrandFact(f.org.code("A-cm1"), f.org.code("K"), "重点烟", 250, 200));
        assertThat(facts.anomalies()).containsExactly(new MonthFacts.AnomalyCount("假烟", 1));
        assertThat(facts.prices()).singleElement().satisfies(price -> {
            assertThat(price.meanPrice()).isEqualByComparingTo("221.50");
            assertThat(price.priceIndex()).isEqualByComparingTo("1.0068");
        });
        assertThat(facts.execution()).extracting(e -> e.plannedVisits(), e -> e.doneVisits(), e -> e.strategiesOpen(),
                e -> e.adHocTasks().size()).containsExactly(3, 2, 1, 1);
        assertThat(months.find(cm, MONTH).orElseThrow().facts().volume()).isEqualTo(500);
        assertThat(workPlans.prepare(cm, MONTH.plusMonths(1)).values().improvementMeasures()).isEqualTo("加强断货预警");

        ReportRequest request = new ReportRequest(MONTH, new ReportScope(false, List.of(cm), null, "测试"));
        ReportContent monthPage = report("month-summary").content(request);
        assertThat(monthPage.sections().get(0).rows()).hasSize(1);
        assertThat(monthPage.sections().get(1).rows().get(0).get(4)).isEqualTo(200L);
        assertThat(report("week-summary").content(request).sections().get(0).rows()).hasSize(1);
    }

    private Report report(String name) {
        return reports.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
