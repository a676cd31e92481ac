package cn.cm135.market.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;
import cn.cm135.customer.analysis.SalesRollup;

/**
 * Three areas whose market analysis of 2024-06 is worked out by hand (defaults: price-deviation 0.10,
 * warning-ratio 0.8). Also the data of the sales ledger and negotiated quantity tests.
 *
 * <pre>
 * Specs: S1 一类 wholesale 300, guide 360; S2 三类 120 / 150; S3 三类 80 / 100. Amount = quantity × wholesale.
 * Area P (cm p): C1, C2, C3 食杂店; C4, C5 便利店.   Area Q (cm q): Q1 食杂店.   Area R (cm r): R1 便利店.
 * m = 2024-06 (30 days); m-1 = 2024-05; the 12 months m-11 .. m = 2023-07 .. 2024-06; coming month 2024-07.
 *
 * Orders, area P
 *   2023-05-15, 2023-06-15  C1 S1 100 each           (before m-11: in no number)
 *   2023-07-10 C1 S1 10, 2023-07-12 C4 S2 20          V(m-11) = 30
 *   2023-08 .. 2024-04, the 10th: C1 S2 10            9 months × 10 = 90
 *   2024-05: C1 S1 10 + S2 10, C2 S3 20, C3 S2 20, C4 S2 20
 *            May: S1 10, S2 50, S3 20 = 80 条; 3000 + 6000 + 1600 = 10600 元; U 132.50
 *   2024-06: C1 S1 10 + S2 20, C2 S1 5 + S3 10, C4 S2 30, C5 S1 5 + S3 20
 *            June: S1 20, S2 50, S3 30 = 100 条; 6000 + 6000 + 2400 = 14400 元; U 144.00
 *   2024-07-01 C1 S1 77 (after m: in no number)
 *   12-month volumes w: S1 10 + 10 + 20 = 40; S2 20 + 90 + 50 + 50 = 210; S3 20 + 30 = 50; total 300
 *   active in June: 食杂店 C1, C2 (C3 did not order) = 2; 便利店 C4, C5 = 2; active customers 4
 *
 * Observations (inventory / price), area P
 *   C1 S1 05-10 20/-, 06-05 -/380, 06-20 8/370      C1 S2 05-10 6/-, 06-20 12/160
 *   C2 S1 06-10 6/390, C2 S3 06-10 3/-               C3 S1 04-15 10/-, C3 S2 05-20 5/-
 *   C4 S2 05-15 -/999 (May), 06-15 15/175            C5 S1 06-25 5/-, C5 S3 05-25 10/-, 06-25 8/-, 07-02 99/120 (after m)
 *
 * Price index: each customer's latest June price: S1 C1 370 (06-20, not 380), C2 390 → p̄ 380;
 *   S2 C1 160, C4 175 → p̄ 167.5 (C4's May 999 is outside m); S3 never priced → left out.
 *   PI = (380×40 + 167.5×210) ÷ (360×40 + 150×210) = 50375 ÷ 45900 = 1.09749… → 1.0975
 *   spec prices: S1 380.00 / 360.00, 380/360 − 1 = 0.0556, not flagged (2 customers);
 *                S2 167.50 / 150.00, 0.1167 > 0.10 → flagged (2 customers)
 * Retail margin rate over S1, S2 with June Q 20, 50:
 *   ((380−300)×20 + (167.5−120)×50) ÷ (380×20 + 167.5×50) = (1600 + 2375) ÷ (7600 + 8375) = 3975 ÷ 15975 = 0.2488
 * Social inventory, per spec and 业态: mean latest count (≤ 06-30) of counted customers × active customers
 *   S1 食杂店 (8 + 6 + 10) ÷ 3 = 8 × 2 = 16      S1 便利店 5 × 2 = 10
 *   S2 食杂店 (12 + 5) ÷ 2 = 8.5 × 2 = 17        S2 便利店 15 × 2 = 30
 *   S3 食杂店 3 × 2 = 6                          S3 便利店 8 × 2 = 16 (07-02 count after m)
 *   = 95.00;  存销比 95 ÷ 100 = 0.9500;  可销天数 95 ÷ (100 ÷ 30) = 28.50
 * 单条值 144.00, m-1 132.50, index 144 ÷ 132.5 = 1.08679… → 1.0868; volume index 100 ÷ 80 = 1.2500
 * Seasonal index of 2024-07 = V(2023-07) ÷ (300 ÷ 12) = 30 ÷ 25 = 1.2000
 * Price classes: 一类 20 → 0.2000, 三类 80 → 0.8000, 二类 四类 五类 0 → 0
 * Anomalies in June: C1 06-05 假烟, C4 06-15 假烟, C2 06-10 价格异常 (C1 05-10 断货 is May) → 假烟 2, 价格异常 1
 *
 * Area Q: Q1 2024-06-07 S3 10 only. Volume 10, amount 800.00, U 80.00, U(m-1) 0.00 → index null,
 *   V(m-1) 0 → volume index null, never warned; no price → PI and margin null, no count → social
 *   inventory 0.00 with 存销比 and 可销天数 null; seasonal 0 × 12 ÷ 10 = 0.0000; 三类 10 → 1.0000; active 1.
 * Area R: R1 S2 2024-05-07 50, 2024-06-07 20. Volume 20, amount 2400.00, U 120.00, U(m-1) 120.00,
 *   index 1.0000, volume index 20 ÷ 50 = 0.4000, seasonal 0.0000; 三类 20 → 1.0000; active 1.
 * Marketing centre when these are all its customers (embedded PostgreSQL test):
 *   June 100 + 10 + 20 = 130, May 80 + 0 + 50 = 130 → index 1.0000;
 *   warning: P 1.25 ÷ 1 ≥ 0.8 no; R 0.4 ÷ 1 < 0.8 yes; Q undefined no.
 * </pre>
 */
