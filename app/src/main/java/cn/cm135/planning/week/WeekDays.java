package cn.cm135.planning.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The days of a Monday–Sunday week that lie inside a month (a week straddling two months is split). */
public final class WeekDays {

    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private WeekDays() {
    }

    public static List<LocalDate> inMonth(YearMonth month, LocalDate weekStart) {
        return weekStart.datesUntil(weekStart.plusDays(7)).filter(d -> YearMonth.from(d).equals(month)).toList();
    }

    /** The Monday of {@code day}'s week. */
    public static LocalDate monday(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    public static String weekdayLabel(int isoWeekday) {
        return WEEKDAYS[isoWeekday - 1];
    }

    static boolean isMonday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.MONDAY;
    }
}
