package cn.cm135.cycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.jdbc.WorkLock;
import cn.cm135.process.MonthStartAnalysis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs each month-start analysis once per analysed month for the whole marketing centre, although
 * every customer manager's instance reaches the service task. The run locks its kind's row of
 * {@code work_lock}, then claims the month in {@code analysis_run}, in the same transaction as the
 * analysis: a concurrent job of another instance (or node) waits on that lock until the first commits, then
 * finds the month done and goes on, without computing it a second time and without failing (on the claim's
 * key, which would cost it a minute until its retry). The analyses themselves belong to their features, which
 * offer them as {@link MonthStartAnalysis} beans.
 */
@Service
public class MonthlyAnalyses {

    private static final Logger log = LoggerFactory.getLogger(MonthlyAnalyses.class);

    public static final String CUSTOMERS = MonthStartAnalysis.CUSTOMERS;
    public static final String BRANDS = MonthStartAnalysis.BRANDS;
    public static final String MARKET = MonthStartAnalysis.MARKET;

    private final JdbcTemplate jdbc;
    private final Map<String, MonthStartAnalysis> analyses;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WorkLock workLock;

    MonthlyAnalyses(JdbcTemplate jdbc, List<MonthStartAnalysis> analyses, Clock clock, MeterRegistry meters,
            WorkLock workLock) {
        this.jdbc = jdbc;
        this.analyses = analyses.stream().collect(Collectors.toMap(MonthStartAnalysis::kind, Function.identity()));
        this.clock = clock;
        this.meters = meters;
        this.workLock = workLock;
    }

    /** 经营效果与经营能力 of every customer for {@code month}; returns whether it ran now. */
    @Transactional
    public boolean ensureCustomers(YearMonth month) {
        return ensure(month, CUSTOMERS, analysis(CUSTOMERS));
    }

    /** 月度品牌状态分析 of every area for {@code month}; returns whether it ran now. */
    @Transactional
    public boolean ensureBrands(YearMonth month) {
        return ensure(month, BRANDS, analysis(BRANDS));
    }

    /** 市场分析 of every area for {@code month}; returns whether it ran now. */
    @Transactional
    public boolean ensureMarket(YearMonth month) {
        return ensure(month, MARKET, analysis(MARKET));
    }

    /** The customer manager's part of {@code month}'s {@code kind} again (see {@link MonthStartAnalysis#analyseAgainFor}). */
    @Transactional
    public void analyseAgainFor(String kind, YearMonth month, String customerManagerId) {
        analysis(kind).analyseAgainFor(month, customerManagerId);
    }

    @Transactional(readOnly = true)
    public boolean hasRun(YearMonth month, String kind) {
        Integer n = jdbc.queryForObject("select count(*) from analysis_run where period = ? and kind = ?",
                Integer.class, month.toString(), kind);
        return n != null && n > 0;
    }

    private MonthStartAnalysis analysis(String kind) {
        MonthStartAnalysis analysis = analyses.get(kind);
        if (analysis == null) {
            throw new IllegalStateException("No month-start analysis '" + kind + "' (a MonthStartAnalysis bean)");
        }
        return analysis;
    }

    private boolean ensure(YearMonth month, String kind, MonthStartAnalysis analysis) {
        if (hasRun(month, kind)) {
            return false;
        }
        workLock.hold("analysis-" + kind);
        // Read committed: this statement sees what a job that held the lock before has committed.
        if (hasRun(month, kind)) {
            log.info("Month-start analysis {} of {}: computed meanwhile by another job", kind, month);
            return false;
        }
        jdbc.update("insert into analysis_run (period, kind, finished_at) values (?, ?, ?)", month.toString(), kind,
                Timestamp.valueOf(LocalDateTime.now(clock)));
        // An operator reading the log after a crash sees which analysis was under way (its transaction is rolled
        // back and the job retried), and how long a month's analysis takes on this database.
        log.info("Month-start analysis {} of {}: started", kind, month);
        long started = System.nanoTime();
        Timer.builder("cm135.analysis.duration").description("Month-start analysis of the whole marketing centre, per step")
                .tag("step", kind).register(meters).record(() -> analysis.analyse(month));
        log.info("Month-start analysis {} of {}: computed in {} ms (written when its job commits)", kind, month,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