public final class MarketAnalysisFixture {

    public static final YearMonth MONTH = YearMonth.of(2024, 6);

    public final TestOrganization org;
    final JdbcTemplate jdbc;
    public final String cmP, cmQ, cmR;
    public final String areaP, areaQ, areaR;
    public final long c1, c2, c3, c4, c5, q1, r1;

    public MarketAnalysisFixture(JdbcTemplate jdbc, SalesRollup rollup, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        org.department("D", "mm", "钱市场");
        cmP = org.customerManager("D", "p", "孙客户");
        cmQ = org.customerManager("D", "q", "周客户");
        cmR = org.customerManager("D", "r", "吴客户");
        areaP = org.code("A-p");
        areaQ = org.code("A-q");
        areaR = org.code("A-r");
        spec("S1", "测试一类烟", 1, "300", "360");
        spec("S2", "测试三类烟甲", 3, "120", "150");
        spec("S3", "测试三类烟乙", 3, "80", "100");
        c1 = customer("p", "C1", "食杂店");
        c2 = customer("p", "C2", "食杂店");
        c3 = customer("p", "C3", "食杂店");
        c4 = customer("p", "C4", "便利店");
        c5 = customer("p", "C5", "便利店");
        q1 = customer("q", "Q1", "食杂店");
        r1 = customer("r", "R1", "便利店");

        order(c1, "S1", "2023-05-15", 100);
        order(c1, "S1", "2023-06-15", 100);
        order(c1, "S1", "2023-07-10", 10);
        order(c4, "S2", "2023-07-12", 20);
        for (LocalDate d = LocalDate.of(2023, 8, 10); d.isBefore(LocalDate.of(2024, 5, 1)); d = d.plusMonths(1)) {
            order(c1, "S2", d.toString(), 10);
        }
        order(c1, "S1", "2024-05-08", 10);
        order(c1, "S2", "2024-05-08", 10);
        order(c2, "S3", "2024-05-09", 20);
        order(c3, "S2", "2024-05-12", 20);
        order(c4, "S2", "2024-05-14", 20);
        order(c1, "S1", "2024-06-03", 10);
        order(c1, "S2", "2024-06-03", 20);
        order(c2, "S1", "2024-06-04", 5);
        order(c2, "S3", "2024-06-04", 10);
        order(c4, "S2", "2024-06-05", 30);
        order(c5, "S1", "2024-06-06", 5);
        order(c5, "S3", "2024-06-06", 20);
        order(c1, "S1", "2024-07-01", 77);
        order(q1, "S3", "2024-06-07", 10);
        order(r1, "S2", "2024-05-07", 50);
        order(r1, "S2", "2024-06-07", 20);

        observe(c1, "S1", "2024-05-10", 20, null);
        observe(c1, "S1", "2024-06-05", null, "380");
        observe(c1, "S1", "2024-06-20", 8, "370");
        observe(c1, "S2", "2024-05-10", 6, null);
        observe(c1, "S2", "2024-06-20", 12, "160");
        observe(c2, "S1", "2024-06-10", 6, "390");
        observe(c2, "S3", "2024-06-10", 3, null);
        observe(c3, "S1", "2024-04-15", 10, null);
        observe(c3, "S2", "2024-05-20", 5, null);
        observe(c4, "S2", "2024-05-15", null, "999");
        observe(c4, "S2", "2024-06-15", 15, "175");
        observe(c5, "S1", "2024-06-25", 5, null);
        observe(c5, "S3", "2024-05-25", 10, null);
        observe(c5, "S3", "2024-06-25", 8, null);
        observe(c5, "S3", "2024-07-02", 99, "120");

        anomaly(c1, "2024-06-05", "假烟");
        anomaly(c4, "2024-06-15", "假烟");
        anomaly(c2, "2024-06-10", "价格异常");
        anomaly(c1, "2024-05-10", "断货");

        // Other test classes may have rolled these months up before this data existed.
        Stream.iterate(YearMonth.of(2023, 5), m -> !m.isAfter(YearMonth.of(2024, 7)), m -> m.plusMonths(1))
                .forEach(rollup::refresh);
    }

