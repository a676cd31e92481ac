package cn.cm135.visit;

import static cn.cm135.visit.VisitFixture.MONTH;
import static cn.cm135.visit.VisitFixture.morningOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.customer.demand.DemandService;
import cn.cm135.planning.week.DueCustomer;
import cn.cm135.planning.week.RouteDay;
import cn.cm135.planning.week.VisitDays;
import cn.cm135.planning.week.WeekArrangementService;
import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * Steps 12 and 13 on their own embedded PostgreSQL: the due rule's INSERT … SELECT with integer parameters,
 * the day's replace-and-insert and the demand links give the same rows as on H2.
 */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class VisitPostgresTests {

    static final LocalDate MONDAY = LocalDate.of(2035, 8, 6);

    @Autowired JdbcTemplate jdbc;
    @Autowired WeekArrangementService weeks;
    @Autowired VisitDays visitDays;
    @Autowired VisitRecordService visits;
    @Autowired DemandService demands;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void arrangeAndRecordOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        VisitFixture f = new VisitFixture(jdbc, "VPQ");
        ClockUtil.setCurrentTime(morningOf(MONDAY));
        // As WeekArrangementTests: Monday i = 0 lists A1, A2, A4; B1 moved to Monday: i = 1 of 5, done 0: due.
        assertThat(weeks.proposal(f.cm1, MONTH, MONDAY).days().get(0).customers()).extracting(DueCustomer::licenceNo)
                .containsExactly("VPQA1", "VPQA2", "VPQA4");
        weeks.arrange(f.cm1, MONTH, MONDAY, "市场", "品牌",
                List.of(new RouteDay(f.routeR(), MONDAY), new RouteDay(f.routeT(), MONDAY)), f.cm1);
        assertThat(visitDays.of(f.cm1, "2035-08", "2035-08-06")).containsExactly("2035-08-06");
        assertThat(visits.sheet(f.cm1, MONDAY).customers()).extracting(VisitSheet.Customer::licenceNo)
                .containsExactly("VPQA1", "VPQA2", "VPQA4", "VPQB1");

        DayRecord day = new DayRecord(List.of(new DayRecord.Visit(f.a1, true, "好评", "好", null)), List.of(f.s1),
                List.of(new DayRecord.Observation(f.a1, f.org.code("K1"), 12, new BigDecimal("230.00"), true)),
                List.of(new DayRecord.Anomaly(f.a1, "断货", f.org.code("K2"), null)),
                List.of(new DayRecord.Need(f.a1, "货源", "多投放", true)), "顺利");
        visits.record(f.cm1, MONDAY, day, f.cm1);
        visits.record(f.cm1, MONDAY, day, f.cm1);
        RecordedDay recorded = visits.recorded(f.cm1, MONDAY);
        assertThat(recorded.visits()).extracting(v -> v.licenceNo() + ":" + v.visited())
                .containsExactly("VPQA1:true", "VPQA2:false", "VPQA4:false", "VPQB1:false");
        assertThat(recorded.observations()).hasSize(1);
        assertThat(recorded.anomalies()).hasSize(1);
        assertThat(recorded.needs()).hasSize(1);
        assertThat(recorded.strategiesDone()).containsExactly(f.s1);
        assertThat(demands.unconfirmedCount(f.cm1, MONTH)).isEqualTo(1);
        // Next Monday (i = 1): A1 done 1 of 2: (1 + 1)·2 = 4 > 1·4 = 4? no: not listed.
        assertThat(weeks.proposal(f.cm1, MONTH, MONDAY.plusWeeks(1)).days().get(0).customers())
                .extracting(DueCustomer::licenceNo).containsExactly("VPQA2", "VPQA4");
    }
}
