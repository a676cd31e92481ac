package cn.cm135.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's working days: Monday to Friday, minus the public holidays listed under
 * {@code cm135.calendar.holidays}, plus the weekend days worked instead ({@code cm135.calendar.workdays},
 * 调休). The lists are configuration because China's holiday calendar is published year by year.
 */
@ConfigurationProperties("cm135.calendar")
public class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    public WorkingCalendar(@DefaultValue List<LocalDate> holidays, @DefaultValue List<LocalDate> workdays) {
        this.holidays = new TreeSet<>(holidays);
        this.workdays = new TreeSet<>(workdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The working days of the month. */
    public int workingDays(YearMonth month) {
        return workingDaysBetween(month.atDay(1), month.atEndOfMonth());
    }

    /** The working days from {@code from} to {@code to}, both included. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    /** The {@code n}-th working day after {@code day} (n ≥ 1). */
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
