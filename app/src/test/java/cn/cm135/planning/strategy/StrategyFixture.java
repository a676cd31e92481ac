package cn.cm135.planning.strategy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;
import cn.cm135.customer.analysis.SalesRollup;

/**
 * Hand-built data for step 9, all in months nobody else's fixture uses: the plan month 2028-04, so the
 * analysed month is 2028-03 (last day 2028-03-31; the last 4 weeks are 03-04…03-10, 03-11…03-17,
 * 03-18…03-24, 03-25…03-31; the last 3 months 2028-01…2028-03).
 *
 * <p>Specs (guide price = wholesale × 1.1): {@code <p>N} 普通烟 wholesale 100 → guide 110.00, not key;
 * {@code <p>K} 重点烟 wholesale 200 → guide 220.00, key brand; {@code <p>T} 目标烟 wholesale 50 → guide 55.00.
 *
 * <p>A "quiet" customer fires no rule: analysed (no warning, level 良 75.00, 2 weeks of stock), orders of N on
 * 03-20 and 03-27 (2 of the last 4 weeks), opened 2020-01-01, no need, no target, no count, no price.
 */
final class StrategyFixture {

    static final YearMonth PLAN = YearMonth.of(2028, 4);
    static final YearMonth ANALYSED = YearMonth.of(2028, 3);

    final JdbcTemplate jdbc;
    final TestOrganization org;
    final String marketManager;
    final String n, k, t;

    StrategyFixture(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.org = new TestOrganization(jdbc, prefix);
        this.marketManager = org.department("D", "mm", "冯经理");
        org.spec("N", "普通烟", "100", false);
        org.spec("K", "重点烟", "200", true);
        org.spec("T", "目标烟", "50", false);
        n = org.code("N");
        k = org.code("K");
        t = org.code("T");
    }

    String customerManager(String local, String name) {
        return org.customerManager("D", local, name);
    }

    /** An active customer of the customer manager with the quiet analysis row but no orders yet. */
    long bare(String cmLocal, String licence) {
        long id = org.customer(cmLocal, licence, 10, "ACTIVE");
        analysis(id, org.id(cmLocal), false, "良", "75.00", 20, "1.0000", "1.0000", 10, "2.0000");
        return id;
    }

    /** A quiet customer: {@link #bare} plus orders of N in 2 of the last 4 weeks. */
    long quiet(String cmLocal, String licence) {
        long id = bare(cmLocal, licence);
        order(id, n, LocalDate.of(2028, 3, 20), 10);
        order(id, n, LocalDate.of(2028, 3, 27), 10);
        return id;
    }

    void order(long customer, String spec, LocalDate date, int quantity) {
        String wholesale = jdbc.queryForObject("select wholesale_price from cigarette_spec where code = ?",
                BigDecimal.class, spec).toPlainString();
        org.order(customer, spec.substring(org.code("").length()), date, quantity, wholesale);
    }

    /** Replaces the customer's analysis row of the analysed month. */
    void analysis(long customer, String cm, boolean warning, String level, String score, int volume, String momIndex,
            String peerMomIndex, Integer stock, String weeksOfStock) {
        jdbc.update("delete from customer_month_result where period = ? and customer_id = ?", ANALYSED.toString(), customer);
        jdbc.update("""
                insert into customer_month_result (period, customer_id, customer_manager_id, business_format, market_type,
                       volume, amount, unit_value, prev_volume, mom_index, last_year_volume, yoy_index, order_days,
                       specs_ordered, key_volume, key_share, retail_profit, peer_mom_index, warning,
                       volume_3m, avg_monthly_volume, volume_score, volume_points,
                       amount_3m, unit_value_3m, unit_value_score, unit_value_points,
                       order_weeks, regularity_score, regularity_points, specs_3m, breadth_score, breadth_points,
                       last_year_volume_3m, growth_index_3m, growth_score, growth_points,
                       stock, weeks_of_stock, stock_score, stock_points, capability_score, capability_level,
                       volume_decile, unit_value_tercile, new_customer, grade, locked, analysed_at)
                values (?, ?, ?, '食杂店', '城网', ?, 0, 0, 0, ?, 0, null, 0, 0, 0, 0, 0, ?, ?,
                        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0,
                        ?, ?, 0, 0, ?, ?, 1, 1, false, 1, false, ?)
                """, ANALYSED.toString(), customer, cm, volume, new BigDecimal(momIndex), new BigDecimal(peerMomIndex),
                warning, stock, weeksOfStock == null ? null : new BigDecimal(weeksOfStock), new BigDecimal(score), level,
                Timestamp.valueOf(LocalDateTime.of(2028, 4, 1, 6, 0)));
    }

    void demand(long customer, String period, String needType, String status) {
        jdbc.update("insert into customer_demand (customer_id, period, need_type, content, status) values (?, ?, ?, ?, ?)",
                customer, period, needType, "需求：" + needType, status);
    }

    void target(long customer, String spec) {
        jdbc.update("insert into brand_target_customer (period, spec_code, customer_id) values (?, ?, ?)",
                PLAN.toString(), spec, customer);
    }

    void observe(long customer, String spec, LocalDate on, Integer inventory, String price) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory, retail_price, on_shelf) "
                + "values (?, ?, ?, ?, ?, true)", customer, spec, on, inventory, price == null ? null : new BigDecimal(price));
    }

    /**
     * Rolls up the three months before the plan month, as the orders and observations imports do after writing:
     * step 9 reads the counts, prices and order days from the roll-ups.
     */
    void rollUp(SalesRollup rollup) {
        for (int m = 1; m <= 3; m++) {
            rollup.refresh(YearMonth.of(2028, m));
        }
    }
}
