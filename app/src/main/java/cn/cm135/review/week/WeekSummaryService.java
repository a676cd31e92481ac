package cn.cm135.review.week;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.calendar.WorkingCalendar;
import cn.cm135.rules.Refusal;

/**
 * 周工作小结 (step 15) of a customer manager's week in a month: the system computes the month-to-date volume,
 * 单条值 and key-brand YoY growth as of the week's last day inside the month (not after today) against the
 * month's targets, time and volume progress and a suggested status; the customer manager judges the status
 * and writes the week plan's rationality and effectiveness. A finished summary (DONE) is final.
 */
@Service
@Transactional
public class WeekSummaryService {

    static final int TEXT_MAX = 2000;
    static final Set<String> STATUSES = Set.of(Progress.AHEAD, Progress.ON_TRACK, Progress.BEHIND);

    private static final String SELECT = """
            select customer_manager_id, period, week_start, as_of, volume, amount, volume_target, unit_value,
                   unit_value_target, key_brand_growth, key_brand_growth_target, time_progress, volume_progress,
                   suggested_status, judged_status, rationality, effectiveness, status, summarized_by, summarized_at
              from week_summary
            """;

    private final SalesToDate sales;
    private final WorkingCalendar calendar;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    WeekSummaryService(SalesToDate sales, WorkingCalendar calendar, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.sales = sales;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The figures as of now (a draft row is stored), or the finished summary as it was written. */
    public WeekSummary prepare(String customerManagerId, YearMonth month, LocalDate weekStart) {
        Optional<WeekSummary> stored = find(customerManagerId, month, weekStart);
        if (stored.isPresent() && stored.get().done()) {
            return stored.get();
        }
        WeekSummary draft = compute(customerManagerId, month, weekStart, null, null, "DRAFT", null);
        write(draft);
        return draft;
    }

    /** The customer manager's judgement and words: the summary is stored with the figures as of now, DONE. */
    public WeekSummary summarize(String customerManagerId, YearMonth month, LocalDate weekStart,
            WeekJudgement judgement, String by) {
        find(customerManagerId, month, weekStart).filter(WeekSummary::done).ifPresent(s -> {
            throw Refusal.locked("%s 的 %s 周工作小结已完成，确定后不能修改".formatted(customerManagerId, weekStart));
        });
        WeekJudgement checked = checked(judgement);
        WeekSummary done = compute(customerManagerId, month, weekStart, checked, by, "DONE", LocalDateTime.now(clock));
        write(done);
        return done;
    }

    @Transactional(readOnly = true)
    public Optional<WeekSummary> find(String customerManagerId, YearMonth month, LocalDate weekStart) {
        return jdbc.query(SELECT + " where customer_manager_id = :cm and period = :period and week_start = :week",
                params(customerManagerId, month).addValue("week", Date.valueOf(weekStart)), this::map).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<WeekSummary> ofMonth(String customerManagerId, YearMonth month) {
        return jdbc.query(SELECT + " where customer_manager_id = :cm and period = :period order by week_start",
                params(customerManagerId, month), this::map);
    }

    private WeekSummary compute(String customerManagerId, YearMonth month, LocalDate weekStart,
            WeekJudgement judgement, String by, String status, LocalDateTime at) {
        WeekDays days = daysInMonth(month, weekStart);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = days.last().isAfter(today) ? today : days.last();
        SalesToDate.Sales s = sales.of(customerManagerId, month.atDay(1), asOf);
        Map<String, Object> target = target(customerManagerId, month);
        Integer volumeTarget = target == null || target.get("volume") == null ? null
                : ((Number) target.get("volume")).intValue();
        Progress progress = new Progress(elapsedWorkingDays(month, asOf), calendar.workingDays(month), s.volume(),
                volumeTarget);
        return new WeekSummary(customerManagerId, month.toString(), weekStart, days.first(), days.last(), asOf, s.volume(),
                s.amount(), volumeTarget, s.unitValue(), decimal(target, "unit_value"), s.keyBrandGrowth(),
                decimal(target, "key_brand_growth"), progress.elapsedWorkingDays(), progress.workingDays(),
                progress.timeProgress(), progress.volumeProgress(), progress.suggestedStatus(),
                judgement == null ? null : judgement.judgedStatus(), judgement == null ? null : judgement.rationality(),
                judgement == null ? null : judgement.effectiveness(), status, by, at);
    }

    /** The days of a Monday–Sunday week that lie in the month. */
    record WeekDays(LocalDate first, LocalDate last) {
    }

    /** The first and last day of the Monday–Sunday week that lie in {@code month}. */
    static WeekDays daysInMonth(YearMonth month, LocalDate weekStart) {
        if (weekStart == null || weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw Refusal.invalid("weekStart", "周开始日期必须是星期一，收到 " + weekStart
                    + (weekStart == null ? "" : "（" + weekStart.getDayOfWeek() + "）"));
        }
        LocalDate first = weekStart.isBefore(month.atDay(1)) ? month.atDay(1) : weekStart;
        LocalDate last = weekStart.plusDays(6).isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : weekStart.plusDays(6);
        if (first.isAfter(last)) {
            throw Refusal.invalid("weekStart", weekStart + " 开始的一周不在 " + month + " 月内");
        }
        return new WeekDays(first, last);
    }

    /** Working days of the month from its first day up to and including {@code asOf}. */
    private int elapsedWorkingDays(YearMonth month, LocalDate asOf) {
        if (asOf.isBefore(month.atDay(1))) {
            return 0;
        }
        return (int) month.atDay(1).datesUntil(asOf.plusDays(1)).filter(calendar::isWorkingDay).count();
    }

    private Map<String, Object> target(String customerManagerId, YearMonth month) {
        return jdbc.queryForList("select volume, unit_value, key_brand_growth from monthly_target "
                + "where customer_manager_id = :cm and period = :period", params(customerManagerId, month))
                .stream().findFirst().orElse(null);
    }

    private static WeekJudgement checked(WeekJudgement j) {
        if (j == null || j.judgedStatus() == null || j.judgedStatus().isBlank()) {
            throw Refusal.invalid("judgedStatus", "状态判断必须填写（超前、正常 或 滞后）");
        }
        if (!STATUSES.contains(j.judgedStatus().strip())) {
            throw Refusal.invalid("judgedStatus", "状态判断应为 超前、正常 或 滞后，收到 " + j.judgedStatus());
        }
        return new WeekJudgement(j.judgedStatus().strip(), text(j.rationality(), "rationality", "周工作安排的合理性"),
                text(j.effectiveness(), "effectiveness", "周工作实施的有效性"));
    }

    private static String text(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field, label + "必须填写");
        }
        if (value.strip().length() > TEXT_MAX) {
            throw Refusal.invalid(field, label + "最多 " + TEXT_MAX + " 字，收到 " + value.strip().length() + " 字");
        }
        return value.strip();
    }

