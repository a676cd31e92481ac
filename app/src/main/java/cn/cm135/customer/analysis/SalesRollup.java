package cn.cm135.customer.analysis;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.AreaSums.Scope;
import cn.cm135.jdbc.SnakeCaseRowMapper;
import cn.cm135.jdbc.WorkLock;

/**
 * The monthly roll-ups of the order lines, so that no analysis rescans months of order lines
 * (architecture.md, "Scale"): each month is scanned once here and read from the roll-ups afterwards.
 * <ul>
 * <li>{@code sales_month}: customer × spec × month → quantity, amount, order days;</li>
 * <li>{@code sales_quarter}: customer × spec over the quarter ending with each month → quantity of the
 *     month, of the month before, of the quarter;</li>
 * <li>{@code customer_sales_month}: customer × month → quantity, amount, specs ordered;</li>
 * <li>{@code customer_order_day}: the days on which each customer ordered;</li>
 * <li>{@code area_sales_month}: area × spec × month → quantity, amount, buyers, by the area of each
 *     customer's current route (kept so by {@link #alignAreas()});</li>
 * <li>and, derived from these, what the month-start analyses read (V60, V62): per customer its quarter, stock and
 *     key-brand volume, per area and 业态 its month, per area its repeat buyers, shelf records, prices and stock per 业态.</li>
 * </ul>
 *
 * <p>They are kept up to date by whoever writes order lines: the orders import and the dataset
 * generator call {@link #refresh(Collection)} for the months they wrote, in their own transaction. The
 * analyses only call {@link #ensure(YearMonth, YearMonth)}, which rolls up months never rolled up and
 * follows customers and routes that moved to another area; so the month-start analysis reads the
 * roll-ups as the import left them instead of rebuilding them.
 *
 * <p>Whoever writes them first locks the row {@code sales-rollup} of {@code work_lock} (V61) until its transaction
 * ends: after the month's kick-off many jobs ask {@link #ensure} at the same moment, and the first one rolls up or
 * aligns what is missing while the others wait, then find it done, instead of all writing the same keys and all
 * but one failing. Asking when nothing is to do (the usual case) takes no lock; the refresh of a few customers'
 * observations (a visit day) neither, as each customer manager's customers have rows of their own.
 */
@Component
public class SalesRollup {

    // One range scan of the month's order lines (index ix_order_line_date_customer), one group-by.
    // Rows are inserted in primary-key order (month_start, customer_id, spec_code; month_start is
    // constant), which makes the key's index maintenance sequential.
    private static final String INSERT_SALES = """
            insert into sales_month (customer_id, spec_code, month_start, quantity, amount, order_days)
            select o.customer_id, o.spec_code, cast(:first as date), sum(o.quantity), sum(o.amount),
                   count(distinct o.order_date)
              from order_line o
             where o.order_date >= :first and o.order_date < :next
             group by o.customer_id, o.spec_code
             order by o.customer_id, o.spec_code
            """;

    // The three month slices appended and grouped: the month-range form sorted the quarter's rows and spilled to
    // disk on the city (3.7 s a call; this form 2.9 s, README "Benchmark").
    private static final String INSERT_QUARTER = """
            insert into sales_quarter (month_start, customer_id, spec_code, quantity, prev_quantity, quantity_3m)
            select cast(:first as date), sm.customer_id, sm.spec_code, sum(sm.q0), sum(sm.q1), sum(sm.q0 + sm.q1 + sm.q2)
              from (select customer_id, spec_code, quantity as q0, 0 as q1, 0 as q2
                      from sales_month where month_start = :first
                    union all
                    select customer_id, spec_code, 0, quantity, 0 from sales_month where month_start = :previous
                    union all
                    select customer_id, spec_code, 0, 0, quantity from sales_month where month_start = :quarterStart) sm
             group by sm.customer_id, sm.spec_code
             order by sm.customer_id, sm.spec_code
            """;

