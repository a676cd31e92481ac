package cn.cm135.planning.week;

import static cn.cm135.visit.VisitFixture.MONTH;
import static cn.cm135.visit.VisitFixture.morningOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.planning.route.DayRoute;
import cn.cm135.visit.VisitFixture;
import cn.cm135.visit.VisitRecordService;
import cn.cm135.visit.VisitSheet;

/**
 * Step 12 orders each arranged day by the optimiser and step 13's sheet follows. {@link VisitFixture}'s route R
 * arranged on Thursday 2 August 2035 lists A1, A2, A4 (by licence, the route's default order).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DayRouteArrangementTests {

    private static final LocalDate DAY = LocalDate.of(2035, 8, 2);
    private static final LocalDate WEEK = LocalDate.of(2035, 7, 30);

    @Autowired WeekArrangementService weeks;
    @Autowired VisitRecordService visits;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void arrange(VisitFixture f) {
        ClockUtil.setCurrentTime(morningOf(DAY));
        weeks.arrange(f.cm1, MONTH, WEEK, "新开便利店", "走访烟(硬)上柜", List.of(new RouteDay(f.routeR(), DAY)), f.cm1);
    }

    private void place(long customerId, double latitude) {
        jdbc.update("update retail_customer set longitude = 116, latitude = ? where id = ?", latitude, customerId);
    }

    @Test
    void theArrangedDayIsVisitedInTheOptimisersOrderAndTheSheetPrintsIt() {
        VisitFixture f = new VisitFixture(jdbc, "RTA");
        // On the meridian 116° E, 0.01° = 1,445.54 m by road: depot 39.00, A2 39.01, A4 39.02, A1 39.03, and A1
        // closes at 09:15. Default A1 A2 A4: 3+2+1+2 = 8 hundredths = 11,564 m, 28 min at 25 km/h.
        // A2 A4 A1 would be 6 hundredths but reaches A1 at 09:30 (3 legs of 208 s + 2 visits of 10 min): late.
        // Best on time: A1 (624 s → 09:10:24) A4 A2 and home, 3+1+1+1 = 6 hundredths = 8,673 m, 21 min.
        jdbc.update("update market_department set depot_longitude = 116, depot_latitude = 39 where code = ?",
                f.org.code("D1"));
        place(f.a1, 39.03);
        place(f.a2, 39.01);
        place(f.a4, 39.02);
        jdbc.update("update retail_customer set opens_at = '08:00:00', closes_at = '09:15:00' where id = ?", f.a1);

        arrange(f);

        assertThat(jdbc.queryForList("select customer_id from day_visit_list where customer_manager_id = ? "
                + "and visit_date = ? order by visit_order", Long.class, f.cm1, DAY)).containsExactly(f.a1, f.a4, f.a2);
        String summary = "优化后 8.7 公里 / 约 21 分钟，比默认顺序少 2.9 公里（25%）";
        assertThat(jdbc.queryForMap("select default_meters, default_minutes, optimised_meters, optimised_minutes, "
                + "late_customers, summary from day_route where customer_manager_id = ? and visit_date = ?", f.cm1, DAY))
                .containsEntry("DEFAULT_METERS", 11_564L).containsEntry("DEFAULT_MINUTES", 28)
                .containsEntry("OPTIMISED_METERS", 8_673L).containsEntry("OPTIMISED_MINUTES", 21)
                .containsEntry("LATE_CUSTOMERS", 0).containsEntry("SUMMARY", summary);

        ProposedDay day = weeks.proposal(f.cm1, MONTH, WEEK).days().get(0);
        assertThat(day.customers()).extracting(DueCustomer::licenceNo).containsExactly("RTAA1", "RTAA4", "RTAA2");
        assertThat(day.route().summary()).isEqualTo(summary);
        assertThat(DayRouteRows.row(day)).containsEntry("defaultRoute", "11.6 公里 / 约 28 分钟")
                .containsEntry("optimisedRoute", summary);
        assertThat(DayRouteRows.weekLine(List.of(day)))
                .isEqualTo("本周 1 天按优化顺序共 8.7 公里，比默认顺序少 2.9 公里（25%）");

        VisitSheet sheet = visits.sheet(f.cm1, DAY);
        assertThat(sheet.customers()).extracting(VisitSheet.Customer::licenceNo).containsExactly("RTAA1", "RTAA4", "RTAA2");
        assertThat(sheet.routeSummary()).isEqualTo(summary);
    }

    @Test
    void withoutCoordinatesTheRoutesOrderIsKeptAndTheFormSaysWhy() {
        VisitFixture f = new VisitFixture(jdbc, "RTB");
        place(f.a1, 39.03); // A2 and A4 have none

        arrange(f);

        assertThat(jdbc.queryForList("select customer_id from day_visit_list where customer_manager_id = ? "
                + "and visit_date = ? order by visit_order", Long.class, f.cm1, DAY)).containsExactly(f.a1, f.a2, f.a4);
        ProposedDay day = weeks.proposal(f.cm1, MONTH, WEEK).days().get(0);
        assertThat(day.customers()).extracting(DueCustomer::licenceNo).containsExactly("RTBA1", "RTBA2", "RTBA4");
        assertThat(day.route().optimised()).isFalse();
        assertThat(day.route().summary()).isEqualTo(DayRoute.WITHOUT_COORDINATES + "（2 户缺经纬度）")
                .isEqualTo("部分零售户没有经纬度，保持线路默认顺序（2 户缺经纬度）");
        assertThat(DayRouteRows.row(day)).containsEntry("defaultRoute", "—");
        assertThat(DayRouteRows.weekLine(List.of(day))).isEqualTo("1 天部分零售户没有经纬度，保持线路默认顺序");
        assertThat(visits.sheet(f.cm1, DAY).customers()).extracting(VisitSheet.Customer::licenceNo)
                .containsExactly("RTBA1", "RTBA2", "RTBA4");
    }
}
