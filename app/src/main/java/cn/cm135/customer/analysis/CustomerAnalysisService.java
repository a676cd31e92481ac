package cn.cm135.customer.analysis;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.jdbc.SnakeCaseRowMapper;

/**
 * Step 5 客户经营状态分析 for the whole marketing centre: 计算经营效果 and 评价经营能力 per customer,
 * and the grade (客户分档). Percentile ranks are among peers and deciles company-wide, so a month
 * is analysed for all customers at once, not per customer manager; each customer manager then reads
 * their own rows. A customer manager's locked month keeps its numbers forever.
 */
@Service
public class CustomerAnalysisService {

    /** The months the analysis of m reads: m−14 … m (same 3 months last year up to m). */
    private static final int MONTHS_READ = 14;

    // Record components like volume3m don't match volume_3m by Spring's underscore rule, hence the aliases.
    private static final String COLUMNS = "r.*, r.volume_3m as volume3m, r.amount_3m as amount3m, "
            + "r.unit_value_3m as unit_value3m, r.specs_3m as specs3m, r.last_year_volume_3m as last_year_volume3m, "
            + "r.growth_index_3m as growth_index3m";

    private static final RowMapper<CustomerMonthResult> ROW = new SnakeCaseRowMapper<>(CustomerMonthResult.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final SalesRollup rollup;
    private final IndicatorProperties indicators;
    private final Clock clock;

    CustomerAnalysisService(NamedParameterJdbcTemplate jdbc, SalesRollup rollup, IndicatorProperties indicators,
            Clock clock) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** What one run wrote: rows (re)computed, and rows kept because they are locked. */
    public record AnalysisRun(YearMonth month, int analysed, int locked) {
    }

    /**
     * Analyses month {@code month} for every active customer: replaces the month's unlocked rows and
     * sets the customers' current grade. Idempotent: running it again gives the same rows.
     */
    @Transactional
    public AnalysisRun analyse(YearMonth month) {
        // The writers of order lines keep the roll-ups up to date; only months never rolled up are rolled up here.
        rollup.ensure(month.minusMonths(MONTHS_READ), month);
        MapSqlParameterSource params = CustomerAnalysisSql.parameters(month, indicators, LocalDateTime.now(clock));
        jdbc.update(CustomerAnalysisSql.DELETE_UNLOCKED, params);
        int analysed = jdbc.update(CustomerAnalysisSql.INSERT_RESULTS, params);
        jdbc.update(CustomerAnalysisSql.UPDATE_GRADES, params);
        Integer locked = jdbc.queryForObject(
                "select count(*) from customer_month_result where period = :period and locked", params, Integer.class);
        return new AnalysisRun(month, analysed, locked == null ? 0 : locked);
    }

    /**
     * Freezes a customer manager's analysis of the month (确定后不能修改): later runs of
     * {@link #analyse(YearMonth)} neither change nor add rows of theirs. Returns the rows locked.
     */
    @Transactional
    public int lock(YearMonth month, String customerManagerId) {
        return jdbc.update("update customer_month_result set locked = true "
                + "where period = :period and customer_manager_id = :cm",
                new MapSqlParameterSource("period", month.toString()).addValue("cm", customerManagerId));
    }

    @Transactional(readOnly = true)
    public boolean isLocked(YearMonth month, String customerManagerId) {
        Integer n = jdbc.queryForObject("select count(*) from customer_month_result "
                + "where period = :period and customer_manager_id = :cm and locked",
                new MapSqlParameterSource("period", month.toString()).addValue("cm", customerManagerId), Integer.class);
        return n != null && n > 0;
    }

    /** A customer manager's rows of the month, by licence number (经营效果明细, 经营能力打分明细). */
    @Transactional(readOnly = true)
    public List<CustomerMonthResult> forCustomerManager(YearMonth month, String customerManagerId) {
        return jdbc.query("select " + COLUMNS + " from customer_month_result r join retail_customer c on c.id = r.customer_id "
                + "where r.period = :period and r.customer_manager_id = :cm order by c.licence_no",
                new MapSqlParameterSource("period", month.toString()).addValue("cm", customerManagerId), ROW);
    }

    @Transactional(readOnly = true)
    public Optional<CustomerMonthResult> forCustomer(YearMonth month, long customerId) {
        return jdbc.query("select " + COLUMNS + " from customer_month_result r where r.period = :period and r.customer_id = :id",
                new MapSqlParameterSource("period", month.toString()).addValue("id", customerId), ROW)
                .stream().findFirst();
    }

    /** One customer's grade per analysed month, oldest first: the grade history. */
    public record GradeHistory(String period, int grade) {
    }

    @Transactional(readOnly = true)
    public List<GradeHistory> gradeHistory(long customerId) {
        return jdbc.query("select period, grade from customer_month_result where customer_id = :id order by period",
                new MapSqlParameterSource("id", customerId), new SnakeCaseRowMapper<>(GradeHistory.class));
    }
}
