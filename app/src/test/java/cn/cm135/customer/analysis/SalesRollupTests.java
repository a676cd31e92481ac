package cn.cm135.customer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.TestOrganization;

/**
 * The roll-ups of {@link SalesRollup} on a small hand-checked centre, in months no other test class
 * uses (2031), each test in a transaction that is rolled back.
 *
 * <pre>
 * cm1's area: customers A, B;  cm2's area: customer C.  Specs S1 (key brand, 100 元/条), S2 (50 元/条).
 * Orders (条)   2031-01            2031-02                     2031-03
 *   A          S1 4 (01-06)       S1 2 (02-03), S1 3 (02-10)  S2 1 (03-03)
 *              S2 6 (01-06)
 *   B          —                  S2 5 (02-10)                S2 2 (03-17)
 *   C          S1 1 (01-13)       —                           S1 7 (03-03)
 * </pre>
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class SalesRollupTests {

    static final YearMonth JAN = YearMonth.of(2031, 1);
    static final YearMonth FEB = YearMonth.of(2031, 2);
    static final YearMonth MAR = YearMonth.of(2031, 3);

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;

    TestOrganization org;
    long a;
    long b;
    long c;

    @BeforeEach
    void orders() {
        org = new TestOrganization(jdbc, "ROL");
        org.department("D", "mm", "钱汇总");
        org.customerManager("D", "cm1", "孙汇总");
        org.customerManager("D", "cm2", "李汇总");
        org.spec("S1", "汇总烟(硬)", "100", true);
        org.spec("S2", "汇总烟(软)", "50", false);
        a = org.customer("cm1", "A", 10, "ACTIVE");
        b = org.customer("cm1", "B", 10, "ACTIVE");
        c = org.customer("cm2", "C", 10, "ACTIVE");
        org.order(a, "S1", LocalDate.of(2031, 1, 6), 4, "100");
        org.order(a, "S2", LocalDate.of(2031, 1, 6), 6, "50");
        org.order(c, "S1", LocalDate.of(2031, 1, 13), 1, "100");
        org.order(a, "S1", LocalDate.of(2031, 2, 3), 2, "100");
        org.order(a, "S1", LocalDate.of(2031, 2, 10), 3, "100");
        org.order(b, "S2", LocalDate.of(2031, 2, 10), 5, "50");
        org.order(a, "S2", LocalDate.of(2031, 3, 3), 1, "50");
        org.order(b, "S2", LocalDate.of(2031, 3, 17), 2, "50");
        org.order(c, "S1", LocalDate.of(2031, 3, 3), 7, "100");
    }

    @Test
    void eachRollupHoldsTheHandCountedNumbers() {
        assertThat(rollup.ensure(JAN, MAR)).containsExactly(JAN, FEB, MAR);

        // sales_month: A's S1 in February, 2 + 3 on two days.
        assertThat(rows("select quantity, amount, order_days from sales_month where month_start = ? and customer_id = ?",
                FEB.atDay(1), a)).containsExactly(List.of(5L, dec("500.00"), 2L));
        // customer_sales_month: A in January 4 + 6 = 10 条, 400 + 300 = 700 元, 2 specs; B nothing in January.
        assertThat(rows("select customer_id, quantity, amount, specs from customer_sales_month "
                + "where month_start = ? and customer_id in (?, ?, ?) order by customer_id", JAN.atDay(1), a, b, c))
                .containsExactly(List.of(a, 10L, dec("700.00"), 2L), List.of(c, 1L, dec("100.00"), 1L));
        // customer_order_day: A ordered on 02-03 and 02-10.
        assertThat(jdbc.queryForList("select order_date from customer_order_day where customer_id = ? "
                + "and order_date >= ? and order_date < ? order by 1", LocalDate.class, a, FEB.atDay(1), MAR.atDay(1)))
                .containsExactly(LocalDate.of(2031, 2, 3), LocalDate.of(2031, 2, 10));
        // area_sales_month: cm1's area in March, S2 from A 1 and B 2 = 3 条 by 2 buyers; cm2's S1 7 by 1.
        assertThat(areaRows(MAR)).containsExactly(List.of(org.code("A-cm1"), org.code("S2"), 3L, dec("150.00"), 2L),
                List.of(org.code("A-cm2"), org.code("S1"), 7L, dec("700.00"), 1L));
        // sales_quarter of March (January .. March): A S1 0 in March, 5 in February, 4 + 5 = 9 in the quarter.
        assertThat(quarter(MAR)).containsExactly(
                List.of(a, org.code("S1"), 0L, 5L, 9L), List.of(a, org.code("S2"), 1L, 0L, 7L),
                List.of(b, org.code("S2"), 2L, 5L, 7L), List.of(c, org.code("S1"), 7L, 0L, 8L));
    }

    @Test
    void refreshingAMonthRecomputesTheQuartersThatReadIt() {
        rollup.ensure(JAN, MAR);
        // A late January line for B: January's roll-ups and the quarters of January, February and March change.
        org.order(b, "S1", LocalDate.of(2031, 1, 30), 10, "100");
        rollup.refresh(JAN);

        assertThat(rows("select quantity, specs from customer_sales_month where month_start = ? and customer_id = ?",
                JAN.atDay(1), b)).containsExactly(List.of(10L, 1L));
        assertThat(quarter(FEB)).contains(List.of(b, org.code("S1"), 0L, 10L, 10L));
        assertThat(quarter(MAR)).contains(List.of(b, org.code("S1"), 0L, 0L, 10L));
        // Nothing was rolled up after March, so there is no April quarter to recompute.
        assertThat(jdbc.queryForObject("select count(*) from sales_quarter where month_start = ?", Integer.class,
                MAR.plusMonths(1).atDay(1))).isZero();
    }

    @Test
    void aCustomerMovingToAnotherAreaTakesItsSalesAlongInEveryMonth() {
        rollup.ensure(JAN, MAR);
        assertThat(rollup.alignAreas()).isEmpty();

        jdbc.update("update retail_customer set route_code = ? where id = ?", org.code("R-cm2"), b);
        assertThat(rollup.alignAreas()).containsExactlyInAnyOrder(org.code("A-cm1"), org.code("A-cm2"));

        // March: S2 of cm1's area is A's 1 条 alone; B's 2 条 now count in cm2's area.
        assertThat(areaRows(MAR)).containsExactly(List.of(org.code("A-cm1"), org.code("S2"), 1L, dec("50.00"), 1L),
                List.of(org.code("A-cm2"), org.code("S1"), 7L, dec("700.00"), 1L),
                List.of(org.code("A-cm2"), org.code("S2"), 2L, dec("100.00"), 1L));
        // February, rolled up before the move, follows too.
        assertThat(areaRows(FEB)).containsExactly(List.of(org.code("A-cm1"), org.code("S1"), 5L, dec("500.00"), 1L),
                List.of(org.code("A-cm2"), org.code("S2"), 5L, dec("250.00"), 1L));
        // The areas' months follow: March, A alone in cm1's; B and C in cm2's. February, A; B.
        assertThat(areaMonth(MAR)).containsExactly(List.of(org.code("A-cm1"), "食杂店", 1L, 1L, dec("50.00")),
                List.of(org.code("A-cm2"), "食杂店", 2L, 9L, dec("800.00")));
        assertThat(areaMonth(FEB)).containsExactly(List.of(org.code("A-cm1"), "食杂店", 1L, 5L, dec("500.00")),
                List.of(org.code("A-cm2"), "食杂店", 1L, 5L, dec("250.00")));
        assertThat(rollup.alignAreas()).isEmpty();
    }

    @Test
    void aNewCustomerWithoutOrdersIsRecordedWithoutRecomputingItsArea() {
        rollup.ensure(JAN, MAR);
        long d = org.customer("cm1", "D", 10, "ACTIVE");
        assertThat(rollup.alignAreas()).isEmpty();
        assertThat(jdbc.queryForObject("select area_code from area_sales_customer where customer_id = ?", String.class, d))
                .isEqualTo(org.code("A-cm1"));
    }

    /**
     * The month-start roll-ups. Observations (库存 / 零售价 / 是否上柜): A S1 01-20 8 / – / –, 03-10 3 / 120.00 / yes,
     * 03-20 – / 115.00 / no; B S2 02-15 6 / – / yes; C S2 03-05 0 / – / –; C S1 04-02 9 (after March).
     */
    @Test
    void theMonthStartRollupsHoldTheHandCountedNumbers() {
        observations();
        rollup.ensure(JAN, MAR);

        // Key-brand volume and retail profit (retail 1.1 × wholesale: S1 10 元, S2 5 元 a 条) of March.
        assertThat(rows("select customer_id, key_volume, retail_profit from customer_sales_month "
                + "where month_start = ? and customer_id in (?, ?, ?) order by customer_id", MAR.atDay(1), a, b, c))
                .containsExactly(List.of(a, 0L, dec("5.00")), List.of(b, 0L, dec("10.00")), List.of(c, 7L, dec("70.00")));
        // Quarter January .. March: A 2 specs, 1 order day in March, weeks of 01-06, 02-03, 02-10 and 03-03 among
        // the 13 blocks ending 03-31 (the first starts 2030-12-31); B 02-10 and 03-17; C 01-13 and 03-03.
        assertThat(rows("select customer_id, specs_3m, order_days, order_weeks from customer_quarter "
                + "where month_start = ? and customer_id in (?, ?, ?) order by customer_id", MAR.atDay(1), a, b, c))
                .containsExactly(List.of(a, 2L, 1L, 4L), List.of(b, 1L, 1L, 2L), List.of(c, 1L, 1L, 2L));
        // Bought in March and February: B's S2 only; in February and January: A's S1.
        assertThat(rows("select month_start, area_code, spec_code, repeat_buyers from area_repeat_month "
                + "where area_code in (?, ?) order by month_start, area_code, spec_code", org.code("A-cm1"), org.code("A-cm2")))
                .containsExactly(List.of(FEB.atDay(1), org.code("A-cm1"), org.code("S1"), 1L),
                        List.of(MAR.atDay(1), org.code("A-cm1"), org.code("S2"), 1L));
        // Latest count on or before 03-31: A S1 of 03-10 (03-20 counted nothing) against its quarter's 9 条; B S2 of
        // 02-15 against 7; C S2's 0 not bought in the quarter; C's 04-02 count is April's.
        assertThat(stock(MAR)).containsExactly(List.of(a, org.code("S1"), LocalDate.of(2031, 3, 10), 3L, 9L),
                List.of(b, org.code("S2"), LocalDate.of(2031, 2, 15), 6L, 7L),
                Arrays.asList(c, org.code("S2"), LocalDate.of(2031, 3, 5), 0L, null));
        assertThat(stock(FEB)).containsExactly(List.of(a, org.code("S1"), LocalDate.of(2031, 1, 20), 8L, 9L),
                List.of(b, org.code("S2"), LocalDate.of(2031, 2, 15), 6L, 5L));
        // Per customer: the counted stock against those specs' quarter volume (C's S2 not bought: 0).
        assertThat(customerStock(MAR)).containsExactly(List.of(a, 3L, 9L), List.of(b, 6L, 7L), List.of(c, 0L, 0L));
        // Per area and 业态, the mean count of each spec summed: cm1's 食杂店 S1 3 ÷ 1 + S2 6 ÷ 1; cm2's S2 0 ÷ 1.
        assertThat(areaStock(MAR)).containsExactly(List.of(org.code("A-cm1"), "食杂店", dec("9.00")),
                List.of(org.code("A-cm2"), "食杂店", dec("0.00")));
        // Inside March: A's latest shelf record is 03-20 (not on the shelf), its latest price 115.00 of 03-20.
        assertThat(rows("select customer_id, spec_code, on_shelf from shelf_month where month_start = ? "
                + "and customer_id in (?, ?, ?)", MAR.atDay(1), a, b, c)).containsExactly(List.of(a, org.code("S1"), false));
        assertThat(rows("select customer_id, spec_code, observed_on, retail_price from price_month where month_start = ? "
                + "and customer_id in (?, ?, ?)", MAR.atDay(1), a, b, c))
                .containsExactly(List.of(a, org.code("S1"), LocalDate.of(2031, 3, 20), dec("115.00")));
        assertThat(areaShelf(MAR)).containsExactly(List.of(org.code("A-cm1"), org.code("S1"), 1L, 0L));
        assertThat(areaPrices(MAR)).containsExactly(List.of(org.code("A-cm1"), org.code("S1"), 1L, dec("115.00")));
        assertThat(areaShelf(FEB)).containsExactly(List.of(org.code("A-cm1"), org.code("S2"), 1L, 1L));
    }

    @Test
    void aRecordedVisitDayRefreshesItsCustomersObservationRollups() {
        observations();
        rollup.ensure(JAN, MAR);
        // The visit day 03-20 recorded again for A (as VisitRecordService replaces a day): a count of 4 at 118.00 on
        // the shelf.
        jdbc.update("delete from field_observation where customer_id = ? and observed_on = ?", a, LocalDate.of(2031, 3, 20));
        observe(a, "S1", LocalDate.of(2031, 3, 20), 4, "118.00", true);
        rollup.refreshObservations(MAR, List.of(a));

        assertThat(stock(MAR)).contains(List.of(a, org.code("S1"), LocalDate.of(2031, 3, 20), 4L, 9L));
        assertThat(customerStock(MAR)).contains(List.of(a, 4L, 9L));
        assertThat(areaStock(MAR)).contains(List.of(org.code("A-cm1"), "食杂店", dec("10.00")));
        assertThat(areaShelf(MAR)).containsExactly(List.of(org.code("A-cm1"), org.code("S1"), 1L, 1L));
        assertThat(areaPrices(MAR)).containsExactly(List.of(org.code("A-cm1"), org.code("S1"), 1L, dec("118.00")));
        assertThat(rows("select on_shelf from shelf_month where month_start = ? and customer_id = ?", MAR.atDay(1), a))
                .containsExactly(List.of(true));
        assertThat(rows("select retail_price from price_month where month_start = ? and customer_id = ?", MAR.atDay(1), a))
                .containsExactly(List.of(dec("118.00")));
        // February's snapshot is untouched.
        assertThat(stock(FEB)).contains(List.of(a, org.code("S1"), LocalDate.of(2031, 1, 20), 8L, 9L));
    }

    @Test
    void aCustomerMovingOrChangingItsFormatTakesItsStockAlong() {
        observations();
        rollup.ensure(JAN, MAR);
        jdbc.update("update retail_customer set route_code = ? where id = ?", org.code("R-cm2"), b);
        jdbc.update("update retail_customer set business_format = '便利店' where id = ?", c);
        assertThat(rollup.alignAreas()).containsExactlyInAnyOrder(org.code("A-cm1"), org.code("A-cm2"));

        assertThat(areaStock(MAR)).containsExactly(List.of(org.code("A-cm1"), "食杂店", dec("3.00")),
                List.of(org.code("A-cm2"), "便利店", dec("0.00")),
                List.of(org.code("A-cm2"), "食杂店", dec("6.00")));
        // March's customers who ordered, per area and 业态: C is cm2's 便利店 now.
        assertThat(areaMonth(MAR)).containsExactly(List.of(org.code("A-cm1"), "食杂店", 1L, 1L, dec("50.00")),
                List.of(org.code("A-cm2"), "便利店", 1L, 7L, dec("700.00")),
                List.of(org.code("A-cm2"), "食杂店", 1L, 2L, dec("100.00")));
        // A's March price stays in cm1's area; B's February shelf record counts in cm2's area now.
        assertThat(areaPrices(MAR)).containsExactly(List.of(org.code("A-cm1"), org.code("S1"), 1L, dec("115.00")));
        assertThat(areaShelf(FEB)).containsExactly(List.of(org.code("A-cm2"), org.code("S2"), 1L, 1L));
        assertThat(rollup.alignAreas()).isEmpty();
    }

    private void observations() {
        observe(a, "S1", LocalDate.of(2031, 1, 20), 8, null, null);
        observe(a, "S1", LocalDate.of(2031, 3, 10), 3, "120.00", true);
        observe(a, "S1", LocalDate.of(2031, 3, 20), null, "115.00", false);
        observe(b, "S2", LocalDate.of(2031, 2, 15), 6, null, true);
        observe(c, "S2", LocalDate.of(2031, 3, 5), 0, null, null);
        observe(c, "S1", LocalDate.of(2031, 4, 2), 9, null, null);
    }

    private void observe(long customer, String spec, LocalDate on, Integer inventory, String price, Boolean onShelf) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory, retail_price, on_shelf) "
                + "values (?, ?, ?, ?, ?, ?)", customer, org.code(spec), on, inventory,
                price == null ? null : new BigDecimal(price), onShelf);
    }

    private List<List<Object>> stock(YearMonth month) {
        return rows("select customer_id, spec_code, observed_on, inventory, quantity_3m from stock_month "
                + "where month_start = ? and customer_id in (?, ?, ?) order by customer_id, spec_code", month.atDay(1),
                a, b, c);
    }

    private List<List<Object>> customerStock(YearMonth month) {
        return rows("select customer_id, stock, volume_3m from customer_stock_month "
                + "where month_start = ? and customer_id in (?, ?, ?) order by customer_id", month.atDay(1), a, b, c);
    }

    private List<List<Object>> areaStock(YearMonth month) {
        return ofBothAreas("area_code, business_format, cast(mean_inventory as decimal(10, 2))", "area_format_stock_month",
                month);
    }

    private List<List<Object>> areaShelf(YearMonth month) {
        return ofBothAreas("area_code, spec_code, shelf_customers, on_shelf_customers", "area_shelf_month", month);
    }

    private List<List<Object>> areaPrices(YearMonth month) {
        return ofBothAreas("area_code, spec_code, customers, price_sum", "area_price_month", month);
    }

    private List<List<Object>> areaMonth(YearMonth month) {
        return ofBothAreas("area_code, business_format, customers, quantity, amount", "area_format_month", month);
    }

    private List<List<Object>> areaRows(YearMonth month) {
        return ofBothAreas("area_code, spec_code, quantity, amount, buyers", "area_sales_month", month);
    }

    /** The columns of an area roll-up's rows of the month in cm1's and cm2's areas, by its first two columns. */
    private List<List<Object>> ofBothAreas(String columns, String table, YearMonth month) {
        return rows("select " + columns + " from " + table + " where month_start = ? and area_code in (?, ?) order by 1, 2",
                month.atDay(1), org.code("A-cm1"), org.code("A-cm2"));
    }

    private List<List<Object>> quarter(YearMonth month) {
        return rows("select customer_id, spec_code, quantity, prev_quantity, quantity_3m from sales_quarter "
                + "where month_start = ? and customer_id in (?, ?, ?) order by customer_id, spec_code", month.atDay(1),
                a, b, c);
    }

    private List<List<Object>> rows(String sql, Object... args) {
        return jdbc.queryForList(sql, args).stream().map(Map::values).map(values -> values.stream()
                .map(v -> v instanceof Number n && !(v instanceof BigDecimal) ? (Object) n.longValue()
                        : v instanceof java.sql.Date d ? d.toLocalDate() : v)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new))).map(l -> (List<Object>) l)
                .toList();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
