package cn.cm135.planning.visits;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;
import cn.cm135.customer.analysis.SalesRollup;

/**
 * A customer manager whose visit plan of February 2034 (20 working days: 28 days = 4 whole weeks) is worked
 * out by hand. Grades are those of the analysed month, January 2034, written straight into
 * {@code customer_month_result} (an analysis would rank them among every customer of the test database).
 *
 * <pre>
 * licence route grade (source)                strategy in 2034-02               proposed
 * C01     R     30 (analysis)                                                   4   band edge
 * C02     R     25 (analysis)                                                   4   band edge
 * C03     R     24 (analysis)                                                   2   band edge
 * C04     R     15 (analysis)                                                   2   band edge
 * C05     R     14 (analysis)                                                   1   band edge
 * C06     R      1 (analysis)                 个性化服务, key point 客户          1   no raise
 * C07     R     27 (customer: not analysed)                                     4   fallback
 * C08     R     none                                                            1   no grade
 * C09     S     20 (analysis)                 经营分析指导 OPEN                    2 + 1 = 3
 * C10     S     10 (analysis)                 品牌培育, key point 品牌            1 + 1 = 2
 * C11     S     26 (analysis)                 经营分析指导 DROPPED                4
 * C12     S     26 (analysis)                 经营分析指导 of 2034-01 only        4
 * C13     S      5 (analysis)                 经营分析指导 + 品牌 DONE (once)     1 + 1 = 2
 * C14     S     12 (analysis; customer 28)                                      1   analysis wins
 *                                                                        total 35
 * S1 (suspended, grade 30) and the other customer manager's X1 are not in the plan.
 * </pre>
 *
 * Route S sorts after route R (in any collation), and its customers are created first: the plan's order is route, then
 * licence, not creation order.
 *
 * <p>商定总量 of February (key specs K1, K2; N1 is not key). Area sales 2033-02 … 2034-01: C03 K2 24 (2033-02),
 * C01 K1 10 + 20 + 30 (2033-11, -12, 2034-01), C01 K2 9 (2034-01), C01 N1 50 (2034-01), C02 K1 7 (2033-12)
 * = 150 条; seasonal index of February = 24 ÷ (150 ÷ 12) = 1.9200 (no market analysis of January).
 * C01 K1: 60 ÷ 3 = 20.00 × 1.92 = 38.4 → 38; C01 K2: 9 ÷ 3 = 3.00 × 1.92 = 5.76 → 6;
 * C02 K1: 7 ÷ 3 = 2.33, 7 × 1.92 ÷ 3 = 4.48 → 4. C03 bought nothing in the 3 months: no row.
 */
class VisitPlanFixture {

    static final YearMonth MONTH = YearMonth.of(2034, 2);
    static final YearMonth ANALYSED = YearMonth.of(2034, 1);
    static final int PROPOSED_TOTAL = 35;
    static final int WORKING_DAYS = 20;

    final TestOrganization org;
    final String mm1;
    final String mm2;
    final String cm1;
    final String cm2;
    final String centre;
    /** licence (without prefix) → customer id, of cm1's plan. */
    final Map<String, Long> customers = new LinkedHashMap<>();
    final long suspended;
    final long x1;

    private final JdbcTemplate jdbc;

