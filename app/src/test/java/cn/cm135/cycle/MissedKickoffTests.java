package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.Cm135Application;

/**
 * A node started after the kick-off time starts the month that should be running; before 06:00 on the 1st it
 * leaves the month to the timer; a second start changes nothing. A real app with the tiny demo on its own H2.
 */
class MissedKickoffTests {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aNodeStartedOnTheSeventhStartsTheMonthAndOnlyOnce() throws Exception {
        at(LocalDateTime.of(2026, 12, 7, 10, 0));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Cm135Application.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:missedkickoff;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.generate-unique-process-engine-name=true", "--cm135.demo=true",
                        "--cm135.demo-size=tiny", "--cm135.cycle.start-missed-month=true")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            int customerManagers = jdbc.queryForObject(
                    "select count(*) from staff where role = 'CUSTOMER_MANAGER' and active = true", Integer.class);
            assertThat(customerManagers).isPositive();
            assertThat(cycles(jdbc, "2026-12")).as("started on boot, one instance per customer manager")
                    .isEqualTo(customerManagers);

            MissedKickoffRunner runner = app.getBean(MissedKickoffRunner.class);
            runner.run(new DefaultApplicationArguments());
            assertThat(cycles(jdbc, "2026-12")).as("a second start (another node) starts nothing").isEqualTo(customerManagers);

            at(LocalDateTime.of(2027, 1, 1, 5, 59));
            runner.run(new DefaultApplicationArguments());
            assertThat(cycles(jdbc, "2027-01")).as("before 06:00 on the 1st the timer starts the month").isZero();
            at(LocalDateTime.of(2027, 1, 1, 6, 0));
            runner.run(new DefaultApplicationArguments());
            assertThat(cycles(jdbc, "2027-01")).isEqualTo(customerManagers);
        }
    }

    private static int cycles(JdbcTemplate jdbc, String month) {
        return jdbc.queryForObject("select count(*) from monthly_cycle where period = ?", Integer.class, month);
    }

    private static void at(LocalDateTime companyTime) {
        ClockUtil.setCurrentTime(Date.from(companyTime.atZone(PlanPhaseDriver.ZONE).toInstant()));
    }
}
