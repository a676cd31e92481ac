package cn.cm135.cycle.weeks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.cm135.calendar.WorkingCalendar;
import cn.cm135.process.CycleVariables;

/**
 * The calendar of the implement phase as {@code cycle-135-monthly} sees it (bean {@code cycleWeeks}): which
 * Monday-based weeks of the month are still to be worked, and when each step of a week or day is due.
 * A week that straddles two months is two weeks of work, one in each month's cycle, so a week here always
 * means "the days of that Monday–Sunday week inside the month". Dates travel as ISO strings (yyyy-MM-dd)
 * because process variables and multi-instance elements stay small and readable in Cockpit.
 */
@Component("cycleWeeks")
public class CycleWeeks {

    /** Process variable: the Mondays of the weeks to work, comma-separated, fixed when the plan is approved. */
    public static final String WEEKS = "weeks";

    static final LocalTime ARRANGEMENT_DUE = LocalTime.of(10, 0);
    static final LocalTime DAY_STARTS = LocalTime.of(7, 0);
    static final LocalTime DAY_ENDS = LocalTime.of(20, 0);
    static final LocalTime OFFICE_CLOSES = LocalTime.of(18, 0);
    static final int MONTH_SUMMARY_DUE_DAY = 3;

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final int escalationWorkingDays;

    CycleWeeks(WorkingCalendar calendar, Clock clock,
            @Value("${cm135.cycle.work-escalation-working-days:2}") int escalationWorkingDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.escalationWorkingDays = escalationWorkingDays;
    }

    /**
     * The Mondays of the month's weeks that still hold a working day of the month, today or later. Weeks
     * already over when the plan is approved are not worked: no weekly or daily work comes before the plan.
     */
    public List<String> remaining(String period) {
        YearMonth month = YearMonth.parse(period);
        LocalDate today = LocalDate.now(clock);
        List<String> mondays = new ArrayList<>();
        for (LocalDate monday = mondayOf(month.atDay(1)); !monday.isAfter(month.atEndOfMonth());
                monday = monday.plusWeeks(1)) {
            if (workingDays(month, monday).stream().anyMatch(day -> !day.isBefore(today))) {
                mondays.add(monday.toString());
            }
        }
        return mondays;
    }

    /**
     * Fixes the weeks to work when the plan phase ends (listener on the flow into {@code SubProcess_Weeks}). A
     * sequential multi-instance evaluates its collection again before every instance, so the collection must
     * not change while the weeks run; it is kept as text, which Cockpit shows as it is.
     */
    public void fix(DelegateExecution execution) {
        execution.setVariable(WEEKS, String.join(",", remaining(CycleVariables.period(execution).toString())));
    }

    /** The weeks {@link #fix} kept, as the multi-instance collection of {@code SubProcess_Weeks}. */
    public List<String> of(String weeks) {
        return weeks == null || weeks.isBlank() ? List.of() : List.of(weeks.split(","));
    }

    /** The working days of the week starting {@code monday} that lie inside {@code month}. */
    public List<LocalDate> workingDays(YearMonth month, LocalDate monday) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
            if (YearMonth.from(day).equals(month) && calendar.isWorkingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * Step 12 is due at 10:00 on the week's first working day in the month (Monday, usually); a week
     * arranged later than that, because the plan came late, is due at the end of today.
     */
    public Date arrangementDue(String period, String weekStart) {
        YearMonth month = YearMonth.parse(period);
        LocalDate firstDay = workingDays(month, LocalDate.parse(weekStart)).stream().findFirst()
                .orElse(LocalDate.parse(weekStart));
        LocalDateTime due = firstDay.atTime(ARRANGEMENT_DUE);
        LocalDateTime now = LocalDateTime.now(clock);
        return at(due.isBefore(now) ? now.toLocalDate().atTime(OFFICE_CLOSES) : due);
    }

    /** When a visit day's 日拜访记录 appears: early in the morning, so the sheet can be printed before leaving. */
    public Date dayStarts(String visitDate) {
        return at(LocalDate.parse(visitDate).atTime(DAY_STARTS));
    }

    /** Step 13 is due the same day. */
    public Date dayEnds(String visitDate) {
        return at(LocalDate.parse(visitDate).atTime(DAY_ENDS));
    }

    /** Step 15 is due at the end of the week's last working day in the month. */
    public Date weekSummaryDue(String period, String weekStart) {
        YearMonth month = YearMonth.parse(period);
        List<LocalDate> days = workingDays(month, LocalDate.parse(weekStart));
        LocalDate last = days.isEmpty() ? LocalDate.parse(weekStart).plusDays(6) : days.get(days.size() - 1);
        return at(last.atTime(OFFICE_CLOSES));
    }

    /** Step 14's results are due on the month's last working day. */
    public Date resultsDue(String period) {
        LocalDate day = YearMonth.parse(period).atEndOfMonth();
        while (!calendar.isWorkingDay(day) && day.getDayOfMonth() > 1) {
            day = day.minusDays(1);
        }
        return at(day.atTime(OFFICE_CLOSES));
    }

    /** Step 16 is due on the 3rd of the next month, before that month's visits start. */
    public Date monthSummaryDue(String period) {
        return at(YearMonth.parse(period).plusMonths(1).atDay(MONTH_SUMMARY_DUE_DAY).atTime(OFFICE_CLOSES));
    }

    /**
     * When an overdue 日拜访记录 or 周工作小结 goes to the market manager (督办): {@code cm135.cycle.work-escalation-working-days}
     * working days after it was due, at the same time of day (a visit day due Friday 20:00 escalates on Tuesday 20:00).
     */
    public Date escalation(Date due) {
        LocalDateTime at = LocalDateTime.ofInstant(due.toInstant(), clock.getZone());
        return at(calendar.plusWorkingDays(at.toLocalDate(), escalationWorkingDays).atTime(at.toLocalTime()));
    }

    /** Tasklist's follow-up date of a step of the weeks: the morning of the day it is due. */
    public Date followUp(Date due) {
        LocalDate day = LocalDateTime.ofInstant(due.toInstant(), clock.getZone()).toLocalDate();
        return at(day.atTime(DAY_STARTS));
    }

    /** The working days after its due date at which an overdue day record or week summary is escalated. */
    public int escalationWorkingDays() {
        return escalationWorkingDays;
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Date at(LocalDateTime time) {
        return Date.from(time.atZone(clock.getZone()).toInstant());
    }
}