    VisitPlanFixture(JdbcTemplate jdbc, SalesRollup rollup, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        mm1 = org.department("D1", "mm1", "钱拜访");
        mm2 = org.department("D2", "mm2", "孙拜访");
        cm1 = org.customerManager("D1", "cm1", "周拜访");
        cm2 = org.customerManager("D2", "cm2", "吴拜访");
        centre = org.marketingCentre("yx", "郑中心");
        jdbc.update("insert into route (code, name, area_code, weekday) values (?, '周三线路', ?, 3)",
                org.code("S-cm1"), org.code("A-cm1"));
        org.spec("K1", "拜访烟(硬)", "200", true);
        org.spec("K2", "拜访烟(软)", "100", true);
        org.spec("N1", "拜访烟(普)", "100", false);

        Object[][] routeS = {{"C09", 20}, {"C10", 10}, {"C11", 26}, {"C12", 26}, {"C13", 5}, {"C14", 12}};
        for (Object[] c : routeS) {
            long id = customerOnRouteS((String) c[0], c[0].equals("C14") ? 28 : null);
            customers.put((String) c[0], id);
            analysedGrade(id, (Integer) c[1]);
        }
        Object[][] r = {{"C01", 30}, {"C02", 25}, {"C03", 24}, {"C04", 15}, {"C05", 14}, {"C06", 1}};
        for (Object[] c : r) {
            long id = org.customer("cm1", (String) c[0], null, "ACTIVE");
            customers.put((String) c[0], id);
            analysedGrade(id, (Integer) c[1]);
        }
        customers.put("C07", org.customer("cm1", "C07", 27, "ACTIVE"));
        customers.put("C08", org.customer("cm1", "C08", null, "ACTIVE"));
        suspended = org.customer("cm1", "S1", 30, "SUSPENDED");
        x1 = org.customer("cm2", "X1", 30, "ACTIVE");

        String month = MONTH.toString();
        strategy(id("C09"), month, "经营分析指导", "客户", "OPEN");
        strategy(id("C10"), month, "品牌培育", "品牌", "OPEN");
        strategy(id("C11"), month, "经营分析指导", "客户", "DROPPED");
        strategy(id("C12"), ANALYSED.toString(), "经营分析指导", "客户", "OPEN");
        strategy(id("C13"), month, "品牌培育", "品牌", "DONE");
        strategy(id("C13"), month, "经营分析指导", "客户", "OPEN");
        strategy(id("C06"), month, "个性化服务", "客户", "OPEN");

        org.order(id("C03"), "K2", LocalDate.of(2033, 2, 14), 24, "100");
        org.order(id("C01"), "K1", LocalDate.of(2033, 11, 7), 10, "200");
        org.order(id("C01"), "K1", LocalDate.of(2033, 12, 5), 20, "200");
        org.order(id("C01"), "K1", LocalDate.of(2034, 1, 9), 30, "200");
        org.order(id("C01"), "K2", LocalDate.of(2034, 1, 9), 9, "100");
        org.order(id("C01"), "N1", LocalDate.of(2034, 1, 16), 50, "100");
        org.order(id("C02"), "K1", LocalDate.of(2033, 12, 12), 7, "200");
        // Other test classes may have rolled these months up before the orders above existed.
        for (YearMonth m = ANALYSED.minusMonths(11); !m.isAfter(ANALYSED); m = m.plusMonths(1)) {
            rollup.refresh(m);
        }
    }

    long id(String licence) {
        return customers.get(licence);
    }

    void strategy(long customerId, String period, String type, String keyPoint, String status) {
        jdbc.update("insert into service_strategy (customer_id, period, customer_manager_id, strategy_type, key_point, "
                + "spec_key, source, status, created_at, updated_at) select c.id, ?, a.customer_manager_id, ?, ?, '', "
                + "'MANUAL', ?, current_timestamp, current_timestamp from retail_customer c join route r on r.code = c.route_code "
                + "join area a on a.code = r.area_code where c.id = ?", period, type, keyPoint, status, customerId);
    }

    private long customerOnRouteS(String licence, Integer grade) {
        jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type, grade, "
                + "status) values (?, ?, ?, '便利店', '城网', ?, 'ACTIVE')", org.code(licence), "零售户" + licence,
                org.code("S-cm1"), grade);
        return jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class, org.code(licence));
    }

    /** A customer_month_result row of the analysed month with only the grade mattering here. */
    void analysedGrade(long customerId, int grade) {
        jdbc.update("""
                insert into customer_month_result (period, customer_id, customer_manager_id, business_format, market_type,
                    volume, amount, unit_value, prev_volume, last_year_volume, order_days, specs_ordered, key_volume,
                    key_share, retail_profit, warning, volume_3m, avg_monthly_volume, volume_score, volume_points,
                    amount_3m, unit_value_3m, unit_value_score, unit_value_points, order_weeks, regularity_score,
                    regularity_points, specs_3m, breadth_score, breadth_points, last_year_volume_3m, growth_score,
                    growth_points, stock_score, stock_points, capability_score, capability_level, volume_decile,
                    unit_value_tercile, new_customer, grade, analysed_at)
                values (?, ?, ?, '食杂店', '城网', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, 0, 0, 0, 0, 0, '差', 1, 1, false, ?, ?)
                """, ANALYSED.toString(), customerId, cm1, grade, LocalDateTime.of(2034, 2, 1, 6, 0));
    }
}