    // The key-brand volume and retail profit of the month at the specs' current prices (repriceCustomers after a
    // specs import), so that step 5 reads one row per customer instead of the month's customer x spec rows.
    private static final String INSERT_CUSTOMERS = """
            insert into customer_sales_month (month_start, customer_id, quantity, amount, specs, key_volume, retail_profit)
            select sm.month_start, sm.customer_id, sum(sm.quantity), sum(sm.amount), count(*),
                   sum(case when s.key_brand then sm.quantity else 0 end),
                   sum(sm.quantity * (s.retail_price - s.wholesale_price))
              from sales_month sm
              join cigarette_spec s on s.code = sm.spec_code
             where sm.month_start = :first
             group by sm.month_start, sm.customer_id
             order by sm.customer_id
            """;

    // Only the columns of the index ix_order_line_date_customer: an index-only scan.
    private static final String INSERT_ORDER_DAYS = """
            insert into customer_order_day (order_date, customer_id)
            select distinct o.order_date, o.customer_id
              from order_line o
             where o.order_date >= :first and o.order_date < :next
             order by o.order_date, o.customer_id
            """;

    /**
     * Customer x quarter ending with k: specs of the quarter roll-up, order days of k, and the 13 blocks of 7 days
     * ending on k's last day that hold an order day ({@link OrderWeeks}).
     */
    private static final String INSERT_CUSTOMER_QUARTER = """
            insert into customer_quarter (month_start, customer_id, specs_3m, order_days, order_weeks)
            select cast(:first as date), x.customer_id, sum(x.specs), sum(x.days), sum(x.weeks)
              from (select q.customer_id, count(*) as specs, 0 as days, 0 as weeks
                      from sales_quarter q
                     where q.month_start = :first
                     group by q.customer_id
                    union all
                    select o.customer_id, 0, sum(case when o.order_date >= :first then 1 else 0 end),
                           count(distinct %s)
                      from customer_order_day o
                     where o.order_date >= :w12 and o.order_date <= :lastDay
                     group by o.customer_id) x
             group by x.customer_id
             order by x.customer_id
            """.formatted(OrderWeeks.INDEX);

    /**
     * The latest count of each customer and spec on or before k's last day, read backwards in the order of
     * ix_observation_latest_count (DISTINCT ON, which H2 2.x runs too), with the pair's quarter volume.
     */
    private static final String STOCK_ROWS = """
            insert into stock_month (month_start, customer_id, spec_code, observed_on, inventory, quantity_3m)
            select cast(:first as date), f.customer_id, f.spec_code, f.observed_on, f.inventory, q.quantity_3m
              from (select distinct on (o.customer_id, o.spec_code) o.customer_id, o.spec_code, o.observed_on,
                           o.inventory
                      from field_observation o
                     where o.inventory is not null and o.observed_on <= :lastDay %s
                     order by o.customer_id desc, o.spec_code desc, o.observed_on desc) f
              left join sales_quarter q on q.month_start = :first and q.customer_id = f.customer_id
                                       and q.spec_code = f.spec_code
            """;

    private static final String INSERT_STOCK_OF_MONTH = STOCK_ROWS.formatted("");

    private static final String OF_CUSTOMERS = "and o.customer_id in (:customers)";

    private static final String INSERT_STOCK_OF_CUSTOMERS = STOCK_ROWS.formatted(OF_CUSTOMERS);

    /** Each customer's counted stock and those specs' quarter volume, from the month's stock snapshot (step 5). */
    private static final String CUSTOMER_STOCK_ROWS = """
            insert into customer_stock_month (month_start, customer_id, stock, volume_3m)
            select o.month_start, o.customer_id, sum(o.inventory), sum(coalesce(o.quantity_3m, 0))
              from stock_month o
             where o.month_start = :first %s
             group by o.month_start, o.customer_id
            """;

    /** The latest observation inside the month that recorded shelf presence, per customer and spec. */
    private static final String SHELF_ROWS = """
            insert into shelf_month (month_start, customer_id, spec_code, on_shelf)
            select cast(:first as date), f.customer_id, f.spec_code, f.on_shelf
              from (select distinct on (o.customer_id, o.spec_code) o.customer_id, o.spec_code, o.observed_on,
                           o.on_shelf
                      from field_observation o
                     where o.on_shelf is not null and o.observed_on >= :first and o.observed_on < :next %s
                     order by o.customer_id, o.spec_code, o.observed_on desc) f
            """;

