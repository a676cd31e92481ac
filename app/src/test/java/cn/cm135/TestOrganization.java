package cn.cm135;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes small, hand-checkable master data for tests. Every code starts with the caller's prefix,
 * so test classes sharing one database never see each other's rows.
 */
public final class TestOrganization {

    private final JdbcTemplate jdbc;
    private final String prefix;
    private int orderNo;

    public TestOrganization(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    public String id(String local) {
        return (prefix + local).toLowerCase();
    }

    public String code(String local) {
        return prefix + local;
    }

    /** A market department with its market manager; returns the market manager's user id. */
    public String department(String dept, String marketManager, String name) {
        String mm = id(marketManager);
        jdbc.update("insert into staff (staff_id, name, role, active) values (?, ?, 'MARKET_MANAGER', true)", mm, name);
        jdbc.update("insert into market_department (code, name, market_manager_id) values (?, ?, ?)",
                code(dept), name + "市场部", mm);
        jdbc.update("update staff set department_code = ? where staff_id = ?", code(dept), mm);
        return mm;
    }

    /** A customer manager in a department, with one area and one Monday route; returns the user id. */
    public String customerManager(String dept, String local, String name) {
        String cm = id(local);
        jdbc.update("insert into staff (staff_id, name, role, department_code, active) "
                + "values (?, ?, 'CUSTOMER_MANAGER', ?, true)", cm, name, code(dept));
        jdbc.update("insert into area (code, name, customer_manager_id) values (?, ?, ?)",
                code("A-" + local), name + "片区", cm);
        jdbc.update("insert into route (code, name, area_code, weekday) values (?, ?, ?, 1)",
                code("R-" + local), name + "周一线路", code("A-" + local));
        return cm;
    }

    public String marketingCentre(String local, String name) {
        String id = id(local);
        jdbc.update("insert into staff (staff_id, name, role, active) values (?, ?, 'MARKETING_CENTRE', true)", id, name);
        return id;
    }

    /** A retail customer on the customer manager's route; returns its id. */
    public long customer(String customerManagerLocal, String licence, Integer grade, String status) {
        jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type, grade, "
                + "status, opened_on) values (?, ?, ?, '食杂店', '城网', ?, ?, ?)", code(licence), "零售户" + licence,
                code("R-" + customerManagerLocal), grade, status, LocalDate.of(2020, 1, 1));
        return jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class, code(licence));
    }

    public void spec(String local, String name, String wholesale, boolean keyBrand) {
        BigDecimal price = new BigDecimal(wholesale);
        jdbc.update("insert into cigarette_spec (code, name, brand_family, wholesale_price, retail_price, price_class, "
                + "key_brand) values (?, ?, '测试', ?, ?, 3, ?)", code(local), name, price,
                price.multiply(new BigDecimal("1.1")), keyBrand);
    }

    /** One order line; amount = quantity × the given wholesale price. */
    public void order(long customerId, String spec, LocalDate date, int quantity, String wholesale) {
        jdbc.update("insert into order_line (order_no, customer_id, spec_code, order_date, quantity, amount) "
                + "values (?, ?, ?, ?, ?, ?)", code("O" + (++orderNo)), customerId, code(spec), date, quantity,
                new BigDecimal(wholesale).multiply(BigDecimal.valueOf(quantity)));
    }
}
