package cn.cm135.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;

/**
 * Rows of steps 11–16 written by hand for the review tests: a department with market manager {@code mm} and
 * customer managers, a key spec K (批发价 200, 零售指导价 220) and a plain spec N (批发价 100), and helpers for
 * targets, strategies, the visit plan, visit records and observations. Codes start with the test's prefix.
 */
public final class ReviewFixture {

    public final TestOrganization org;
    public final String mm;
    private final JdbcTemplate jdbc;

    public ReviewFixture(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.org = new TestOrganization(jdbc, prefix);
        this.mm = org.department("D", "mm", prefix + "市场经理");
        org.spec("K", "重点烟", "200", true);
        org.spec("N", "普通烟", "100", false);
    }

    public String customerManager(String local) {
        return org.customerManager("D", local, local);
    }

    public void target(String cm, String period, Integer volume, String unitValue, String keyBrandGrowth) {
        jdbc.update("insert into monthly_target (customer_manager_id, period, status, volume, unit_value, key_brand_growth) "
                + "values (?, ?, 'LOCKED', ?, ?, ?)", cm, period, volume, decimal(unitValue), decimal(keyBrandGrowth));
    }

    public void strategyPlan(String cm, String period, String status) {
        jdbc.update("insert into strategy_plan (customer_manager_id, period, status) values (?, ?, ?)", cm, period, status);
    }

    /** A manual strategy of the customer's month; returns its id. */
    public long strategy(long customerId, String cm, String period, String type, String status, LocalDate doneOn) {
        jdbc.update("insert into service_strategy (customer_id, period, customer_manager_id, strategy_type, key_point, "
                + "spec_key, content, source, status, drop_reason, done_on, created_at, updated_at) "
                + "values (?, ?, ?, ?, '客户', '', ?, 'MANUAL', ?, ?, ?, ?, ?)", customerId, period, cm, type,
                type + "：按计划落实", status, "DROPPED".equals(status) ? "客户停业整顿" : null, doneOn,
                LocalDateTime.of(2030, 1, 1, 0, 0), LocalDateTime.of(2030, 1, 1, 0, 0));
        return jdbc.queryForObject("select id from service_strategy where customer_id = ? and period = ? and strategy_type = ?",
                Long.class, customerId, period, type);
    }

    public void visitPlan(String cm, String period, String status) {
        jdbc.update("insert into visit_plan (customer_manager_id, period, status, proposed_at) values (?, ?, ?, ?)", cm,
                period, status, LocalDateTime.of(2030, 1, 1, 0, 0));
    }

    public void plannedVisits(String cm, String period, long customerId, int proposed, Integer adjusted) {
        jdbc.update("insert into visit_plan_customer (customer_manager_id, period, customer_id, proposed_frequency, "
                + "rule_reason) values (?, ?, ?, ?, '测试')", cm, period, customerId, proposed);
        if (adjusted != null) {
            jdbc.update("insert into visit_plan_adjustment (customer_manager_id, period, customer_id, planned_frequency, "
                    + "reason, adjusted_by, adjusted_at) values (?, ?, ?, ?, '测试调整', ?, ?)", cm, period, customerId,
                    adjusted, cm, LocalDateTime.of(2030, 1, 1, 0, 0));
        }
    }

    public void visitRecord(String cm, String period, long customerId, LocalDate day, boolean visited) {
        jdbc.update("insert into visit_record (customer_manager_id, period, customer_id, visit_date, visited, planned, "
                + "recorded_by, recorded_at) values (?, ?, ?, ?, ?, true, ?, ?)", cm, period, customerId, day, visited, cm,
                day.atTime(18, 0));
    }

    public void anomaly(long customerId, LocalDate day, String type) {
        jdbc.update("insert into market_anomaly (customer_id, observed_on, anomaly_type) values (?, ?, ?)", customerId, day,
                type);
    }

    public void price(long customerId, String spec, LocalDate day, String retailPrice) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, retail_price) values (?, ?, ?, ?)",
                customerId, org.code(spec), day, decimal(retailPrice));
    }

    public void brandTarget(String cm, String period, String spec, int volume) {
        String area = jdbc.queryForObject("select code from area where customer_manager_id = ?", String.class, cm);
        jdbc.update("insert into brand_target (period, area_code, spec_code, target_volume) values (?, ?, ?, ?)", period,
                area, org.code(spec), volume);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
