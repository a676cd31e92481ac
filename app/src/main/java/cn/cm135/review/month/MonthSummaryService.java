package cn.cm135.review.month;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.process.ImprovementMeasures;
import cn.cm135.review.results.MonthExecution;
import cn.cm135.rules.Refusal;

/**
 * 月度工作总结 (step 16): the system computes the month's facts, the customer manager writes the analysis
 * accuracy, plan rationality, good practice, shortcomings and (required) improvement measures, which next
 * month's step 5 review and step 10 work plan show ({@link ImprovementMeasures}). A finished summary is final.
 * The stored row keeps the month's figures as they were when summarized; the brand and market lists are
 * computed when shown.
 */
@Service
@Transactional
public class MonthSummaryService implements ImprovementMeasures {

    static final int TEXT_MAX = 2000;

    private final MonthFactsQuery facts;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MonthSummaryService(MonthFactsQuery facts, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The facts as of now (stored as a draft), or the finished summary as it was written. */
    public MonthSummary prepare(String customerManagerId, YearMonth month) {
        if (isDone(customerManagerId, month)) {
            return find(customerManagerId, month).orElseThrow();
        }
        MonthSummary draft = new MonthSummary(customerManagerId, month.toString(), facts.of(customerManagerId, month),
                null, "DRAFT", null, null);
        write(draft);
        return draft;
    }

    /** The customer manager's review: stored with the facts as of now, DONE. */
    public MonthSummary summarize(String customerManagerId, YearMonth month, MonthReview review, String by) {
        if (isDone(customerManagerId, month)) {
            throw Refusal.locked("%s 的 %s 月度工作总结已完成，确定后不能修改".formatted(customerManagerId, month));
        }
        MonthSummary done = new MonthSummary(customerManagerId, month.toString(), facts.of(customerManagerId, month),
                checked(review), "DONE", by, LocalDateTime.now(clock));
        write(done);
        return done;
    }

    @Transactional(readOnly = true)
    public Optional<MonthSummary> find(String customerManagerId, YearMonth month) {
        return jdbc.query("select * from month_summary where customer_manager_id = :cm and period = :period",
                params(customerManagerId, month), (rs, i) -> map(rs, customerManagerId, month)).stream().findFirst();
    }

    private boolean isDone(String customerManagerId, YearMonth month) {
        Integer done = jdbc.queryForObject("select count(*) from month_summary where customer_manager_id = :cm "
                + "and period = :period and status = 'DONE'", params(customerManagerId, month), Integer.class);
        return done != null && done > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> of(String customerManagerId, YearMonth month) {
        return jdbc.queryForList("select improvement_measures from month_summary where customer_manager_id = :cm "
                + "and period = :period and status = 'DONE'", params(customerManagerId, month), String.class)
                .stream().findFirst();
    }

    private static MonthReview checked(MonthReview r) {
        if (r == null || r.improvementMeasures() == null || r.improvementMeasures().isBlank()) {
            throw Refusal.invalid("improvementMeasures", "改进措施必须填写（将显示在下月的客户经营状态分析和月度工作计划中）");
        }
        return new MonthReview(text(r.analysisAccuracy(), "analysisAccuracy", "月分析的准确性"),
                text(r.planRationality(), "planRationality", "月计划的合理性"),
                text(r.goodPractice(), "goodPractice", "好的经验"), text(r.shortcomings(), "shortcomings", "不足"),
                text(r.improvementMeasures(), "improvementMeasures", "改进措施"));
    }

    private static String text(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > TEXT_MAX) {
            throw Refusal.invalid(field, label + "最多 " + TEXT_MAX + " 字，收到 " + value.strip().length() + " 字");
        }
        return value.strip();
    }

    private void write(MonthSummary s) {
        MonthFacts f = s.facts();
        MonthExecution e = f.execution();
        MonthReview r = s.review() == null ? new MonthReview(null, null, null, null, null) : s.review();
        MapSqlParameterSource p = params(s.customerManagerId(), YearMonth.parse(s.period()))
                .addValue("volume", f.volume()).addValue("amount", f.amount()).addValue("volumeTarget", f.volumeTarget())
                .addValue("unitValue", f.unitValue()).addValue("unitValueTarget", f.unitValueTarget())
                .addValue("growth", f.keyBrandGrowth()).addValue("growthTarget", f.keyBrandGrowthTarget())
                .addValue("planned", e.plannedVisits()).addValue("done", e.doneVisits())
                .addValue("strategiesDone", e.strategiesDone()).addValue("strategiesOpen", e.strategiesOpen())
                .addValue("strategiesDropped", e.strategiesDropped()).addValue("adHoc", e.adHocTasks().size())
                .addValue("accuracy", r.analysisAccuracy()).addValue("rationality", r.planRationality())
                .addValue("good", r.goodPractice()).addValue("shortcomings", r.shortcomings())
                .addValue("measures", r.improvementMeasures()).addValue("status", s.status())
                .addValue("by", s.summarizedBy())
                .addValue("at", s.summarizedAt() == null ? null : Timestamp.valueOf(s.summarizedAt()));
        jdbc.update("delete from month_summary where customer_manager_id = :cm and period = :period", p);
        jdbc.update("""
                insert into month_summary (customer_manager_id, period, volume, amount, volume_target, unit_value,
                       unit_value_target, key_brand_growth, key_brand_growth_target, planned_visits, done_visits,
                       strategies_done, strategies_open, strategies_dropped, ad_hoc_tasks, analysis_accuracy,
                       plan_rationality, good_practice, shortcomings, improvement_measures, status, summarized_by,
                       summarized_at)
                values (:cm, :period, :volume, :amount, :volumeTarget, :unitValue, :unitValueTarget, :growth,
                        :growthTarget, :planned, :done, :strategiesDone, :strategiesOpen, :strategiesDropped, :adHoc,
                        :accuracy, :rationality, :good, :shortcomings, :measures, :status, :by, :at)
                """, p);
    }

    /** A stored summary: its figures as stored; the lists (brands, market, ● tasks) as they are now. */
    private MonthSummary map(ResultSet rs, String customerManagerId, YearMonth month) throws SQLException {
        MonthFacts now = facts.of(customerManagerId, month);
        MonthExecution e = new MonthExecution(rs.getInt("strategies_done"), rs.getInt("strategies_open"),
                rs.getInt("strategies_dropped"), rs.getObject("planned_visits", Integer.class), rs.getInt("done_visits"),
                now.execution().adHocTasks());
        MonthFacts stored = new MonthFacts(rs.getInt("volume"), rs.getBigDecimal("amount"),
                rs.getObject("volume_target", Integer.class), rs.getBigDecimal("unit_value"),
                rs.getBigDecimal("unit_value_target"), rs.getBigDecimal("key_brand_growth"),
                rs.getBigDecimal("key_brand_growth_target"), now.brands(), now.anomalies(), now.prices(), e);
        Timestamp at = rs.getTimestamp("summarized_at");
        MonthReview review = new MonthReview(rs.getString("analysis_accuracy"), rs.getString("plan_rationality"),
                rs.getString("good_practice"), rs.getString("shortcomings"), rs.getString("improvement_measures"));
        return new MonthSummary(customerManagerId, month.toString(), stored, review, rs.getString("status"),
                rs.getString("summarized_by"), at == null ? null : at.toLocalDateTime());
    }

    private static MapSqlParameterSource params(String customerManagerId, YearMonth month) {
        return new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString());
    }
}
