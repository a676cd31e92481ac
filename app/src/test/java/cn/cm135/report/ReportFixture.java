package cn.cm135.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;

/**
 * Stored analysis rows of March 2031 (a month no other test uses) for two teams, written straight into the
 * result tables, so every cell a report shows is known by hand; and order lines and counts for one
 * customer's 动销台账.
 *
 * <pre>
 * Team 1 (market manager mm1): cm1 周一 (area 周一片区: customers A, B), cm2 吴二 (吴二片区: C).
 * Team 2 (market manager mm2): cm3 郑三 (郑三片区: D). Marketing centre: yx.
 * Customers are SUSPENDED: the company-wide analyses of other test classes leave them out.
 *
 * customer_month_result 2031-03 (volume, amount, unit value, prev volume, MoM GI, last year, YoY GI, ...):
 *   A (cm1)  1200  216000.00  180.00  1000  1.2000    0  null  days 4  specs 12  key 300 share 0.2500
 *            profit 24000.00  peer GI 1.0500  no warning;  score 70.00 良, grade 22
 *   B (cm1)     0       0.00    0.00    50  0.0000   40 0.0000 days 0  specs 0   key 0  share 0
 *            profit 0.00  peer GI 1.0500  warning;      score 19.97 差, grade 3
 *   C (cm2)   500   60000.00  120.00   500  1.0000  400 1.2500 ...                score 55.00 中, grade 25
 *   D (cm3)   300   30000.00  100.00   200  1.5000  300 1.0000 ...                score 90.00 优, grade 30
 *
 * 片区统计 of cm1 (周一片区): 2 customers; 15–24档 1 (A 22), 1–14档 1 (B 3); 良 1, 差 1; 预警 1;
 *   volume 1200, MoM 1200 ÷ (1000 + 50) = 1.142857 → 1.1429 → +14.3%; amount 216000.00;
 *   单条值 216000 ÷ 1200 = 180.00; mean score (70.00 + 19.97) ÷ 2 = 44.985 → 44.99.
 * 片区统计 of team 1, total (合计): 3 customers; 25–30档 1 (C), 15–24档 1, 1–14档 1; 良 中 差 1 each;
 *   volume 1700, MoM 1700 ÷ 1550 = 1.096774 → 1.0968 → +9.7%; amount 276000.00;
 *   单条值 276000 ÷ 1700 = 162.352… → 162.35; mean score (70 + 19.97 + 55) ÷ 3 = 48.3233… → 48.32.
 *
 * brand_month_result 2031-03, 周一片区 × S1 (测试烟一, 三类): volume 80, MoM GI 0.8000 → −20.0%, YoY null → —,
 *   铺货率 0.5000 → 50.0%, 重购率 0.6667 → 66.7%, 上柜率 null → —, 动销率 1.2500 → 1.25, target 100,
 *   attainment 0.8000 → 80.0%, target customers 3, converted 2, 成熟期, warning; conclusions "重点培育S1" locked.
 * market_month_result 2031-03, 周一片区: 2 active customers, volume 1200 (MoM GI 1.1429 → +14.3%),
 *   centre GI 1.0500 → +5.0%, 单条值 180.00 (GI 1.0200 → +2.0%), price index 0.9876, social inventory
 *   345.67 → 346, 存销比 0.2881 → 0.29, 可销天数 8.93 → 8.9, margin 0.1234 → 12.3%, seasonal 1.1000 → 1.10,
 *   no warning; shares 一类 0.1000, 二类 0.2000, 三类 0.7000, 四类 0, 五类 0; S1 mean price 250.00 against
 *   guide 220.00, deviation 0.1364 → +13.6% (flagged); anomalies 假烟 2, 断货 1, 其他 (a type "串货") 3 → 合计 6.
 *
 * 动销台账 of A, March 2031 (S1 wholesale 200, guide 220; S2 wholesale 100, guide 110):
 *   S1 counted 10 on 02-20 (opening), bought 30 on 03-05 (6000.00), counted 12 at 230.00 on 03-28
 *      → actual sales 10 + 30 − 12 = 28, margin 230 − 200 = 30, profit 28 × 30 = 840.00
 *   S2 bought 10 on 03-12 (1000.00), never counted → actual sales and profit —, guide 110.00, margin 10.00
 *   合计: bought 40, 7000.00, actual sales 28, profit 840.00
 * </pre>
 */
