package cn.cm135.planning.week;

import static cn.cm135.visit.VisitFixture.MONTH;
import static cn.cm135.visit.VisitFixture.morningOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.planning.strategy.OpenStrategy;
import cn.cm135.rules.Refusal;
import cn.cm135.visit.VisitFixture;

/**
 * Step 12 on the August 2035 of {@link VisitFixture}: the due rule, the partial first week, a route moved to
 * another day, and refusals that change nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WeekArrangementTests {

    @Autowired WeekArrangementService weeks;
    @Autowired VisitDays visitDays;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDueRuleSpreadsThePlannedVisitsEvenlyAndCatchesUpAMissedOne() {
        VisitFixture f = new VisitFixture(jdbc, "VWA");
        ClockUtil.setCurrentTime(morningOf(LocalDate.of(2035, 8, 1)));

        // Monday 6 August, occurrence i = 0 of R = 4, nothing done: due when (0 + 1)·f > 0, i.e. every f > 0.
        // A1 f = 2, A2 f = 4, A4 f = 1 are listed; A3 (f = 0) never is.
        assertThat(licences(day(f, "2035-08-06"))).containsExactly("VWAA1", "VWAA2", "VWAA4");
        f.visited(f.a1, LocalDate.of(2035, 8, 6));
        // Monday 13 August, i = 1: A1 done = 1 of f = 2: (1 + 1)·2 = 4 > 1·4 = 4? no; catch-up 2 − 1 = 1 ≥ 4 − 1 = 3? no.
        // A2 (done 0) and A4 (done 0 of 1: missed on the 6th, still due) are listed.
        assertThat(licences(day(f, "2035-08-13"))).containsExactly("VWAA2", "VWAA4");
        // Monday 20 August, i = 2: A1 (2 + 1)·2 = 6 > 4: due again — occurrences 0 and 2 for R = 4, f = 2.
        List<DueCustomer> twentieth = day(f, "2035-08-20");
        assertThat(licences(twentieth)).containsExactly("VWAA1", "VWAA2", "VWAA4");
        assertThat(twentieth.get(0)).extracting(DueCustomer::plannedFrequency, DueCustomer::done).containsExactly(2, 1);
        assertThat(twentieth.get(0).openStrategies()).extracting(OpenStrategy::text)
                .containsExactly("品牌培育（品牌）：走访烟(硬)（VWAK1） — 上柜陈列");
        f.visited(f.a1, LocalDate.of(2035, 8, 20));
        // Monday 27 August, i = 3: A1 done = f = 2: not listed any more.
        assertThat(licences(day(f, "2035-08-27"))).containsExactly("VWAA2", "VWAA4");

        // B1 (Wednesday route, R = 5, f = 2) was not visited on Wednesday 1 August (i = 0): on the 8th (i = 1)
        // (1 + 1)·2 = 4 > 0·5: listed again (the missed visit is caught up).
        assertThat(licences(day(f, "2035-08-08"))).containsExactly("VWAB1");
        // Visited on the 8th: on the 15th (i = 2) (2 + 1)·2 = 6 > 1·5 = 5: due; floor(1·5/2) = 2 ≤ 2.
        f.visited(f.b1, LocalDate.of(2035, 8, 8));
        assertThat(licences(day(f, "2035-08-15"))).containsExactly("VWAB1");
        // Planned more often than the route comes (f = 6 > R = 5), done = 3 (8th, 9th, 10th) at i = 2 (15th):
        // (2 + 1)·6 = 18 > 3·5 = 15: due.
        jdbc.update("update visit_plan_customer set proposed_frequency = 6 where customer_id = ?", f.b1);
        f.visited(f.b1, LocalDate.of(2035, 8, 9));
        f.visited(f.b1, LocalDate.of(2035, 8, 10));
        assertThat(licences(day(f, "2035-08-15"))).as("f = 6, done = 3, i = 2: 18 > 15").containsExactly("VWAB1");
        // Once done = f = 6 it is not.
        f.visited(f.b1, LocalDate.of(2035, 8, 13));
        f.visited(f.b1, LocalDate.of(2035, 8, 14));
        f.visited(f.b1, LocalDate.of(2035, 8, 14).plusDays(2));
        assertThat(day(f, "2035-08-22")).isEmpty();
    }

    @Test
    void thePartialFirstWeekStartsTodayAndARouteMovedToAnotherDayKeepsItsCount() {
        VisitFixture f = new VisitFixture(jdbc, "VWB");
        ClockUtil.setCurrentTime(morningOf(LocalDate.of(2035, 8, 2)));
        LocalDate weekStart = LocalDate.of(2035, 7, 30);

        // The week of Monday 30 July: 1–5 August in the month; the 1st is past, the 4th and 5th are the weekend.
        // Neither route's weekday (Monday 30 July, Wednesday 1 August) is left: nothing is proposed.
        WeekProposal proposal = weeks.proposal(f.cm1, MONTH, weekStart);
        assertThat(proposal.status()).isEqualTo("DRAFT");
        assertThat(proposal.days()).extracting(ProposedDay::date)
                .containsExactly(LocalDate.of(2035, 8, 2), LocalDate.of(2035, 8, 3));
        assertThat(proposal.days()).allMatch(d -> d.routeCodes().isEmpty() && d.customers().isEmpty());
        assertThat(proposal.routes()).extracting(WeekRoute::code).containsExactly(f.routeR(), f.routeT());

        // Route R on Thursday the 2nd: Mondays before it in August: none, i = 0: A1, A2, A4 due.
        // Route T on Friday the 3rd: Wednesdays before it: the 1st, i = 1, R = 5; B1 done 0: (1 + 1)·2 > 0: due.
        weeks.arrange(f.cm1, MONTH, weekStart, "周边新开便利店", "走访烟(硬)上柜", List.of(
                new RouteDay(f.routeR(), LocalDate.of(2035, 8, 2)), new RouteDay(f.routeT(), LocalDate.of(2035, 8, 3))),
                f.cm1);
        assertThat(visitDays.of(f.cm1, "2035-08", "2035-07-30")).containsExactly("2035-08-02", "2035-08-03");
        assertThat(listed(f, "2035-08-02")).containsExactly("VWBA1", "VWBA2", "VWBA4");
        assertThat(listed(f, "2035-08-03")).containsExactly("VWBB1");
        WeekProposal arranged = weeks.proposal(f.cm1, MONTH, weekStart);
        assertThat(arranged).extracting(WeekProposal::status, WeekProposal::marketFocus, WeekProposal::brandFocus)
                .containsExactly("ARRANGED", "周边新开便利店", "走访烟(硬)上柜");
        assertThat(arranged.customerCount()).isEqualTo(4);
        assertThat(arranged.days().get(1).customers().get(0).openStrategies()).extracting(OpenStrategy::id)
                .containsExactly(f.s3);

        // Re-arranging replaces: R only, on Friday the 3rd (i = 0 still).
        weeks.arrange(f.cm1, MONTH, weekStart, "周边新开便利店", "走访烟(硬)上柜",
                List.of(new RouteDay(f.routeR(), LocalDate.of(2035, 8, 3))), f.cm1);
        assertThat(visitDays.of(f.cm1, "2035-08", "2035-07-30")).containsExactly("2035-08-03");
        assertThat(listed(f, "2035-08-02")).isEmpty();
        assertThat(listed(f, "2035-08-03")).containsExactly("VWBA1", "VWBA2", "VWBA4");
        // Next Monday's week is untouched: nothing arranged there, so no visit days.
        assertThat(visitDays.of(f.cm1, "2035-08", "2035-08-06")).isEmpty();
    }

    @Test
    void badArrangementsAreRefusedNamingTheRowAndChangeNothing() {
        VisitFixture f = new VisitFixture(jdbc, "VWC");
        ClockUtil.setCurrentTime(morningOf(LocalDate.of(2035, 8, 2)));
        LocalDate week = LocalDate.of(2035, 7, 30);
        weeks.arrange(f.cm1, MONTH, week, "市场", "品牌", List.of(new RouteDay(f.routeR(), LocalDate.of(2035, 8, 2))), f.cm1);
        String other = f.org.code("R-cm2");

        Map<List<RouteDay>, String> bad = Map.of(
                List.of(new RouteDay(other, LocalDate.of(2035, 8, 3))), "线路安排第 1 行：线路 VWCR-cm2 不是客户经理 vwccm1 的线路",
                List.of(new RouteDay(f.routeT(), LocalDate.of(2035, 7, 31))), "线路安排第 1 行（线路 VWCT-cm1）：日期 2035-07-31 不在本周（2035-07-30 起）的 2035-08 月内",
                List.of(new RouteDay(f.routeT(), LocalDate.of(2035, 8, 4))), "线路安排第 1 行（线路 VWCT-cm1）：2035-08-04 不是工作日",
                List.of(new RouteDay(f.routeT(), LocalDate.of(2035, 8, 1))), "线路安排第 1 行（线路 VWCT-cm1）：2035-08-01 已经过去（今天是 2035-08-02）",
                List.of(new RouteDay(f.routeT(), LocalDate.of(2035, 8, 3)), new RouteDay(f.routeT(), LocalDate.of(2035, 8, 2))),
                "线路安排第 2 行（线路 VWCT-cm1）：一条线路每周只能安排一次");
        bad.forEach((rows, message) -> assertThatThrownBy(() -> weeks.arrange(f.cm1, MONTH, week, "新市场", "新品牌", rows, f.cm1))
                .isInstanceOf(Refusal.class).hasMessage(message)
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.INVALID));
        assertThatThrownBy(() -> weeks.arrange(f.cm1, MONTH, week, " ", "品牌", List.of(), f.cm1))
                .hasMessage("请填写本周市场收集重点");
        assertThatThrownBy(() -> weeks.arrange(f.cm1, MONTH, LocalDate.of(2035, 8, 7), "市场", "品牌", List.of(), f.cm1))
                .hasMessage("周起始日必须是星期一，收到 2035-08-07");
        assertThatThrownBy(() -> weeks.arrange(f.cm1, MONTH, LocalDate.of(2035, 9, 3), "市场", "品牌", List.of(), f.cm1))
                .hasMessage("2035-09-03 起的一周不在 2035-08 月内");
        // Nothing changed: the focus and the one list as arranged.
        assertThat(weeks.proposal(f.cm1, MONTH, week)).extracting(WeekProposal::marketFocus, WeekProposal::customerCount)
                .containsExactly("市场", 3);
        assertThat(visitDays.of(f.cm1, "2035-08", "2035-07-30")).containsExactly("2035-08-02");

        // A day of the week with a record: the week is fixed (409).
        f.visited(f.a1, LocalDate.of(2035, 8, 2));
        assertThatThrownBy(() -> weeks.arrange(f.cm1, MONTH, week, "市场", "品牌", List.of(), f.cm1))
                .isInstanceOf(Refusal.class).hasMessage("本周 [2035-08-02] 已有拜访记录，周工作安排不能再修改")
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.LOCKED);
        // An unconfirmed visit plan can't be arranged from.
        jdbc.update("update visit_plan set status = 'DRAFT' where customer_manager_id = ?", f.cm1);
        assertThatThrownBy(() -> weeks.arrange(f.cm1, MONTH, LocalDate.of(2035, 8, 6), "市场", "品牌", List.of(), f.cm1))
                .hasMessageContaining("客户拜访计划尚未确定");
    }

    /** The customers the proposal of the day's week lists on the day. */
    private List<DueCustomer> day(VisitFixture f, String day) {
        LocalDate date = LocalDate.parse(day);
        WeekProposal p = weeks.proposal(f.cm1, MONTH, WeekDays.monday(date));
        return p.days().stream().filter(d -> d.date().equals(date)).findFirst().orElseThrow().customers();
    }

    private static List<String> licences(List<DueCustomer> customers) {
        return customers.stream().map(DueCustomer::licenceNo).toList();
    }

    private List<String> listed(VisitFixture f, String day) {
        return jdbc.queryForList("select c.licence_no from day_visit_list l join retail_customer c on c.id = l.customer_id "
                + "where l.customer_manager_id = ? and l.visit_date = ? order by c.licence_no", String.class, f.cm1,
                LocalDate.parse(day));
    }
}
