package cn.cm135.brand.analysis;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
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
 * Step 6 月度品牌状态分析 for the whole marketing centre (the brand warning compares each area with
 * the centre, so a month is analysed for all areas at once), and the step-7 brand targets and target
 * customers it reads. A customer manager reads the rows of their areas, writes conclusions and
 * confirms (确定): the rows of their areas are then locked and keep their numbers forever.
 */
@Service
public class BrandAnalysisService {

    private static final RowMapper<BrandMonthResult> ROW = new SnakeCaseRowMapper<>(BrandMonthResult.class);

    private static final String OF_MANAGER = "period = :period and area_code in "
            + "(select code from area where customer_manager_id = :cm)";

    private final NamedParameterJdbcTemplate jdbc;
    private final SalesRollup rollup;
    private final BrandStatusDecision decision;
    private final BrandIndicatorProperties indicators;
    private final Clock clock;

    BrandAnalysisService(NamedParameterJdbcTemplate jdbc, SalesRollup rollup, BrandStatusDecision decision,
            BrandIndicatorProperties indicators, Clock clock) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.decision = decision;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** What one run wrote: rows (re)computed, and rows kept because they are locked. */
    public record AnalysisRun(YearMonth month, int analysed, int locked) {
    }

    /**
     * Analyses month {@code month} for every area: replaces the month's unlocked rows, never touches
     * locked ones (nor adds rows to a locked area). Idempotent.
     */
    @Transactional
    public AnalysisRun analyse(YearMonth month) {
        return run(month, null);
    }

    /**
     * Analyses month {@code month} again for the customer manager's areas only, after the centre's run:
     * a customer manager's first cycle backfills last month's brand targets (step 3), possibly after
     * another instance analysed the month. The centre index is recomputed from the same roll-up, so the
     * other areas' rows stay consistent. Idempotent.
     *
     * @throws BrandAnalysisLockedException when the customer manager already confirmed the month
     */
    @Transactional
    public AnalysisRun reanalyse(YearMonth month, String customerManagerId) {
        if (isLocked(month, customerManagerId)) {
            throw new BrandAnalysisLockedException(month, customerManagerId);
        }
        List<String> areas = jdbc.queryForList("select code from area where customer_manager_id = :cm",
                new MapSqlParameterSource("cm", customerManagerId), String.class);
        return areas.isEmpty() ? new AnalysisRun(month, 0, 0) : run(month, areas);
    }

    private AnalysisRun run(YearMonth month, List<String> areas) {
        // The writers of order lines keep the roll-ups up to date; only months never rolled up are rolled up here.
        rollup.ensure(month.minusMonths(12), month);
        MapSqlParameterSource params = BrandAnalysisSql.parameters(month, indicators, LocalDateTime.now(clock))
                .addValue("areas", areas);
        String inScope = areas == null ? "" : " and area_code in (:areas)";
        BrandStatusDecision.Evaluator status = decision.load();
        Optional<String> statusSql = status.sql(BrandAnalysisSql.STATUS_INPUT_COLUMNS);
        jdbc.update(BrandAnalysisSql.DELETE_UNLOCKED + inScope, params);
        int analysed = jdbc.update(BrandAnalysisSql.insertResults(statusSql.orElse(null))
                + (areas == null ? "" : " where b.area_code in (:areas)"), params);

        // Without the SQL form: the DMN engine decides each row; with it, rows no rule matched are null.
        List<Object[]> updates = new ArrayList<>();
        jdbc.query((statusSql.isPresent() ? BrandAnalysisSql.UNDECIDED_INPUTS : BrandAnalysisSql.STATUS_INPUTS) + inScope, params,
                rs -> {
                    int months = rs.getInt("months_since_launch");
                    Integer monthsSinceLaunch = rs.wasNull() ? null : months;
                    BigDecimal delta = rs.getBigDecimal("delta_pp");
                    if (statusSql.isPresent()) {
                        throw BrandStatusDecision.noRule(monthsSinceLaunch, delta);
                    }
                    updates.add(new Object[] {status.status(monthsSinceLaunch, delta), month.toString(),
                            rs.getString("area_code"), rs.getString("spec_code")});
                });
        jdbc.getJdbcTemplate().batchUpdate(BrandAnalysisSql.UPDATE_STATUS, updates);

        Integer locked = jdbc.queryForObject("select count(*) from brand_month_result where period = :period and locked",
                params, Integer.class);
        return new AnalysisRun(month, analysed, locked == null ? 0 : locked);
    }