final class ReportFixture {

    static final YearMonth MONTH = YearMonth.of(2031, 3);

    final TestOrganization org;
    final String mm1, mm2, cm1, cm2, cm3, yx;
    final long a, b, c, d;
    private final JdbcTemplate jdbc;

    ReportFixture(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        mm1 = org.department("D1", "mm1", "钱经理");
        mm2 = org.department("D2", "mm2", "孙经理");
        cm1 = org.customerManager("D1", "cm1", "周一");
        cm2 = org.customerManager("D1", "cm2", "吴二");
        cm3 = org.customerManager("D2", "cm3", "郑三");
        yx = org.marketingCentre("yx", "营销中心冯");
        a = org.customer("cm1", "A", 22, "SUSPENDED");
        b = org.customer("cm1", "B", 3, "SUSPENDED");
        c = org.customer("cm2", "C", 25, "SUSPENDED");
        d = org.customer("cm3", "D", 30, "SUSPENDED");
        org.spec("S1", "测试烟一", "200", true);
        org.spec("S2", "测试烟二", "100", false);

        customerResult(a, cm1, 1200, "216000.00", "180.00", 1000, "1.2000", 0, null, 4, 12, 300, "0.2500",
                "24000.00", "1.0500", false, "70.00", "良", 22);
        customerResult(b, cm1, 0, "0.00", "0.00", 50, "0.0000", 40, "0.0000", 0, 0, 0, "0.0000",
                "0.00", "1.0500", true, "19.97", "差", 3);
        customerResult(c, cm2, 500, "60000.00", "120.00", 500, "1.0000", 400, "1.2500", 5, 10, 100, "0.2000",
                "9000.00", "1.0500", false, "55.00", "中", 25);
        customerResult(d, cm3, 300, "30000.00", "100.00", 200, "1.5000", 300, "1.0000", 3, 8, 50, "0.1667",
                "4000.00", "1.1000", false, "90.00", "优", 30);

        jdbc.update("""
                insert into brand_month_result (period, area_code, spec_code, volume, prev_volume, last_year_volume,
                    mom_index, yoy_index, active_customers, buyers, distribution_rate, prev_buyers, repeat_buyers,
                    repurchase_rate, shelf_customers, on_shelf_customers, shelf_rate, sales_rate, target_volume,
                    target_attainment, target_customers, target_customers_converted, conversion_rate, price_class,
                    price_class_yoy_index, delta_pp, months_since_launch, status, centre_index, warning,
                    conclusions, locked, locked_at, analysed_at)
                values ('2031-03', ?, ?, 80, 100, 0, 0.8000, null, 2, 1, 0.5000, 3, 2, 0.6667, 0, 0, null, 1.2500,
                    100, 0.8000, 3, 2, 0.6667, 3, 1.0000, null, 120, '成熟期', 1.1000, true,
                    '重点培育S1', true, ?, ?)
                """, org.code("A-cm1"), org.code("S1"), LocalDateTime.of(2031, 4, 3, 9, 0),
                LocalDateTime.of(2031, 4, 1, 6, 0));

        jdbc.update("""
                insert into market_month_result (period, area_code, customer_manager_id, active_customers,
                    price_index, social_inventory, volume, amount, stock_sales_ratio, days_of_stock,
                    retail_margin_rate, unit_value, prev_unit_value, unit_value_index, seasonal_index_next,
                    prev_volume, volume_index, centre_volume_index, warning, locked, conclusions, analysed_at)
                values ('2031-03', ?, ?, 2, 0.9876, 345.67, 1200, 216000.00, 0.2881, 8.93, 0.1234, 180.00, 176.47,
                    1.0200, 1.1000, 1050, 1.1429, 1.0500, false, false, null, ?)
                """, org.code("A-cm1"), cm1, LocalDateTime.of(2031, 4, 1, 6, 0));
        String[] shares = {"0.1000", "0.2000", "0.7000", "0.0000", "0.0000"};
        int[] volumes = {120, 240, 840, 0, 0};
        for (int k = 0; k < 5; k++) {
            jdbc.update("insert into market_price_class_share (period, area_code, price_class, volume, share) "
                    + "values ('2031-03', ?, ?, ?, ?)", org.code("A-cm1"), k + 1, volumes[k], new BigDecimal(shares[k]));
        }
        jdbc.update("insert into market_spec_price (period, area_code, spec_code, customers, mean_price, guide_price, "
                + "deviation, flagged) values ('2031-03', ?, ?, 2, 250.00, 220.00, 0.1364, true)",
                org.code("A-cm1"), org.code("S1"));
        jdbc.update("insert into market_spec_price (period, area_code, spec_code, customers, mean_price, guide_price, "
                + "deviation, flagged) values ('2031-03', ?, ?, 1, 112.00, 110.00, 0.0182, false)",
                org.code("A-cm1"), org.code("S2"));
        for (Object[] anomaly : new Object[][] {{"假烟", 2}, {"断货", 1}, {"串货", 3}}) {
            jdbc.update("insert into market_anomaly_count (period, area_code, anomaly_type, count) "
                    + "values ('2031-03', ?, ?, ?)", org.code("A-cm1"), anomaly[0], anomaly[1]);
        }

        count(a, "S1", "2031-02-20", 10, null);
        org.order(a, "S1", LocalDate.of(2031, 3, 5), 30, "200");
        org.order(a, "S2", LocalDate.of(2031, 3, 12), 10, "100");
        count(a, "S1", "2031-03-28", 12, "230.00");
    }

