package cn.cm135.cycle;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import cn.cm135.calendar.CalendarProperties;
import cn.cm135.calendar.WorkingCalendar;

/**
 * The month a whole-month test works, never the real date's: {@code -Dcm135.e2e.month=yyyy-MM}, else
 * {@link #DEFAULT_MONTH}. The test behaves as if today were the month's first working day, so the demo's orders
 * ("up to today" when the app starts) end on the day before it.
 */
final class E2eMonth {

    /** December 2026: starts on a Tuesday, five weeks, New Year's Day in the last partial week. */
    static final YearMonth DEFAULT_MONTH = YearMonth.of(2026, 12);
    /** The months of {@link YearOfMonthsEndToEndTests} in {@code mvn verify}; the profile {@code year-of-months} runs all. */
    static final String DEFAULT_MONTHS = "2026-12,2027-02,2027-10";

    private E2eMonth() {
    }

    static YearMonth month() {
        String month = System.getProperty("cm135.e2e.month");
        return month == null || month.isBlank() ? DEFAULT_MONTH : YearMonth.parse(month.trim());
    }

    static List<YearMonth> months() {
        String months = System.getProperty("cm135.e2e.months");
        return Arrays.stream((months == null || months.isBlank() ? DEFAULT_MONTHS : months).split(","))
                .map(String::trim).map(YearMonth::parse).toList();
    }

    /**
     * Sets the engine clock (and with it the app's {@code Clock}) to the evening before {@code month}'s first
     * working day, so that an app started now generates its demo orders up to that day.
     */
    static void pinDemoToday(YearMonth month) {
        LocalDate dayBefore = companyCalendar().workingDay(month, 1).minusDays(1);
        ClockUtil.setCurrentTime(java.util.Date.from(dayBefore.atTime(LocalTime.of(20, 0))
                .atZone(PlanPhaseDriver.ZONE).toInstant()));
    }

    /** The working calendar the app ships in {@code application.yaml}, read before any app is started. */
    static WorkingCalendar companyCalendar() {
        StandardEnvironment env = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yaml"))
                    .forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new WorkingCalendar(Binder.get(env).bind("cm135.calendar", CalendarProperties.class)
                .orElseGet(() -> new CalendarProperties(null, null)));
    }
}
