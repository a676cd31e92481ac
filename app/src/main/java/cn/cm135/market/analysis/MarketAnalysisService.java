package cn.cm135.market.analysis;

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

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.jdbc.SnakeCaseRowMapper;
import cn.cm135.rules.Refusal;

/**
 * Step 8 市场分析 for the whole marketing centre: every area is analysed at once (the market warning
 * compares each area with the centre), each customer manager then reads their own areas' rows, writes
 * conclusions and confirms (确定). A confirmed area keeps its numbers and conclusions forever.
 */
@Service
public class MarketAnalysisService {

    /** Maximum length of the conclusions text (column size). */
    public static final int CONCLUSIONS_MAX = 2000;

    private static final RowMapper<MarketMonthResult> ROW = new SnakeCaseRowMapper<>(MarketMonthResult.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final SalesRollup rollup;
    private final MarketIndicatorProperties indicators;
    private final Clock clock;

    MarketAnalysisService(NamedParameterJdbcTemplate jdbc, SalesRollup rollup, MarketIndicatorProperties indicators,
            Clock clock) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** What one run wrote: areas (re)computed, and areas kept because they are locked. */
    public record AnalysisRun(YearMonth month, int analysed, int locked) {
    }

    /**
     * Analyses month {@code month} for every area: replaces the month's unlocked rows (results and
     * details) and leaves locked areas untouched. Idempotent: running it again gives the same rows.
     */
    @Transactional
    public AnalysisRun analyse(YearMonth month) {
        // The writers of order lines keep the roll-ups up to date; only months never rolled up are rolled up here.
        rollup.ensure(month.minusMonths(MarketAnalysisSql.MONTHS - 1), month);
        MapSqlParameterSource params = MarketAnalysisSql.parameters(month, indicators, LocalDateTime.now(clock));
        for (String delete : MarketAnalysisSql.DELETE_UNLOCKED) {
            jdbc.update(delete, params);
        }
        int analysed = jdbc.update(MarketAnalysisSql.INSERT_RESULTS, params);
        jdbc.update(MarketAnalysisSql.INSERT_PRICE_CLASS_SHARES, params);
        jdbc.update(MarketAnalysisSql.INSERT_SPEC_PRICES, params);
        jdbc.update(MarketAnalysisSql.INSERT_ANOMALY_COUNTS, params);
        Integer locked = jdbc.queryForObject(
                "select count(*) from market_month_result where period = :period and locked", params, Integer.class);
        return new AnalysisRun(month, analysed, locked == null ? 0 : locked);
    }

    /** A customer manager's areas of the month, by area code. */
    @Transactional(readOnly = true)
    public List<MarketMonthResult> rows(YearMonth month, String customerManagerId) {
        return jdbc.query("select * from market_month_result where period = :period and customer_manager_id = :cm "
                + "order by area_code", new MapSqlParameterSource("period", month.toString())
                        .addValue("cm", customerManagerId), ROW);
    }

    @Transactional(readOnly = true)
    public Optional<MarketMonthResult> row(YearMonth month, String areaCode) {
        return jdbc.query("select * from market_month_result where period = :period and area_code = :area",
                params(month, areaCode), ROW).stream().findFirst();
    }

    /** Price-class shares (一类 … 五类), observed spec prices and anomaly counts of one area. */
    @Transactional(readOnly = true)
    public MarketMonthResult.Detail detail(YearMonth month, String areaCode) {
        MapSqlParameterSource params = params(month, areaCode);
        return new MarketMonthResult.Detail(
                jdbc.query("select price_class, volume, share from market_price_class_share "
                        + "where period = :period and area_code = :area order by price_class", params,
                        new SnakeCaseRowMapper<>(MarketMonthResult.PriceClassShare.class)),
                jdbc.query("select spec_code, customers, mean_price, guide_price, deviation, flagged from market_spec_price "
                        + "where period = :period and area_code = :area order by spec_code", params,
                        new SnakeCaseRowMapper<>(MarketMonthResult.SpecPrice.class)),
                jdbc.query("select anomaly_type, count from market_anomaly_count "
                        + "where period = :period and area_code = :area order by anomaly_type", params,
                        new SnakeCaseRowMapper<>(MarketMonthResult.AnomalyCount.class)));
    }

    /**
     * Writes the customer manager's conclusions on an area's month.
     *
     * @throws MarketAnalysisLockedException when the area's month is confirmed
     * @throws Refusal NOT_FOUND when the month has not been analysed for the area
     */
    @Transactional
    public void conclude(YearMonth month, String areaCode, String conclusions) {
        if (conclusions != null && conclusions.length() > CONCLUSIONS_MAX) {
            throw Refusal.invalid("conclusions", "分析结论不能超过 " + CONCLUSIONS_MAX + " 字");
        }
        requireUnlocked(month, areaCode);
        jdbc.update("update market_month_result set conclusions = :text "
                + "where period = :period and area_code = :area and not locked",
                params(month, areaCode).addValue("text", conclusions));
    }

    /**
     * Confirms (确定) an area's month: afterwards neither {@link #conclude} nor {@link #analyse} changes
     * it. Confirming a confirmed month again changes nothing.
     *
     * @throws Refusal NOT_FOUND when the month has not been analysed for the area
     */
    @Transactional
    public void lock(YearMonth month, String areaCode) {
        if (row(month, areaCode).isEmpty()) {
            throw Refusal.notFound("片区 " + areaCode + " 的 " + month + " 市场分析尚未生成");
        }
        jdbc.update("update market_month_result set locked = true where period = :period and area_code = :area",
                params(month, areaCode));
    }

    @Transactional(readOnly = true)
    public boolean isLocked(YearMonth month, String areaCode) {
        return row(month, areaCode).map(MarketMonthResult::locked).orElse(false);
    }

    private void requireUnlocked(YearMonth month, String areaCode) {
        MarketMonthResult row = row(month, areaCode).orElseThrow(
                () -> Refusal.notFound("片区 " + areaCode + " 的 " + month + " 市场分析尚未生成"));
        if (row.locked()) {
            throw new MarketAnalysisLockedException(month, areaCode);
        }
    }

    private static MapSqlParameterSource params(YearMonth month, String areaCode) {
        return new MapSqlParameterSource("period", month.toString()).addValue("area", areaCode);
    }
}