    /** The latest observation inside the month that recorded a retail price, per customer and spec. */
    private static final String PRICE_ROWS = """
            insert into price_month (month_start, customer_id, spec_code, observed_on, retail_price)
            select cast(:first as date), f.customer_id, f.spec_code, f.observed_on, f.retail_price
              from (select distinct on (o.customer_id, o.spec_code) o.customer_id, o.spec_code, o.observed_on,
                           o.retail_price
                      from field_observation o
                     where o.retail_price is not null and o.observed_on >= :first and o.observed_on < :next %s
                     order by o.customer_id, o.spec_code, o.observed_on desc) f
            """;

    private static final String AREA_ROWS = """
            insert into area_sales_month (month_start, area_code, spec_code, quantity, amount, buyers)
            select sm.month_start, ac.area_code, sm.spec_code, sum(sm.quantity), sum(sm.amount), count(*)
              from %s
              join area_sales_customer ac on ac.customer_id = sm.customer_id
             where %s
             group by sm.month_start, ac.area_code, sm.spec_code
            """;

    private static final String INSERT_AREAS_OF_MONTH = AREA_ROWS.formatted("sales_month sm",
            "sm.month_start = :first");

    // Every rolled-up month of the areas given; reads sales_month by its key (month, customer).
    private static final String INSERT_AREAS_OF_ALL_MONTHS = AREA_ROWS.formatted(
            "sales_month_refresh f join sales_month sm on sm.month_start = f.month_start", "ac.area_code in (:areas)");

    /**
     * Customers whose recorded area or 业态 (area_sales_customer) is not their current one, or who are not recorded
     * yet: the recorded and the current area of each, and whether it is only to be recorded (new, without order
     * lines: no area roll-up counts it yet). One pass over customers and routes, which each analysis step pays.
     */
    private static final String CUSTOMERS_TO_ALIGN = """
            select ac.area_code as recorded_area, r.area_code as current_area,
                   case when ac.customer_id is null
                             and not exists (select 1 from order_line o where o.customer_id = c.id)
                        then true else false end as record_only
              from retail_customer c
              join route r on r.code = c.route_code
              left join area_sales_customer ac on ac.customer_id = c.id
             where ac.customer_id is null or ac.area_code <> r.area_code or ac.business_format is null
                or ac.business_format <> c.business_format
            """;

    private static final String FORGET_MOVED_CUSTOMERS = """
            delete from area_sales_customer
             where not exists (select 1 from retail_customer c join route r on r.code = c.route_code
                                where c.id = area_sales_customer.customer_id
                                  and r.area_code = area_sales_customer.area_code
                                  and c.business_format = area_sales_customer.business_format)
            """;

    private static final String RECORD_CUSTOMER_AREAS = """
            insert into area_sales_customer (customer_id, area_code, business_format)
            select c.id, r.area_code, c.business_format
              from retail_customer c
              join route r on r.code = c.route_code
             where not exists (select 1 from area_sales_customer ac where ac.customer_id = c.id)
            """;

    private static final RowMapper<Misaligned> MISALIGNED = new SnakeCaseRowMapper<>(Misaligned.class);

