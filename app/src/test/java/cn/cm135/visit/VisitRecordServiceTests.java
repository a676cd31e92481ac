package cn.cm135.visit;

import static cn.cm135.visit.VisitFixture.MONTH;
import static cn.cm135.visit.VisitFixture.morningOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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

import cn.cm135.customer.demand.DemandService;
import cn.cm135.customer.ledger.SalesLedgerRow;
import cn.cm135.customer.ledger.SalesLedgerService;
import cn.cm135.planning.week.RouteDay;
import cn.cm135.planning.week.WeekArrangementService;
import cn.cm135.rules.Refusal;
import cn.cm135.visit.DayRecord.Anomaly;
import cn.cm135.visit.DayRecord.Need;
import cn.cm135.visit.DayRecord.Observation;
import cn.cm135.visit.DayRecord.Visit;

/**
 * Step 13 on Monday 6 August 2035 of {@link VisitFixture}: route R arranged on its Monday lists A1, A2, A4
 * (A3 has f = 0). What the sheet shows, where a recording goes, that recording again replaces it, and what
 * is refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VisitRecordServiceTests {

    static final LocalDate MONDAY = LocalDate.of(2035, 8, 6);

    @Autowired VisitRecordService visits;
    @Autowired WeekArrangementService weeks;
    @Autowired DemandService demands;
    @Autowired SalesLedgerService ledger;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSheetListsTheDaysCustomersWithOpenStrategiesAndNegotiatedQuantities() {
        VisitFixture f = arranged("VRS");
        VisitSheet sheet = visits.sheet(f.cm1, MONDAY);
        assertThat(sheet).extracting(VisitSheet::customerManagerName, VisitSheet::period, VisitSheet::weekday,
                VisitSheet::marketFocus, VisitSheet::brandFocus).containsExactly("周走访", "2035-08", "周一", "新开店", "K1 上柜");
        // Every key spec of the company (other tests' too), never N1.
        assertThat(sheet.keySpecs()).extracting(VisitSheet.KeySpec::code).contains("VRSK1", "VRSK2").doesNotContain("VRSN1");
        assertThat(sheet.customers()).extracting(VisitSheet.Customer::licenceNo).containsExactly("VRSA1", "VRSA2", "VRSA4");
        VisitSheet.Customer a1 = sheet.customers().get(0);
        assertThat(a1).extracting(VisitSheet.Customer::name, VisitSheet.Customer::address, VisitSheet.Customer::grade,
                VisitSheet.Customer::ledgerHref).containsExactly("零售户A1", "人民路 1 号", 20,
                        "/reports/sales-ledger/2035-08?customer=" + f.a1);
        assertThat(a1.openStrategies()).extracting(s -> s.id()).containsExactly(f.s1);
        // 商定总量: A1 K1 overridden to 45; K2 neither computed (nothing bought May–July) nor agreed.
        assertThat(a1.negotiated().stream().filter(q -> q.specCode().startsWith("VRS"))).extracting(VisitSheet.Negotiated::specCode, VisitSheet.Negotiated::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VRSK1", 45), org.assertj.core.groups.Tuple.tuple("VRSK2", null));
        assertThat(sheet.recorded().status()).isEqualTo("OPEN");
    }

    @Test
    void aRecordedDayGoesWhereTheAnalysesReadAndRecordingAgainReplacesIt() {
        VisitFixture f = arranged("VRR");
        // The ledger of A1 K1: counted 5 on 31 July (opening), 10 bought on 3 August.
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory) values (?, ?, ?, 5)",
                f.a1, f.org.code("K1"), LocalDate.of(2035, 7, 31));
        f.org.order(f.a1, "K1", LocalDate.of(2035, 8, 3), 10, "200");
        SalesLedgerRow before = k1(f);
        assertThat(before.closingStock()).isNull();
        assertThat(before.actualSales()).isNull();
        assertThat(demands.unconfirmedCount(f.cm1, MONTH)).isZero();

        DayRecord day = record(f, "230.00");
        visits.record(f.cm1, MONDAY, day, f.cm1);

        // Visits: A1, A2 and B1 (off the sheet) visited; A4 listed but not submitted: not visited.
        assertThat(jdbc.queryForList("select c.licence_no || ':' || r.visited || ':' || r.planned from visit_record r "
                + "join retail_customer c on c.id = r.customer_id where r.visit_date = ? and r.customer_manager_id = ? "
                + "order by c.licence_no", String.class, MONDAY, f.cm1))
                .containsExactly("VRRA1:TRUE:TRUE", "VRRA2:TRUE:TRUE", "VRRA4:FALSE:TRUE", "VRRB1:TRUE:FALSE");
        // ★ through StrategyService.markDone: done on the day.
        assertThat(jdbc.queryForMap("select status, done_on from service_strategy where id = ?", f.s1))
                .containsEntry("STATUS", "DONE").containsEntry("DONE_ON", java.sql.Date.valueOf(MONDAY));
        // The ledger reads the count: opening 5 + bought 10 − closing 12 = 3 sold; the observed price 230.
        SalesLedgerRow after = k1(f);
        assertThat(after).extracting(SalesLedgerRow::openingStock, SalesLedgerRow::purchases,
                SalesLedgerRow::closingStock, SalesLedgerRow::closingCountedOn, SalesLedgerRow::actualSales,
                SalesLedgerRow::priceObserved).containsExactly(5, 10, 12, MONDAY, 3, true);
        assertThat(after.retailPrice()).isEqualByComparingTo("230");
        // The need was collected in August: the September cycle's step 4 confirms the needs of August.
        assertThat(demands.unconfirmedCount(f.cm1, MONTH)).isEqualTo(1);
        assertThat(demands.unconfirmedCount(f.cm1, MONTH.plusMonths(1))).isZero();
        assertCounts(f, 4, 2, 1, 1);
        RecordedDay recorded = visits.recorded(f.cm1, MONDAY);
        assertThat(recorded).extracting(RecordedDay::status, RecordedDay::feelings).containsExactly("RECORDED", "客户配合");
        assertThat(recorded.strategiesDone()).containsExactly(f.s1);
        assertThat(recorded.needs()).extracting(Need::content).containsExactly("希望多投放走访烟(硬)");

        // The same day again: the same rows, not twice.
        visits.record(f.cm1, MONDAY, day, f.cm1);
        assertCounts(f, 4, 2, 1, 1);
        assertThat(demands.unconfirmedCount(f.cm1, MONTH)).isEqualTo(1);

        // Recorded again with the anomaly withdrawn and a new count of 8: replaced (5 + 10 − 8 = 7 sold).
        visits.record(f.cm1, MONDAY, new DayRecord(day.visits(), List.of(f.s1),
                List.of(new Observation(f.a1, f.org.code("K1"), 8, null, true)), List.of(), List.of(), "补记"), f.cm1);
        assertCounts(f, 4, 1, 0, 0);
        assertThat(k1(f).actualSales()).isEqualTo(7);
        assertThat(demands.unconfirmedCount(f.cm1, MONTH)).isZero();
        assertThat(visits.recorded(f.cm1, MONDAY).feelings()).isEqualTo("补记");
    }

    @Test
    void aBadRowRefusesTheWholeDayNamingTheCustomerAndTheField() {
        VisitFixture f = arranged("VRB");
        visits.record(f.cm1, MONDAY, record(f, "230"), f.cm1);
        String k1 = f.org.code("K1");
        List<Visit> visited = List.of(new Visit(f.a1, true, null, null, null));

        // 10 × the guide price 220 = 2200 元/条 is the most a carton may cost.
        assertRefused(f, new DayRecord(visited, null, List.of(new Observation(f.a1, k1, 3, new BigDecimal("2300"), null)),
                null, null, null), "库存价格第 1 行（零售户A1（VRBA1））走访烟(硬)：零售价必须大于 0 且不超过指导价的 10 倍（2200.00 元/条），收到 2300");
        assertRefused(f, new DayRecord(visited, null, List.of(new Observation(f.a1, k1, -1, null, null)), null, null, null),
                "库存价格第 1 行（零售户A1（VRBA1））走访烟(硬)：库存必须在 0 到 100000 条之间，收到 -1");
        assertRefused(f, new DayRecord(visited, null, List.of(new Observation(f.a4, k1, 3, null, null)), null, null, null),
                "库存价格第 1 行：零售户A4（VRBA4） 本日未记录为已拜访，请先在拜访记录中填写该客户");
        assertRefused(f, new DayRecord(List.of(new Visit(f.a1, true, null, "很好", null)), null, null, null, null, null),
                "拜访第 1 行（零售户A1（VRBA1））：拜访效果必须是 好、较好、一般、差 之一，收到 很好");
        assertRefused(f, new DayRecord(List.of(new Visit(f.x1, true, null, null, null)), null, null, null, null, null),
                "拜访第 1 行：客户 " + f.x1 + " 不是客户经理 vrbcm1 服务的客户");
        assertRefused(f, new DayRecord(visited, List.of(f.s2), null, null, null, null),
                "零售户A2（VRBA2）：策略编号 " + f.s2 + " 的客户本日未拜访，不能标注完成");
        assertRefused(f, new DayRecord(visited, null, null, List.of(new Anomaly(f.a1, "缺货", null, null)), null, null),
                "市场异常第 1 行（零售户A1（VRBA1））：异常类型必须是 假烟、走私烟、无证经营、价格异常、断货、其他 之一，收到 缺货");
        assertRefused(f, new DayRecord(visited, null, null, null, List.of(new Need(f.a1, "价格", " ", false)), null),
                "客户需求第 1 行（零售户A1（VRBA1））：请填写需求内容");
        assertThatThrownBy(() -> visits.record(f.cm1, MONDAY.plusDays(1), new DayRecord(visited, null, null, null, null, null), f.cm1))
                .hasMessage("不能记录将来的拜访：2035-08-07（今天是 2035-08-06）");
        // Nothing of the first recording changed.
        assertCounts(f, 4, 2, 1, 1);
        assertThat(jdbc.queryForObject("select inventory from field_observation where customer_id = ? and spec_code = ? "
                + "and observed_on = ?", Integer.class, f.a1, k1, MONDAY)).isEqualTo(12);
        assertThat(jdbc.queryForObject("select status from service_strategy where id = ?", String.class, f.s2)).isEqualTo("OPEN");
    }

    @Test
    void approvedResultsRefuseEveryChangeWith409() {
        VisitFixture f = arranged("VRL");
        visits.record(f.cm1, MONDAY, record(f, "230"), f.cm1);
        jdbc.update("insert into month_result (customer_manager_id, period, status) values (?, ?, 'APPROVED')", f.cm1,
                MONTH.toString());
        assertThatThrownBy(() -> visits.record(f.cm1, MONDAY, new DayRecord(null, null, null, null, null, "改"), f.cm1))
                .isInstanceOf(Refusal.class).hasMessage("vrlcm1 的 2035-08 工作结果已审核通过，拜访记录不能再修改（确定后不能修改）")
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.LOCKED);
        assertThatThrownBy(() -> weeks.arrange(f.cm1, MONTH, LocalDate.of(2035, 8, 13), "市场", "品牌", List.of(), f.cm1))
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.LOCKED);
        assertCounts(f, 4, 2, 1, 1);
        assertThat(visits.recorded(f.cm1, MONDAY).feelings()).isEqualTo("客户配合");
    }

    /** The fixture with route R arranged on Monday 6 August, today. */
    private VisitFixture arranged(String prefix) {
        VisitFixture f = new VisitFixture(jdbc, prefix);
        ClockUtil.setCurrentTime(morningOf(MONDAY));
        weeks.arrange(f.cm1, MONTH, MONDAY, "新开店", "K1 上柜", List.of(new RouteDay(f.routeR(), MONDAY)), f.cm1);
        return f;
    }

    /**
     * A1 visited (好) with s1 done, K1 counted 12 at {@code price} on the shelf, a need; A2 visited, K1 not on the
     * shelf, 价格异常; B1 visited off the sheet; A4 not mentioned.
     */
    private static DayRecord record(VisitFixture f, String price) {
        String k1 = f.org.code("K1");
        return new DayRecord(
                List.of(new Visit(f.a1, true, "希望增加货源", "好", null), new Visit(f.a2, true, null, "一般", "店主不在"),
                        new Visit(f.b1, true, null, null, "顺路")),
                List.of(f.s1),
                List.of(new Observation(f.a1, k1, 12, new BigDecimal(price), true), new Observation(f.a2, k1, null, null, false)),
                List.of(new Anomaly(f.a2, "价格异常", k1, "高于指导价")),
                List.of(new Need(f.a1, "货源", "希望多投放走访烟(硬)", true)),
                "客户配合");
    }

    private void assertRefused(VisitFixture f, DayRecord day, String message) {
        assertThatThrownBy(() -> visits.record(f.cm1, MONDAY, day, f.cm1)).isInstanceOf(Refusal.class).hasMessage(message)
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.INVALID);
    }

    /** visit records, observations and anomalies of the day, needs recorded by the day. */
    private void assertCounts(VisitFixture f, int records, int observations, int anomalies, int needs) {
        assertThat(f.count("select count(*) from visit_record where customer_manager_id = ? and visit_date = ?", f.cm1, MONDAY))
                .isEqualTo(records);
        String mine = " and customer_id in (select id from retail_customer where licence_no like ?)";
        String like = f.org.code("%");
        assertThat(f.count("select count(*) from field_observation where observed_on = ?" + mine, MONDAY, like))
                .isEqualTo(observations);
        assertThat(f.count("select count(*) from market_anomaly where observed_on = ?" + mine, MONDAY, like))
                .isEqualTo(anomalies);
        assertThat(f.count("select count(*) from customer_demand where period = ?" + mine, MONTH.toString(), like))
                .isEqualTo(needs);
        assertThat(f.count("select count(*) from visit_day where customer_manager_id = ? and status = 'RECORDED'", f.cm1))
                .isEqualTo(1);
    }

    private SalesLedgerRow k1(VisitFixture f) {
        return ledger.ledger(f.a1, MONTH).stream().filter(r -> r.specCode().equals(f.org.code("K1"))).findFirst()
                .orElseThrow();
    }
}
