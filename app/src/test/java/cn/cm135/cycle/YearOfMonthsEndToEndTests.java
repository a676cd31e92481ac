package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.Cm135Application;
import cn.cm135.cycle.PlanPhaseDriver.Run;
import cn.cm135.postgres.OwnPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A year of months: cm01's whole month (steps 1–16, its first month in cm135, with the backfill) for each month of
 * {@link E2eMonth#months()}. Each month is a fresh app on a fresh PostgreSQL database, started as if on the evening
 * before the month's first working day, so that its demo orders end there: Spring Festival (February 2027, a week
 * with no working day), National Day (October 2027, the plan phase on the 8th, the 调休 Saturday 9th, 11th and
 * 12th), months starting on a weekend (May, August 2027), six calendar weeks (May 2027), the year change
 * (December 2026). {@code mvn verify} runs three months; {@code mvn -P year-of-months verify} all of 2027.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearOfMonthsEndToEndTests {

    static final EmbeddedPostgres POSTGRES = OwnPostgres.start();

    final Map<YearMonth, Double> seconds = new TreeMap<>();

    static List<YearMonth> months() {
        return E2eMonth.months();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("months")
    void oneCustomerManagersWholeMonth(YearMonth month) {
        long started = System.nanoTime();
        String database = "m" + month.toString().replace("-", "_");
        new JdbcTemplate(POSTGRES.getPostgresDatabase()).execute("create database " + database);
        E2eMonth.pinDemoToday(month);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Cm135Application.class)
                .profiles("test", "postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=" + POSTGRES.getJdbcUrl("postgres", database),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.job-execution.enabled=false", "--cm135.demo=true")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
            MonthChecks checks = new MonthChecks(rest, app);
            LocalDate lastOrder = checks.jdbc.queryForObject("select max(order_date) from order_line", LocalDate.class);
            assertThat(lastOrder).as("demo orders up to the day before the month's first working day")
                    .isBefore(checks.calendar.workingDay(month, 1));
            System.out.printf("[E2E year] %s: app with the demo up to %s started in %.1f s%n", month, lastOrder,
                    MonthChecks.seconds(System.nanoTime() - started));

            Run run = checks.oneCustomerManagersMonth("cm01", month);
            assertThat(run.outcome().firstMonth).as("cm01's first month in cm135: steps 2 and 3 ran").isTrue();
            assertThat(run.outcome().weeks).isEqualTo(weeksWorked(checks, month));
        } finally {
            ClockUtil.reset();
        }
        seconds.put(month, MonthChecks.seconds(System.nanoTime() - started));
        System.out.printf("[E2E year] %s: %.1f s in all%n", month, seconds.get(month));
    }

    /** The Mondays of the weeks with a working day after the plan phase (the month's 4th working day) left. */
    private static List<String> weeksWorked(MonthChecks checks, YearMonth month) {
        LocalDate planDone = checks.calendar.workingDay(month, 4);
        return month.atDay(1).datesUntil(month.plusMonths(1).atDay(1))
                .filter(day -> !day.isBefore(planDone) && checks.calendar.isWorkingDay(day))
                .map(day -> day.minusDays(day.getDayOfWeek().getValue() - 1L).toString()).distinct().toList();
    }

    @AfterAll
    void stop() throws IOException {
        System.out.println("[E2E year] seconds per month (app start, demo load, steps 1-16): " + seconds);
        ClockUtil.reset();
        POSTGRES.close();
    }
}