    private static final Logger LOG = LoggerFactory.getLogger(SalesRollup.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final WorkLock workLock;
    private volatile Boolean postgres;

    SalesRollup(NamedParameterJdbcTemplate jdbc, Clock clock, WorkLock workLock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.workLock = workLock;
    }

    /** Replaces the roll-ups of one month by the current order lines; returns the sales_month rows written. */
    @Transactional
    public int refresh(YearMonth month) {
        lockWriters();
        alignAreas();
        int rows = rollUp(List.of(month));
        updateStatistics();
        return rows;
    }

    /** Replaces the roll-ups of the months given (each once, oldest first), as the writers of order lines do. */
    @Transactional
    public void refresh(Collection<YearMonth> months) {
        lockWriters();
        alignAreas();
        rollUp(months);
        updateStatistics();
    }

    /**
     * Rolls up the months of {@code from … to} (inclusive) that were never rolled up, after following the
     * customers that moved to another area; returns the months rolled up now.
     */
    @Transactional
    public List<YearMonth> ensure(YearMonth from, YearMonth to) {
        boolean aligned = !alignAreas().isEmpty();
        List<YearMonth> missing = notRolledUp(from, to);
        if (!missing.isEmpty()) {
            lockWriters();
            missing = notRolledUp(from, to); // less what a writer before the lock rolled up
        }
        rollUp(missing);
        if (aligned || !missing.isEmpty()) {
            updateStatistics();
        }
        return missing;
    }

    private List<YearMonth> notRolledUp(YearMonth from, YearMonth to) {
        Set<YearMonth> done = new HashSet<>();
        jdbc.query("select month_start from sales_month_refresh where month_start >= :from and month_start <= :to",
                new MapSqlParameterSource("from", Date.valueOf(from.atDay(1)))
                        .addValue("to", Date.valueOf(to.atDay(1))),
                rs -> {
                    done.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                });
        return Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1)).filter(m -> !done.contains(m)).toList();
    }

    /** Waits for any other writer of the roll-ups to commit; held until this transaction ends (class comment). */
    private void lockWriters() {
        workLock.hold("sales-rollup");
    }

    /**
     * Recomputes what the counts, prices and shelf presence of the customers given feed (stock_month and its area
     * sums for every rolled-up month from {@code from} on, shelf_month and price_month of {@code from}): what a
     * recorded visit day changes (its observations replace the day's). Cheap: a few customers' observations.
     */
    @Transactional
    public void refreshObservations(YearMonth from, Collection<Long> customers) {
        if (customers.isEmpty()) {
            return;
        }
        MapSqlParameterSource selected = new MapSqlParameterSource("customers", customers);
        List<String> areas = jdbc.queryForList(
                "select distinct area_code from area_sales_customer where customer_id in (:customers)", selected,
                String.class);
        for (YearMonth month : rolledUpFrom(from)) {
            MapSqlParameterSource params = monthParameters(month).addValue("customers", customers)
                    .addValue("areas", areas.isEmpty() ? List.of("") : areas);
            jdbc.update("delete from stock_month where month_start = :first and customer_id in (:customers)", params);
            jdbc.update(INSERT_STOCK_OF_CUSTOMERS, params);
            jdbc.update("delete from customer_stock_month where month_start = :first and customer_id in (:customers)",
                    params);
            jdbc.update(CUSTOMER_STOCK_ROWS.formatted(OF_CUSTOMERS), params);
            rewrite(AreaSums.STOCK, Scope.AREAS_OF_MONTH, params);
            if (month.equals(from)) {
                jdbc.update("delete from shelf_month where month_start = :first and customer_id in (:customers)", params);
                jdbc.update("delete from price_month where month_start = :first and customer_id in (:customers)", params);
                rollUpObservationsOfMonth(params, OF_CUSTOMERS);
            }
        }
    }

    /**
     * Recomputes what the observations feed for every rolled-up month from {@code from} on (an observations import):
     * a count is the latest of its customer and spec in every month-end snapshot until a later count.
     */
    @Transactional
    public void refreshObservations(YearMonth from) {
        lockWriters();
        for (YearMonth month : rolledUpFrom(from)) {
            MapSqlParameterSource params = monthParameters(month);
            rollUpStockOfMonth(params);
            rollUpObservationsOfMonth(params, "");
        }
        updateStatistics();
    }

    /** The month's shelf and price records: of every customer, or of the customers (and their areas) given. */
    private void rollUpObservationsOfMonth(MapSqlParameterSource params, String customerFilter) {
        boolean wholeMonth = customerFilter.isEmpty();
        if (wholeMonth) {
            jdbc.update("delete from shelf_month where month_start = :first", params);
            jdbc.update("delete from price_month where month_start = :first", params);
        }
        timed("SHELF_ROWS", SHELF_ROWS.formatted(customerFilter), params);
        timed("PRICE_ROWS", PRICE_ROWS.formatted(customerFilter), params);
        Scope scope = wholeMonth ? Scope.MONTH : Scope.AREAS_OF_MONTH;
        rewrite(AreaSums.SHELF, scope, params);
        rewrite(AreaSums.PRICES, scope, params);
    }

    /**
     * Re-prices the customers' key-brand volume and retail profit of every rolled-up month (after a specs import
     * that may have changed prices or key brands): the month's customer rows again from sales_month.
     */
    @Transactional
    public void repriceCustomers() {
        lockWriters();
        for (YearMonth month : rolledUpFrom(YearMonth.of(1900, 1))) {
            MapSqlParameterSource params = monthParameters(month);
            jdbc.update("delete from customer_sales_month where month_start = :first", params);
            timed("INSERT_CUSTOMERS", INSERT_CUSTOMERS, params);
        }
        updateStatistics();
    }

    private List<YearMonth> rolledUpFrom(YearMonth from) {
        return jdbc.query("select month_start from sales_month_refresh where month_start >= :from order by month_start",
                new MapSqlParameterSource("from", Date.valueOf(from.atDay(1))),
                (rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()));
    }

    /**
     * Makes the area roll-ups count every customer in the area of its current route and 业态 again: records new
     * customers, and recomputes the areas that customers (or their routes) left or joined, for every rolled-up
     * month. Nothing to do, the usual case, costs one join of customers and routes, and takes no lock.
     * Returns the areas recomputed.
     */
    @Transactional
    public List<String> alignAreas() {
        MapSqlParameterSource none = new MapSqlParameterSource();
        if (misaligned().isEmpty()) {
            return List.of();
        }
        lockWriters();
        List<String> areas = areasToRecompute(misaligned()); // less what a writer before the lock aligned
        // Every recorded customer that moved or changed its 业态 names its area above: none, nothing to forget (the
        // usual case, and each analysis step asks, so the full anti-join is skipped).
        if (!areas.isEmpty()) {
            jdbc.update(FORGET_MOVED_CUSTOMERS, none);
        }
        jdbc.update(RECORD_CUSTOMER_AREAS, none);
        if (!areas.isEmpty()) {
            MapSqlParameterSource params = new MapSqlParameterSource("areas", areas);
            jdbc.update("delete from area_sales_month where area_code in (:areas)", params);
            jdbc.update(INSERT_AREAS_OF_ALL_MONTHS, params);
            for (AreaSums sums : AreaSums.values()) {
                rewrite(sums, Scope.AREAS, params);
            }
        }
        return areas;
    }

    /** A customer to record or to move: its recorded area (null when not recorded yet) and its current one. */
    private record Misaligned(String recordedArea, String currentArea, boolean recordOnly) {
    }

    private List<Misaligned> misaligned() {
        return jdbc.query(CUSTOMERS_TO_ALIGN, new MapSqlParameterSource(), MISALIGNED);
    }

    /** The areas to recompute: old and new area of every customer that moved, the area of every new one with sales. */
    private static List<String> areasToRecompute(List<Misaligned> customers) {
        return customers.stream().filter(c -> !c.recordOnly())
                .flatMap(c -> Stream.of(c.recordedArea(), c.currentArea())).filter(Objects::nonNull).distinct().sorted()
                .toList();
    }

    /**
     * PostgreSQL plans the analyses from table statistics, and a month of new roll-up rows (or a new
     * month that is not in the statistics yet) made it misjudge them by orders of magnitude until
     * autovacuum came by; so the roll-ups are analysed right after a bulk write. H2 needs nothing.
     */
    private void updateStatistics() {
        if (postgres == null) {
            postgres = jdbc.getJdbcTemplate().execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
        }
        if (Boolean.TRUE.equals(postgres)) {
            jdbc.getJdbcTemplate().execute("analyze sales_month, sales_quarter, customer_sales_month, "
                    + "customer_order_day, area_sales_month, area_format_month, customer_quarter, area_repeat_month, stock_month, "
                    + "customer_stock_month, area_format_stock_month, area_shelf_month, area_price_month, "
                    + "shelf_month, price_month");
        }
    }

    /**
     * Rolls up the months given, then the quarters that read them: each month's own and, when rolled up,
     * those of the three months after it (the quarter's sales reach two months on, its 91 order days three).
     * Returns the sales_month rows written.
     */
    private int rollUp(Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return 0;
        }
        int rows = 0;
        SortedSet<YearMonth> quarters = new TreeSet<>();
        for (YearMonth month : new TreeSet<>(months)) {
            rows += rollUpMonth(month);
            quarters.add(month);
        }
        Set<YearMonth> rolledUp = new HashSet<>();
        jdbc.query("select month_start from sales_month_refresh where month_start > :first and month_start <= :last",
                new MapSqlParameterSource("first", Date.valueOf(quarters.first().atDay(1)))
                        .addValue("last", Date.valueOf(quarters.last().plusMonths(3).atDay(1))),
                rs -> {
                    rolledUp.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                });
        for (YearMonth month : List.copyOf(quarters)) {
            Stream.of(month.plusMonths(1), month.plusMonths(2), month.plusMonths(3)).filter(rolledUp::contains)
                    .forEach(quarters::add);
        }
        quarters.forEach(this::rollUpQuarter);
        return rows;
    }

    private int rollUpMonth(YearMonth month) {
        MapSqlParameterSource params = monthParameters(month)
                .addValue("now", Timestamp.valueOf(LocalDateTime.now(clock)));
        jdbc.update("delete from sales_month where month_start = :first", params);
        int rows = timed("INSERT_SALES", INSERT_SALES, params);
        jdbc.update("delete from customer_sales_month where month_start = :first", params);
        timed("INSERT_CUSTOMERS", INSERT_CUSTOMERS, params);
        jdbc.update("delete from customer_order_day where order_date >= :first and order_date < :next", params);
        timed("INSERT_ORDER_DAYS", INSERT_ORDER_DAYS, params);
        jdbc.update("delete from area_sales_month where month_start = :first", params);
        timed("INSERT_AREAS_OF_MONTH", INSERT_AREAS_OF_MONTH, params);
        rewrite(AreaSums.ORDERING_CUSTOMERS, Scope.MONTH, params);
        rollUpObservationsOfMonth(params, "");
        jdbc.update("delete from sales_month_refresh where month_start = :first", params);
        jdbc.update("insert into sales_month_refresh (month_start, refreshed_at) values (:first, :now)", params);
        return rows;
    }

    /** The quarter ending with the month and what is derived from it: customers' quarters, repeat buyers, stock. */
    private void rollUpQuarter(YearMonth month) {
        MapSqlParameterSource params = monthParameters(month);
        jdbc.update("delete from sales_quarter where month_start = :first", params);
        timed("INSERT_QUARTER", INSERT_QUARTER, params);
        jdbc.update("delete from customer_quarter where month_start = :first", params);
        timed("INSERT_CUSTOMER_QUARTER", INSERT_CUSTOMER_QUARTER, OrderWeeks.addStarts(params, month));
        rewrite(AreaSums.REPEAT_BUYERS, Scope.MONTH, params);
        rollUpStockOfMonth(params);
    }

    /** The month's stock snapshot and its sums per customer and per area and 业态, afresh. */
    private void rollUpStockOfMonth(MapSqlParameterSource params) {
        jdbc.update("delete from stock_month where month_start = :first", params);
        timed("INSERT_STOCK_OF_MONTH", INSERT_STOCK_OF_MONTH, params);
        jdbc.update("delete from customer_stock_month where month_start = :first", params);
        timed("INSERT_CUSTOMER_STOCK_OF_MONTH", CUSTOMER_STOCK_ROWS.formatted(""), params);
        rewrite(AreaSums.STOCK, Scope.MONTH, params);
    }

    /** Replaces the rows of an area roll-up in the scope given by their sums over its per-customer roll-up. */
    private void rewrite(AreaSums sums, Scope scope, MapSqlParameterSource params) {
        jdbc.update(sums.delete(scope), params);
        timed(sums.name(), sums.insert(scope), params);
    }

    /** Runs one roll-up statement and logs its time and rows at DEBUG (which statement a slow refresh spends on). */
    private int timed(String name, String sql, MapSqlParameterSource params) {
        long started = System.nanoTime();
        int rows = jdbc.update(sql, params);
        LOG.debug("{} {}: {} rows in {} ms", name, params.hasValue("first") ? params.getValue("first") : "all months",
                rows, (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    private static MapSqlParameterSource monthParameters(YearMonth month) {
        return new MapSqlParameterSource("first", Date.valueOf(month.atDay(1)))
                .addValue("next", Date.valueOf(month.plusMonths(1).atDay(1)))
                .addValue("previous", Date.valueOf(month.minusMonths(1).atDay(1)))
                .addValue("quarterStart", Date.valueOf(month.minusMonths(2).atDay(1)))
                .addValue("lastDay", Date.valueOf(month.atEndOfMonth()));
    }
}
