package cn.cm135.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cm135.calendar}: the days that differ from "Monday to Friday" in the company's calendar, as ISO
 * dates ({@code 2026-02-16}). Both lists default to empty.
 *
 * @param holidays         days off (a holiday on a weekend changes nothing)
 * @param extraWorkingDays weekend days worked to make up for a holiday (调休上班)
 */
@ConfigurationProperties("cm135.calendar")
public record CalendarProperties(List<LocalDate> holidays, List<LocalDate> extraWorkingDays) {

    public CalendarProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        extraWorkingDays = extraWorkingDays == null ? List.of() : List.copyOf(extraWorkingDays);
        List<LocalDate> both = holidays.stream().filter(extraWorkingDays::contains).toList();
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("cm135.calendar: " + both + " is both a holiday and an extra working day");
        }
    }
}