    // ---- the cells the reports show, copied from the hand computation above ----

    /** 经营效果明细 of cm1: A, then B (MoM 0/50 → −100.0%, YoY 0/40 → −100.0%, warned). */
    List<List<String>> businessEffectOfCm1() {
        return List.of(
                List.of(org.code("A"), "零售户A", "周一片区", "食杂店", "城网", "1200", "216000.00", "180.00", "1000", "+20.0%",
                        "0", "—", "4", "12", "300", "25.0%", "24000.00", "+5.0%", ""),
                List.of(org.code("B"), "零售户B", "周一片区", "食杂店", "城网", "0", "0.00", "0.00", "50", "-100.0%", "40",
                        "-100.0%", "0", "0", "0", "0.0%", "0.00", "+5.0%", "预警"));
    }

    /** 经营能力打分明细 of A: 22.50 + 10.00 + 15.00 + 7.50 + 5.00 + 10.00 = 70.00 良; 2.3456 weeks → 2.3. */
    List<String> capabilityOfA() {
        return List.of(org.code("A"), "零售户A", "周一片区", "1100.00", "75.0%", "22.50", "178.50", "50.0%", "10.00", "13",
                "15.00", "15", "7.50", "—", "5.00", "2.3", "10.00", "70.00", "良", "22");
    }

    /** 片区统计 of team 1 with its total. */
    List<List<String>> areaStatisticsOfTeam1() {
        return List.of(
                List.of("周一片区", "周一", "2", "0", "1", "1", "0", "1", "0", "1", "1", "1200", "+14.3%", "216000.00",
                        "180.00", "44.99"),
                List.of("吴二片区", "吴二", "1", "1", "0", "0", "0", "0", "1", "0", "0", "500", "0.0%", "60000.00",
                        "120.00", "55.00"),
                List.of("合计", "", "3", "1", "1", "1", "0", "1", "1", "1", "1", "1700", "+9.7%", "276000.00",
                        "162.35", "48.32"));
    }

