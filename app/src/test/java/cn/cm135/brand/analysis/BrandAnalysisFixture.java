package cn.cm135.brand.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;
import cn.cm135.customer.analysis.SalesRollup;

/**
 * A small marketing centre for step 6, analysed for June 2024 (m = 2024-06, m−1 = 2024-05,
 * m−12 = 2023-06), with every stored number of all six (area, spec) rows worked out by hand.
 *
 * <pre>
 * Areas: A1 (cm1) customers a1 a2 a3 a4; A2 (cm2) customers b1 b2 b3.
 * Specs: K 重点品牌, price class 2, launched 2015-01-01  → 113 months before 2024-06-30
 *        P           price class 2, launched 2010-03-01  → 171 months
 *        N 新品牌,    price class 3, launched 2023-12-15  →   6 months (导入期)
 *
 * Orders (条)         2023-06 (m−12)      2024-05 (m−1)              2024-06 (m)
 *   K A1              a1 10, a2 10        a1 10, a2 10, a3 5         a1 15, a2 2+3 (two days), a4 10
 *   P A1              a1 20               a1 10, a4 10               a1 10
 *   N A1              —                   a1 4                       a2 6, a3 6
 *   K A2              b1 30               b1 20, b2 10               b1 20, b2 7
 *   P A2              b2 10               b2 10                      b2 11
 *   N A2              —                   —                          b3 3
 * Noise outside the months read: a1 K 2024-04 50, a1 K 2024-07 99, b1 P 2023-05 40, a2 P 2023-07 8.
 * Active customers in m: A1 = a1 a2 a3 a4 = 4; A2 = b1 b2 b3 = 3.
 *
 * Volumes V(m) / V(m−1) / V(m−12):
 *   A1: K 30/25/20, P 10/20/20, N 12/4/0;  A2: K 27/30/30, P 11/10/10, N 3/0/0
 * Price class 2 (K+P) in A1: 40 (m), 40 (m−12) → 1.0000; in A2: 38, 40 → 0.9500.
 * Price class 3 (N) has no sales in m−12 → class YoY null, δ null.
 * δ = 100·(V·C12 − C·V12) ÷ (V12·C12):
 *   A1 K: 100·(30·40 − 40·20) ÷ 800  =  50.00 → 成长期
 *   A1 P: 100·(10·40 − 40·20) ÷ 800  = −50.00 → 衰退期
 *   A2 K: 100·(27·40 − 38·30) ÷ 1200 =  −5.00 → 成熟期 (exactly −5 is not "< −5")
 *   A2 P: 100·(11·40 − 38·10) ÷ 400  =  15.00 → 成长期
 *   N: 6 months since launch → 导入期 in both areas
 * Centre MoM index (all customers): K 57/55 = 1.03636 → 1.0364; P 21/30 = 0.7000; N 15/4 = 3.7500.
 * Warning (ratio 0.8): A1 K 1.2/1.036 = 1.16 no; A1 P 0.5/0.7 = 0.714 YES; A1 N 3/3.75 = 0.8 exactly,
 *   not below → no (12·4 = 48 is not < 0.8·15·4 = 48); A2 K 0.9/1.036 = 0.868 no; A2 P 1.57 no;
 *   A2 N: MoM undefined (V(m−1) = 0) → no.
 * Buyers: A1 K m {a1,a2,a4}=3, m−1 {a1,a2,a3}=3, both {a1,a2}=2 → 铺货率 3/4 = 0.7500, 重购率 2/3 = 0.6667,
 *   动销率 (30/3) ÷ (25/3) = 1.2000
 *   A1 P m {a1}=1, m−1 {a1,a4}=2, both 1 → 1/4 = 0.2500, 1/2 = 0.5000, (10/1) ÷ (20/2) = 1.0000
 *   A1 N m {a2,a3}=2, m−1 {a1}=1, both 0 → 2/4 = 0.5000, 0/1 = 0.0000, (12/2) ÷ (4/1) = 1.5000
 *   A2 K m {b1,b2}=2, m−1 {b1,b2}=2, both 2 → 2/3 = 0.6667, 1.0000, (27/2) ÷ (30/2) = 0.9000
 *   A2 P m {b2}, m−1 {b2}, both 1 → 1/3 = 0.3333, 1.0000, 11 ÷ 10 = 1.1000
 *   A2 N m {b3}, m−1 none → 1/3 = 0.3333, 重购率 null, 动销率 null
 * Shelf observations (latest in June with on_shelf recorded, per customer):
 *   K A1: a1 06-05 yes; a2 06-03 no then 06-20 yes (counts yes); a3 06-10 no; a4 05-28 yes (May, ignored)
 *         and 06-15 inventory only (on_shelf null, ignored) → 2 of 3 = 0.6667
 *   N A1: a1 06-12 no, a2 06-12 yes, a3 07-01 yes (July, ignored) → 1 of 2 = 0.5000
 *   K A2: b1 06-30 yes → 1 of 1 = 1.0000;  N A2: b1 06-18 no, b2 06-18 no → 0 of 2 = 0.0000
 *   P: no observation in either area → 上柜率 null
 * Targets of 2024-06 (a 2024-07 target of A1 K = 999 and a 2024-05 target customer are ignored):
 *   A1 K 40 → 30/40 = 0.7500, target customers K {a1, a3} → a1 ordered K: 1 of 2 = 0.5000
 *   A1 N 10 → 12/10 = 1.2000, target customers N {a1, a3, a4} → a3 ordered N: 1 of 3 = 0.3333
 *   A2 P 20 → 11/20 = 0.5500, no target customers → 0, 0, conversion null
 *   A2 K no target → target null, attainment null; target customer K {b3} → 0 of 1 = 0.0000
 * </pre>
 */