    /** The rows of the customer manager's areas, by area and spec. */
    @Transactional(readOnly = true)
    public List<BrandMonthResult> rows(YearMonth month, String customerManagerId) {
        return jdbc.query("select * from brand_month_result where " + OF_MANAGER + " order by area_code, spec_code",
                params(month, customerManagerId), ROW);
    }

    /**
     * Writes the customer manager's 分析结论 on the rows of their areas (a draft until {@link #lock}).
     * Returns the rows written.
     *
     * @throws BrandAnalysisLockedException when the analysis is already confirmed
     * @throws Refusal NOT_FOUND when the month has not been analysed for their areas
     */
    @Transactional
    public int conclude(YearMonth month, String customerManagerId, String conclusions) {
        requireOpen(month, customerManagerId);
        if (conclusions != null && conclusions.length() > 2000) {
            throw Refusal.invalid("conclusions", "分析结论最多 2000 字");
        }
        return jdbc.update("update brand_month_result set conclusions = :conclusions where " + OF_MANAGER,
                params(month, customerManagerId).addValue("conclusions", conclusions));
    }

    /**
     * 确定: locks the rows of the customer manager's areas; later runs of {@link #analyse} keep them.
     *
     * @throws BrandAnalysisLockedException when the analysis is already confirmed
     * @throws Refusal NOT_FOUND when the month has not been analysed for their areas
     */
    @Transactional
    public int lock(YearMonth month, String customerManagerId) {
        requireOpen(month, customerManagerId);
        return jdbc.update("update brand_month_result set locked = true, locked_at = :now where " + OF_MANAGER,
                params(month, customerManagerId).addValue("now", Timestamp.valueOf(LocalDateTime.now(clock))));
    }

    @Transactional(readOnly = true)
    public boolean isLocked(YearMonth month, String customerManagerId) {
        Integer n = jdbc.queryForObject("select count(*) from brand_month_result where " + OF_MANAGER + " and locked",
                params(month, customerManagerId), Integer.class);
        return n != null && n > 0;
    }

    private void requireOpen(YearMonth month, String customerManagerId) {
        if (isLocked(month, customerManagerId)) {
            throw new BrandAnalysisLockedException(month, customerManagerId);
        }
        Integer rows = jdbc.queryForObject("select count(*) from brand_month_result where " + OF_MANAGER,
                params(month, customerManagerId), Integer.class);
        if (rows == null || rows == 0) {
            throw Refusal.notFound(month + " 的月度品牌状态分析尚未生成（客户经理 " + customerManagerId + "）");
        }
    }

    /** Step 7: the brand target (条) of a spec in an area for month {@code month}; an upsert. */
    @Transactional
    public void setTarget(YearMonth month, String areaCode, String specCode, int targetVolume) {
        if (targetVolume < 0) {
            throw Refusal.invalid("targetVolume", "品牌目标不能为负数");
        }
        MapSqlParameterSource p = new MapSqlParameterSource("period", month.toString()).addValue("area", areaCode)
                .addValue("spec", specCode).addValue("volume", targetVolume);
        int updated = jdbc.update("update brand_target set target_volume = :volume "
                + "where period = :period and area_code = :area and spec_code = :spec", p);
        if (updated == 0) {
            jdbc.update("insert into brand_target (period, area_code, spec_code, target_volume) "
                    + "values (:period, :area, :spec, :volume)", p);
        }
    }

    /** Step 7: marks a customer as a target customer of a spec for month {@code month}; idempotent. */
    @Transactional
    public boolean addTargetCustomer(YearMonth month, String specCode, long customerId) {
        MapSqlParameterSource p = new MapSqlParameterSource("period", month.toString()).addValue("spec", specCode)
                .addValue("customer", customerId);
        Integer n = jdbc.queryForObject("select count(*) from brand_target_customer "
                + "where period = :period and spec_code = :spec and customer_id = :customer", p, Integer.class);
        if (n != null && n > 0) {
            return false;
        }
        jdbc.update("insert into brand_target_customer (period, spec_code, customer_id) "
                + "values (:period, :spec, :customer)", p);
        return true;
    }

    @Transactional
    public boolean removeTargetCustomer(YearMonth month, String specCode, long customerId) {
        return jdbc.update("delete from brand_target_customer "
                + "where period = :period and spec_code = :spec and customer_id = :customer",
                new MapSqlParameterSource("period", month.toString()).addValue("spec", specCode)
                        .addValue("customer", customerId)) > 0;
    }

    private static MapSqlParameterSource params(YearMonth month, String customerManagerId) {
        return new MapSqlParameterSource("period", month.toString()).addValue("cm", customerManagerId);
    }
}