    List<String> brandRowOfCm1() {
        return List.of("周一片区", org.code("S1"), "测试烟一", "三类", "80", "-20.0%", "—", "50.0%", "66.7%", "—", "1.25",
                "100", "80.0%", "3", "2", "成熟期", "预警");
    }

    /** 市场分析 of cm1, its four tables (only S1 strays more than 10%; 串货 counts as 其他). */
    List<List<List<String>>> marketOfCm1() {
        return List.of(
                List.of(List.of("周一片区", "周一", "2", "1200", "+14.3%", "+5.0%", "180.00", "+2.0%", "0.9876", "346",
                        "0.29", "8.9", "12.3%", "1.10", "")),
                List.of(List.of("周一片区", "10.0%", "20.0%", "70.0%", "0.0%", "0.0%")),
                List.of(List.of("周一片区", org.code("S1"), "测试烟一", "2", "250.00", "220.00", "+13.6%")),
                List.of(List.of("周一片区", "2", "0", "0", "0", "1", "3", "6")));
    }

    /** 动销台账 of A with its total row. */
    List<List<String>> ledgerOfA() {
        return List.of(
                List.of(org.code("S1"), "测试烟一", "10", "2031-02-20", "30", "6000.00", "12", "2031-03-28", "28", "230.00",
                        "实测", "200.00", "30.00", "840.00"),
                List.of(org.code("S2"), "测试烟二", "—", "", "10", "1000.00", "—", "", "—", "110.00", "指导价", "100.00",
                        "10.00", "—"),
                List.of("合计", "", "", "", "40", "7000.00", "", "", "28", "", "", "", "", "840.00"));
    }

    /** A customer's stored analysis; the capability items not shown by the tests are 0. */
    private void customerResult(long customer, String cm, int volume, String amount, String unitValue, int prevVolume,
            String momIndex, int lastYearVolume, String yoyIndex, int orderDays, int specs, int keyVolume,
            String keyShare, String profit, String peerIndex, boolean warning, String score, String level, int grade) {
        jdbc.update("""
                insert into customer_month_result (period, customer_id, customer_manager_id, business_format,
                    market_type, volume, amount, unit_value, prev_volume, mom_index, last_year_volume, yoy_index,
                    order_days, specs_ordered, key_volume, key_share, retail_profit, peer_mom_index, warning,
                    volume_3m, avg_monthly_volume, volume_score, volume_points, amount_3m, unit_value_3m,
                    unit_value_score, unit_value_points, order_weeks, regularity_score, regularity_points, specs_3m,
                    breadth_score, breadth_points, last_year_volume_3m, growth_index_3m, growth_score, growth_points,
                    stock, weeks_of_stock, stock_score, stock_points, capability_score, capability_level,
                    volume_decile, unit_value_tercile, new_customer, grade, locked, analysed_at)
                values ('2031-03', ?, ?, '食杂店', '城网', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    3300, 1100.00, 0.7500, 22.50, 590000.00, 178.50, 0.5000, 10.00, 13, 1.0000, 15.00, 15,
                    0.5000, 7.50, 0, null, 0.5000, 5.00, 50, 2.3456, 1.0000, 10.00, ?, ?,
                    8, 1, false, ?, false, ?)
                """, customer, cm, volume, new BigDecimal(amount), new BigDecimal(unitValue), prevVolume,
                dec(momIndex), lastYearVolume, dec(yoyIndex), orderDays, specs, keyVolume, new BigDecimal(keyShare),
                new BigDecimal(profit), dec(peerIndex), warning, new BigDecimal(score), level, grade,
                LocalDateTime.of(2031, 4, 1, 6, 0));
    }

    private void count(long customer, String spec, String day, Integer inventory, String retailPrice) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory, retail_price) "
                + "values (?, ?, ?, ?, ?)", customer, org.code(spec), LocalDate.parse(day), inventory,
                dec(retailPrice));
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

}