final class BrandAnalysisFixture {

    static final YearMonth MONTH = YearMonth.of(2024, 6);

    final JdbcTemplate jdbc;
    final TestOrganization org;
    final String cm1, cm2, area1, area2, k, p, n;
    final long a1, a2, a3, a4, b1, b2, b3;

    BrandAnalysisFixture(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        org.department("D1", "mm1", "钱市场");
        cm1 = org.customerManager("D1", "cm1", "孙客户");
        cm2 = org.customerManager("D1", "cm2", "周客户");
        area1 = org.code("A-cm1");
        area2 = org.code("A-cm2");
        k = spec("K", "测试重点品牌", 2, true, false, "2015-01-01");
        p = spec("P", "测试二类烟", 2, false, false, "2010-03-01");
        n = spec("N", "测试新品", 3, false, true, "2023-12-15");
        a1 = org.customer("cm1", "a1", null, "ACTIVE");
        a2 = org.customer("cm1", "a2", null, "ACTIVE");
        a3 = org.customer("cm1", "a3", null, "ACTIVE");
        a4 = org.customer("cm1", "a4", null, "ACTIVE");
        b1 = org.customer("cm2", "b1", null, "ACTIVE");
        b2 = org.customer("cm2", "b2", null, "ACTIVE");
        b3 = org.customer("cm2", "b3", null, "ACTIVE");

        // m-12
        order(a1, "K", "2023-06-05", 10);
        order(a2, "K", "2023-06-06", 10);
        order(a1, "P", "2023-06-05", 20);
        order(b1, "K", "2023-06-10", 30);
        order(b2, "P", "2023-06-11", 10);
        // m-1
        order(a1, "K", "2024-05-06", 10);
        order(a2, "K", "2024-05-07", 10);
        order(a3, "K", "2024-05-08", 5);
        order(a1, "P", "2024-05-06", 10);
        order(a4, "P", "2024-05-20", 10);
        order(a1, "N", "2024-05-31", 4);
        order(b1, "K", "2024-05-13", 20);
        order(b2, "K", "2024-05-14", 10);
        order(b2, "P", "2024-05-14", 10);
        // m
        order(a1, "K", "2024-06-03", 15);
        order(a2, "K", "2024-06-04", 2);
        order(a2, "K", "2024-06-18", 3);
        order(a4, "K", "2024-06-05", 10);
        order(a1, "P", "2024-06-03", 10);
        order(a2, "N", "2024-06-04", 6);
        order(a3, "N", "2024-06-01", 6);
        order(b1, "K", "2024-06-10", 20);
        order(b2, "K", "2024-06-30", 7);
        order(b2, "P", "2024-06-30", 11);
        order(b3, "N", "2024-06-12", 3);
        // noise outside m, m-1, m-12
        order(a1, "K", "2024-04-15", 50);
        order(a1, "K", "2024-07-01", 99);
        order(b1, "P", "2023-05-31", 40);
        order(a2, "P", "2023-07-01", 8);

        shelf(a1, "K", "2024-06-05", true);
        shelf(a2, "K", "2024-06-03", false);
        shelf(a2, "K", "2024-06-20", true);
        shelf(a3, "K", "2024-06-10", false);
        shelf(a4, "K", "2024-05-28", true);
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory) values (?, ?, ?, 12)",
                a4, k, LocalDate.parse("2024-06-15"));
        shelf(a1, "N", "2024-06-12", false);
        shelf(a2, "N", "2024-06-12", true);
        shelf(a3, "N", "2024-07-01", true);
        shelf(b1, "K", "2024-06-30", true);
        shelf(b1, "N", "2024-06-18", false);
        shelf(b2, "N", "2024-06-18", false);
    }

    /** Step 7 of June: targets and target customers (through the service, as the CM would). */
    void targets(BrandAnalysisService service) {
        service.setTarget(MONTH, area1, k, 35);
        service.setTarget(MONTH, area1, k, 40);   // upsert: the second value wins
        service.setTarget(MONTH, area1, n, 10);
        service.setTarget(MONTH, area2, p, 20);
        service.setTarget(MONTH.plusMonths(1), area1, k, 999);
        service.addTargetCustomer(MONTH, k, a1);
        service.addTargetCustomer(MONTH, k, a3);
        service.addTargetCustomer(MONTH, k, a3);  // idempotent
        service.addTargetCustomer(MONTH, n, a1);
        service.addTargetCustomer(MONTH, n, a3);
        service.addTargetCustomer(MONTH, n, a4);
        service.addTargetCustomer(MONTH, k, b3);
        service.addTargetCustomer(MONTH.minusMonths(1), p, b1);
    }

    /**
     * The importer refreshes the roll-up of the months it loads; do the same for the fixture's months, so
     * a month another test class rolled up before these orders existed is not read stale.
     */
    void refreshRollup(SalesRollup rollup) {
        for (YearMonth m = YearMonth.of(2023, 5); !m.isAfter(YearMonth.of(2024, 7)); m = m.plusMonths(1)) {
            rollup.refresh(m);
        }
    }

    String spec(String local, String name, int priceClass, boolean key, boolean isNew, String launched) {
        jdbc.update("insert into cigarette_spec (code, name, brand_family, wholesale_price, retail_price, price_class, "
                + "key_brand, new_brand, launched_on) values (?, ?, '测试', 100, 120, ?, ?, ?, ?)", org.code(local), name,
                priceClass, key, isNew, LocalDate.parse(launched));
        return org.code(local);
    }

    void order(long customer, String spec, String day, int quantity) {
        org.order(customer, spec, LocalDate.parse(day), quantity, "100");
    }

    void shelf(long customer, String spec, String day, boolean onShelf) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, on_shelf) values (?, ?, ?, ?)",
                customer, org.code(spec), LocalDate.parse(day), onShelf);
    }

    // ---- expected rows, copied from the hand computation above ----

    BrandMonthResult expectedA1K() {
        return row(area1, k, 30, 25, 20, "1.2000", "1.5000", 4, 3, "0.7500", 3, 2, "0.6667", 3, 2, "0.6667",
                "1.2000", 40, "0.7500", 2, 1, "0.5000", 2, "1.0000", "50.00", 113, "成长期", "1.0364", false);
    }

    BrandMonthResult expectedA1P() {
        return row(area1, p, 10, 20, 20, "0.5000", "0.5000", 4, 1, "0.2500", 2, 1, "0.5000", 0, 0, null,
                "1.0000", null, null, 0, 0, null, 2, "1.0000", "-50.00", 171, "衰退期", "0.7000", true);
    }

    BrandMonthResult expectedA1N() {
        return row(area1, n, 12, 4, 0, "3.0000", null, 4, 2, "0.5000", 1, 0, "0.0000", 2, 1, "0.5000",
                "1.5000", 10, "1.2000", 3, 1, "0.3333", 3, null, null, 6, "导入期", "3.7500", false);
    }

    BrandMonthResult expectedA2K() {
        return row(area2, k, 27, 30, 30, "0.9000", "0.9000", 3, 2, "0.6667", 2, 2, "1.0000", 1, 1, "1.0000",
                "0.9000", null, null, 1, 0, "0.0000", 2, "0.9500", "-5.00", 113, "成熟期", "1.0364", false);
    }

    BrandMonthResult expectedA2P() {
        return row(area2, p, 11, 10, 10, "1.1000", "1.1000", 3, 1, "0.3333", 1, 1, "1.0000", 0, 0, null,
                "1.1000", 20, "0.5500", 0, 0, null, 2, "0.9500", "15.00", 171, "成长期", "0.7000", false);
    }

    BrandMonthResult expectedA2N() {
        return row(area2, n, 3, 0, 0, null, null, 3, 1, "0.3333", 0, 0, null, 2, 0, "0.0000",
                null, null, null, 0, 0, null, 3, null, null, 6, "导入期", "3.7500", false);
    }

    List<BrandMonthResult> expectedArea1() {
        return List.of(expectedA1K(), expectedA1N(), expectedA1P());   // by spec code: K < N < P
    }

    List<BrandMonthResult> expectedArea2() {
        return List.of(expectedA2K(), expectedA2N(), expectedA2P());
    }

    /** Every stored number of the six rows, in the order {@link BrandAnalysisService#rows} returns them. */
    void assertRows(BrandAnalysisService service) {
        assertRows(service.rows(MONTH, cm1), expectedArea1());
        assertRows(service.rows(MONTH, cm2), expectedArea2());
    }

    static void assertRows(List<BrandMonthResult> actual, List<BrandMonthResult> expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparatorIgnoringFields("analysedAt", "lockedAt",
                "locked", "conclusions").containsExactlyElementsOf(expected);
        assertThat(actual).allSatisfy(r -> assertThat(r.analysedAt()).isNotNull());
    }

    private static BrandMonthResult row(String area, String spec, int volume, int prevVolume, int lastYearVolume,
            String mom, String yoy, int active, int buyers, String distribution, int prevBuyers, int repeatBuyers,
            String repurchase, int shelfCustomers, int onShelf, String shelfRate, String salesRate, Integer target,
            String attainment, int targetCustomers, int converted, String conversion, int priceClass,
            String classYoy, String delta, Integer months, String status, String centre, boolean warning) {
        return new BrandMonthResult(MONTH.toString(), area, spec, volume, prevVolume, lastYearVolume, dec(mom),
                dec(yoy), active, buyers, dec(distribution), prevBuyers, repeatBuyers, dec(repurchase), shelfCustomers,
                onShelf, dec(shelfRate), dec(salesRate), target, dec(attainment), targetCustomers, converted,
                dec(conversion), priceClass, dec(classYoy), dec(delta), months, status, dec(centre), warning, null,
                false, null, null);
    }

    static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