    private void write(WeekSummary s) {
        MapSqlParameterSource p = params(s.customerManagerId(), YearMonth.parse(s.period()))
                .addValue("week", Date.valueOf(s.weekStart())).addValue("asOf", Date.valueOf(s.asOf()))
                .addValue("volume", s.volume()).addValue("amount", s.amount()).addValue("volumeTarget", s.volumeTarget())
                .addValue("unitValue", s.unitValue()).addValue("unitValueTarget", s.unitValueTarget())
                .addValue("growth", s.keyBrandGrowth()).addValue("growthTarget", s.keyBrandGrowthTarget())
                .addValue("time", s.timeProgress()).addValue("progress", s.volumeProgress())
                .addValue("suggested", s.suggestedStatus()).addValue("judged", s.judgedStatus())
                .addValue("rationality", s.rationality()).addValue("effectiveness", s.effectiveness())
                .addValue("status", s.status()).addValue("by", s.summarizedBy())
                .addValue("at", s.summarizedAt() == null ? null : Timestamp.valueOf(s.summarizedAt()));
        jdbc.update("delete from week_summary where customer_manager_id = :cm and period = :period and week_start = :week",
                p);
        jdbc.update("""
                insert into week_summary (customer_manager_id, period, week_start, as_of, volume, amount, volume_target,
                       unit_value, unit_value_target, key_brand_growth, key_brand_growth_target, time_progress,
                       volume_progress, suggested_status, judged_status, rationality, effectiveness, status,
                       summarized_by, summarized_at)
                values (:cm, :period, :week, :asOf, :volume, :amount, :volumeTarget, :unitValue, :unitValueTarget, :growth,
                        :growthTarget, :time, :progress, :suggested, :judged, :rationality, :effectiveness, :status,
                        :by, :at)
                """, p);
    }

    private WeekSummary map(ResultSet rs, int i) throws SQLException {
        YearMonth month = YearMonth.parse(rs.getString("period"));
        LocalDate weekStart = rs.getDate("week_start").toLocalDate();
        LocalDate asOf = rs.getDate("as_of").toLocalDate();
        WeekDays days = daysInMonth(month, weekStart);
        Timestamp at = rs.getTimestamp("summarized_at");
        return new WeekSummary(rs.getString("customer_manager_id"), month.toString(), weekStart, days.first(), days.last(), asOf,
                rs.getInt("volume"), rs.getBigDecimal("amount"), rs.getObject("volume_target", Integer.class),
                rs.getBigDecimal("unit_value"), rs.getBigDecimal("unit_value_target"),
                rs.getBigDecimal("key_brand_growth"), rs.getBigDecimal("key_brand_growth_target"),
                elapsedWorkingDays(month, asOf), calendar.workingDays(month), rs.getBigDecimal("time_progress"),
                rs.getBigDecimal("volume_progress"), rs.getString("suggested_status"), rs.getString("judged_status"),
                rs.getString("rationality"), rs.getString("effectiveness"), rs.getString("status"),
                rs.getString("summarized_by"), at == null ? null : at.toLocalDateTime());
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        return row == null || row.get(column) == null ? null : new BigDecimal(row.get(column).toString());
    }

    private static MapSqlParameterSource params(String customerManagerId, YearMonth month) {
        return new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString());
    }
}
