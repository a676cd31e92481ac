package cn.cm135.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How much more or less a retailer orders on a day than on an ordinary one. Spring Festival follows
 * the lunar calendar, hence the table of its dates; the other peaks are fixed months.
 */
final class Seasonality {

    /** 春节 (first day of the lunar year). */
    static final List<LocalDate> SPRING_FESTIVALS = List.of(
            LocalDate.of(2022, 2, 1), LocalDate.of(2023, 1, 22), LocalDate.of(2024, 2, 10),
            LocalDate.of(2025, 1, 29), LocalDate.of(2026, 2, 17), LocalDate.of(2027, 2, 6),
            LocalDate.of(2028, 1, 26), LocalDate.of(2029, 2, 13), LocalDate.of(2030, 2, 3));

    private static final double PRE_FESTIVAL_PEAK = 2.2;
    private static final double AFTER_FESTIVAL_LULL = 0.85;
    // 3% a year: volume grows slowly while the structure moves up (more expensive specs).
    private static final double YEARLY_TREND = 0.03;

    private final LocalDate start;

    Seasonality(LocalDate start) {
        this.start = start;
    }

    /** 0 when the ordering system is closed (除夕 to 初五). */
    double factor(LocalDate day) {
        return seasonal(day) * (1 + YEARLY_TREND * ChronoUnit.DAYS.between(start, day) / 365.0);
    }

    static double seasonal(LocalDate day) {
        for (LocalDate festival : SPRING_FESTIVALS) {
            long offset = ChronoUnit.DAYS.between(festival, day);
            if (offset >= -28 && offset <= -2) {
                return PRE_FESTIVAL_PEAK;   // 腊月: gifts and family stock-up in the four weeks before
            }
            if (offset >= -1 && offset <= 5) {
                return 0;
            }
            if (offset > 5 && offset <= 20) {
                return AFTER_FESTIVAL_LULL; // shelves still full after the festival
            }
        }
        return switch (day.getMonthValue()) {
            case 5, 10 -> 1.15;             // wedding seasons (and the May Day / National Day holidays)
            case 7, 8 -> 0.92;              // mild summer dip
            case 12 -> 1.05;                // year-end business gifts
            default -> 1.0;
        };
    }

    /** The Spring Festival in the given Gregorian year. */
    static LocalDate springFestival(int year) {
        return SPRING_FESTIVALS.stream().filter(d -> d.getYear() == year).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Spring Festival date for " + year));
    }
}
