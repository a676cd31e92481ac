package cn.cm135.customer.analysis;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly roll-up {@code sales_month} (customer × spec × month → quantity, amount, order days).
 * The analysis of a month reads 15 months of sales; rescanning order_line for each of them would cost
 * 15 scans (architecture.md, "Scale"), so each month is scanned once here and read from the roll-up
 * afterwards.
 *
 * <p>Whoever changes the order lines of a month (the CSV import) calls {@link #refresh(YearMonth)}
 * for that month; {@link #ensure(YearMonth, YearMonth)} fills months never rolled up.
 */
@Component
public class SalesRollup {

    private static final String DELETE_MONTH = "delete from sales_month where month_start = ?";

    // One range scan of the month's order lines (index ix_order_line_date_customer), one group-by.
    // Rows are inserted in primary-key order (month_start, customer_id, spec_code; month_start is
    // constant), which makes the key's index maintenance sequential.
    private static final String INSERT_MONTH = """
            insert into sales_month (customer_id, spec_code, month_start, quantity, amount, order_days)
            select o.customer_id, o.spec_code, cast(? as date), sum(o.quantity), sum(o.amount),
                   count(distinct o.order_date)
              from order_line o
             where o.order_date >= ? and o.order_date < ?
             group by o.customer_id, o.spec_code
             order by o.customer_id, o.spec_code
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SalesRollup(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the roll-up of one month by the current order lines; returns the rows written. */
    @Transactional
    public int refresh(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        jdbc.update(DELETE_MONTH, first);
        int rows = jdbc.update(INSERT_MONTH, first, first, Date.valueOf(month.plusMonths(1).atDay(1)));
        jdbc.update("delete from sales_month_refresh where month_start = ?", first);
        jdbc.update("insert into sales_month_refresh (month_start, refreshed_at) values (?, ?)", first,
                Timestamp.valueOf(LocalDateTime.now(clock)));
        return rows;
    }

    /** Rolls up the months of {@code from … to} (inclusive) that were never rolled up; returns them. */
    @Transactional
    public List<YearMonth> ensure(YearMonth from, YearMonth to) {
        Set<YearMonth> done = new HashSet<>();
        jdbc.query("select month_start from sales_month_refresh where month_start >= ? and month_start <= ?",
                rs -> {
                    done.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                }, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)));
        List<YearMonth> missing = Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1)).filter(m -> !done.contains(m)).toList();
        missing.forEach(this::refresh);
        return missing;
    }
}
