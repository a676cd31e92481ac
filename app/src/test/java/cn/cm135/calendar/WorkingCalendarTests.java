package cn.cm135.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Working days counted by hand from the calendar, and {@code cm135.calendar} read as Spring Boot binds it. */
class WorkingCalendarTests {

    @Test
    void mondayToFridayWithoutConfiguration() {
        WorkingCalendar calendar = new WorkingCalendar(new CalendarProperties(null, null));
        // February 2026: 28 days starting on a Sunday = 4 whole weeks → 20 Monday–Fridays.
        assertThat(calendar.workingDays(YearMonth.of(2026, 2))).isEqualTo(20);
        // October 2026 starts on a Thursday: Thu 1, Fri 2, then 4 whole weeks (5–30), Sat 31 → 22.
        assertThat(calendar.workingDays(YearMonth.of(2026, 10))).isEqualTo(22);
        // February 2028 (leap year) starts on a Tuesday: 29 days = 4 weeks + Tue 29 → 21.
        assertThat(calendar.workingDays(YearMonth.of(2028, 2))).isEqualTo(21);
    }

    @Test
    void holidaysAreTakenOffAndMakeUpWeekendsAdded() {
        WorkingCalendar calendar = new WorkingCalendar(new CalendarProperties(
                List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
                        LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
                List.of(LocalDate.of(2026, 10, 10))));
        // 22 − 5 weekday holidays (Sat 3 was off anyway) + Sat 10 worked = 18.
        assertThat(calendar.workingDays(YearMonth.of(2026, 10))).isEqualTo(18);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(calendar.workingDays(YearMonth.of(2026, 2))).as("other months untouched").isEqualTo(20);
    }

    @Test
    void isoDatesBindAsListsOrCommaSeparatedAndTheShippedCalendarHasTheHolidays() {
        CalendarProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
                "cm135.calendar.holidays", "2026-10-01,2026-10-02",
                "cm135.calendar.extra-working-days[0]", "2026-10-10")))
                .bind("cm135.calendar", CalendarProperties.class).get();
        assertThat(bound.holidays()).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
        assertThat(bound.extraWorkingDays()).containsExactly(LocalDate.of(2026, 10, 10));

        StandardEnvironment env = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yaml"))
                    .forEach(env.getPropertySources()::addLast);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        CalendarProperties defaults = Binder.get(env).bind("cm135.calendar", CalendarProperties.class)
                .orElseGet(() -> new CalendarProperties(null, null));
        WorkingCalendar shipped = new WorkingCalendar(defaults);
        // October 2026: 22 Monday–Fridays − 1, 2, 5, 6, 7 (National Day) + Saturday 10 (调休) = 18.
        assertThat(shipped.workingDays(YearMonth.of(2026, 10))).isEqualTo(18);
        // December 2026 has no holiday: Tuesday 1 … Thursday 31 = 23 Monday–Fridays.
        assertThat(shipped.workingDays(YearMonth.of(2026, 12))).isEqualTo(23);
        // February 2027: 20 Monday–Fridays − 5, 8–12 (Spring Festival) + Saturday 20 (调休) = 15.
        assertThat(shipped.workingDays(YearMonth.of(2027, 2))).isEqualTo(15);
        assertThat(shipped.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
        // October 2027: 1–7 off, so the month's first working day is Friday 8 and its second Saturday 9.
        assertThat(shipped.workingDay(YearMonth.of(2027, 10), 1)).isEqualTo(LocalDate.of(2027, 10, 8));
        assertThat(shipped.workingDay(YearMonth.of(2027, 10), 2)).isEqualTo(LocalDate.of(2027, 10, 9));
        assertThat(shipped.onOrAfter(LocalDate.of(2027, 10, 5))).isEqualTo(LocalDate.of(2027, 10, 8));

        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(
                "cm135.calendar.holidays", "2026-10-10", "cm135.calendar.extra-working-days", "2026-10-10")))
                .bind("cm135.calendar", CalendarProperties.class)).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("[2026-10-10] is both a holiday and an extra working day");
    }
}
