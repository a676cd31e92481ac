package cn.cm135.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Which days are working days (see {@link CalendarProperties}). */
@Component
public class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    public WorkingCalendar(CalendarProperties properties) {
        this.holidays = new HashSet<>(properties.holidays());
        this.extraWorkingDays = new HashSet<>(properties.extraWorkingDays());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The working days of {@code month}. */
    public int workingDays(YearMonth month) {
        return (int) month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).filter(this::isWorkingDay).count();
    }

    /** {@code day} if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        return isWorkingDay(day) ? day : plusWorkingDays(day, 1);
    }

    /**
     * The {@code n}-th working day of {@code month} (n ≥ 1); past the month's end when the month has fewer, so
     * that a deadline built on it still lies ahead.
     */
    public LocalDate workingDay(YearMonth month, int n) {
        return plusWorkingDays(month.atDay(1).minusDays(1), n);
    }

    /** The {@code n}-th working day after {@code day} (n ≥ 1), e.g. when an overdue plan is escalated. */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        LocalDate d = day;
        for (int counted = 0; counted < n;) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