    private void spec(String local, String name, int priceClass, String wholesale, String guide) {
        jdbc.update("insert into cigarette_spec (code, name, brand_family, wholesale_price, retail_price, price_class, "
                + "key_brand) values (?, ?, '测试', ?, ?, ?, false)", org.code(local), name, new BigDecimal(wholesale),
                new BigDecimal(guide), priceClass);
    }

    public long customer(String cm, String licence, String businessFormat) {
        jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type, status, "
                + "opened_on) values (?, ?, ?, ?, '城网', 'ACTIVE', ?)", org.code(licence), "零售户" + licence,
                org.code("R-" + cm), businessFormat, LocalDate.of(2020, 1, 1));
        return jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class, org.code(licence));
    }

    private static final java.util.Map<String, String> WHOLESALE = java.util.Map.of("S1", "300", "S2", "120", "S3", "80");

    public void order(long customer, String spec, String date, int quantity) {
        org.order(customer, spec, LocalDate.parse(date), quantity, WHOLESALE.get(spec));
    }

    public void observe(long customer, String spec, String date, Integer inventory, String price) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory, retail_price) "
                + "values (?, ?, ?, ?, ?)", customer, org.code(spec), LocalDate.parse(date), inventory,
                price == null ? null : new BigDecimal(price));
    }

    private void anomaly(long customer, String date, String type) {
        jdbc.update("insert into market_anomaly (customer_id, observed_on, anomaly_type) values (?, ?, ?)", customer,
                LocalDate.parse(date), type);
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** Area P's row, every stored number as worked out above; the centre index and warning are checked apart. */
    MarketMonthResult expectedP(BigDecimal centreIndex, boolean warning) {
        return new MarketMonthResult("2024-06", areaP, cmP, 4, dec("1.0975"), dec("95.00"), 100, dec("14400.00"),
                dec("0.9500"), dec("28.50"), dec("0.2488"), dec("144.00"), dec("132.50"), dec("1.0868"),
                dec("1.2000"), 80, dec("1.2500"), centreIndex, warning, false, null, null);
    }

    MarketMonthResult expectedQ(BigDecimal centreIndex) {
        return new MarketMonthResult("2024-06", areaQ, cmQ, 1, null, dec("0.00"), 10, dec("800.00"), null, null, null,
                dec("80.00"), dec("0.00"), null, dec("0.0000"), 0, null, centreIndex, false, false, null, null);
    }

    MarketMonthResult expectedR(BigDecimal centreIndex, boolean warning) {
        return new MarketMonthResult("2024-06", areaR, cmR, 1, null, dec("0.00"), 20, dec("2400.00"), null, null, null,
                dec("120.00"), dec("120.00"), dec("1.0000"), dec("0.0000"), 50, dec("0.4000"), centreIndex, warning,
                false, null, null);
    }

    /** Rows and detail rows of the three areas; {@code centreIndex} as computed by the caller. */
    void assertAll(MarketAnalysisService analysis, BigDecimal centreIndex, boolean warnR) {
        assertThat(analysis.rows(MONTH, cmP)).singleElement().usingRecursiveComparison().ignoringFields("analysedAt")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expectedP(centreIndex, false));
        assertThat(analysis.rows(MONTH, cmQ)).singleElement().usingRecursiveComparison().ignoringFields("analysedAt")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expectedQ(centreIndex));
        assertThat(analysis.rows(MONTH, cmR)).singleElement().usingRecursiveComparison().ignoringFields("analysedAt")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expectedR(centreIndex, warnR));

        MarketMonthResult.Detail p = analysis.detail(MONTH, areaP);
        assertThat(p.priceClassShares()).containsExactly(
                new MarketMonthResult.PriceClassShare(1, 20, dec("0.2000")),
                new MarketMonthResult.PriceClassShare(2, 0, dec("0.0000")),
                new MarketMonthResult.PriceClassShare(3, 80, dec("0.8000")),
                new MarketMonthResult.PriceClassShare(4, 0, dec("0.0000")),
                new MarketMonthResult.PriceClassShare(5, 0, dec("0.0000")));
        assertThat(p.specPrices()).containsExactly(
                new MarketMonthResult.SpecPrice(org.code("S1"), 2, dec("380.00"), dec("360.00"), dec("0.0556"), false),
                new MarketMonthResult.SpecPrice(org.code("S2"), 2, dec("167.50"), dec("150.00"), dec("0.1167"), true));
        assertThat(p.anomalyCounts()).containsExactlyInAnyOrder(
                new MarketMonthResult.AnomalyCount("假烟", 2), new MarketMonthResult.AnomalyCount("价格异常", 1));

        MarketMonthResult.Detail q = analysis.detail(MONTH, areaQ);
        assertThat(q.priceClassShares()).extracting(MarketMonthResult.PriceClassShare::share)
                .containsExactly(dec("0.0000"), dec("0.0000"), dec("1.0000"), dec("0.0000"), dec("0.0000"));
        assertThat(q.specPrices()).isEmpty();
        assertThat(q.anomalyCounts()).isEmpty();
        assertThat(analysis.detail(MONTH, areaR).priceClassShares()).extracting(MarketMonthResult.PriceClassShare::volume)
                .containsExactly(0, 0, 20, 0, 0);
    }
}
