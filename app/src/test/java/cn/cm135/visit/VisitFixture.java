package cn.cm135.visit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;

/**
 * A customer manager's August 2035 for steps 12 and 13, by hand. August 2035 starts on a Wednesday:
 *
 * <pre>
 * Mo Tu We Th Fr Sa Su
 *        1  2  3  4  5      week of Monday 2035-07-30: only 1–5 August belong to the month
 *  6  7  8  9 10 11 12
 * 13 14 15 16 17 18 19
 * 20 21 22 23 24 25 26
 * 27 28 29 30 31
 * </pre>
 *
 * Route R (Monday): R = 4 (6, 13, 20, 27). Route T (Wednesday): R = 5 (1, 8, 15, 22, 29). No holidays.
 *
 * <pre>
 * customer route grade planned f   open strategies (plan APPROVED)
 * A1       R     20    2           s1 品牌培育（品牌）K1 “上柜陈列”
 * A2       R     28    4           s2 经营分析指导（客户）
 * A3       R      5    0
 * A4       R     10    1
 * B1       T     15    2           s3 重点帮扶（客户）
 * </pre>
 *
 * Key specs K1 (guide retail price 200 × 1.1 = 220 元/条) and K2 (110); N1 is not key. 商定总量 of A1 K1 is
 * overridden to 45 条 (nothing bought in May–July: no computed quantity elsewhere). cm2 serves X1.
 */
public class VisitFixture {

    public static final YearMonth MONTH = YearMonth.of(2035, 8);

    public final TestOrganization org;
    public final String mm1;
    public final String mm2;
    public final String cm1;
    public final String cm2;
    public final String centre;
    public final long a1;
    public final long a2;
    public final long a3;
    public final long a4;
    public final long b1;
    public final long x1;
    public final long s1;
    public final long s2;
    public final long s3;

    private final JdbcTemplate jdbc;

    public VisitFixture(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        mm1 = org.department("D1", "mm1", "钱走访");
        mm2 = org.department("D2", "mm2", "孙走访");
        cm1 = org.customerManager("D1", "cm1", "周走访");
        cm2 = org.customerManager("D2", "cm2", "吴走访");
        centre = org.marketingCentre("yx", "郑走访");
        jdbc.update("insert into route (code, name, area_code, weekday) values (?, '周三线路', ?, 3)",
                routeT(), org.code("A-cm1"));
        org.spec("K1", "走访烟(硬)", "200", true);
        org.spec("K2", "走访烟(软)", "100", true);
        org.spec("N1", "走访烟(普)", "100", false);
        a1 = org.customer("cm1", "A1", 20, "ACTIVE");
        a2 = org.customer("cm1", "A2", 28, "ACTIVE");
        a3 = org.customer("cm1", "A3", 5, "ACTIVE");
        a4 = org.customer("cm1", "A4", 10, "ACTIVE");
        b1 = org.customer("cm1", "B1", 15, "ACTIVE");
        jdbc.update("update retail_customer set route_code = ?, address = '幸福路 8 号' where id = ?", routeT(), b1);
        jdbc.update("update retail_customer set address = '人民路 1 号' where id = ?", a1);
        x1 = org.customer("cm2", "X1", 12, "ACTIVE");

        jdbc.update("insert into visit_plan (customer_manager_id, period, status, proposed_at, confirmed_at, confirmed_by) "
                + "values (?, ?, 'CONFIRMED', ?, ?, ?)", cm1, MONTH.toString(), ts(2035, 8, 1), ts(2035, 8, 1), cm1);
        plan(a1, 20, 2);
        plan(a2, 28, 4);
        plan(a3, 5, 0);
        plan(a4, 10, 1);
        plan(b1, 15, 2);
        jdbc.update("insert into negotiated_quantity_override (period, customer_id, spec_code, quantity, reason, "
                + "overridden_by, overridden_at) values (?, ?, ?, 45, '开业促销', ?, ?)", MONTH.toString(), a1,
                org.code("K1"), cm1, ts(2035, 8, 1));

        jdbc.update("insert into strategy_plan (customer_manager_id, period, status) values (?, ?, 'APPROVED')", cm1,
                MONTH.toString());
        s1 = strategy(a1, "品牌培育", "品牌", org.code("K1"), "上柜陈列");
        s2 = strategy(a2, "经营分析指导", "客户", null, "讲解本月动销");
        s3 = strategy(b1, "重点帮扶", "客户", null, "协助整理货架");
    }

    public String routeR() {
        return org.code("R-cm1");
    }

    public String routeT() {
        return org.code("T-cm1");
    }

    /** A visit recorded straight into visit_record (as an earlier day's recording would have). */
    public void visited(long customerId, LocalDate day) {
        jdbc.update("insert into visit_record (customer_manager_id, period, customer_id, visit_date, visited, planned, "
                + "recorded_by, recorded_at) values (?, ?, ?, ?, true, true, ?, ?)", cm1, MONTH.toString(), customerId,
                day, cm1, Timestamp.valueOf(day.atTime(18, 0)));
    }

    public int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /** The engine's (and so the app's) clock at 08:00 of {@code day}. */
    public static Date morningOf(LocalDate day) {
        return Date.from(day.atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    private void plan(long customerId, int grade, int frequency) {
        jdbc.update("insert into visit_plan_customer (customer_manager_id, period, customer_id, grade, grade_source, "
                + "proposed_frequency, rule_reason) values (?, ?, ?, ?, 'CUSTOMER', ?, '测试')", cm1, MONTH.toString(),
                customerId, grade, frequency);
    }

    private long strategy(long customerId, String type, String keyPoint, String spec, String content) {
        jdbc.update("insert into service_strategy (customer_id, period, customer_manager_id, strategy_type, key_point, "
                + "spec_code, spec_key, content, reason, source, status, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, '测试', 'SYSTEM', 'OPEN', ?, ?)", customerId, MONTH.toString(), cm1,
                type, keyPoint, spec, spec == null ? "" : spec, content, ts(2035, 8, 1), ts(2035, 8, 1));
        return jdbc.queryForObject("select id from service_strategy where customer_id = ? and strategy_type = ?",
                Long.class, customerId, type);
    }

    private static Timestamp ts(int y, int m, int d) {
        return Timestamp.valueOf(LocalDateTime.of(y, m, d, 7, 0));
    }
}
