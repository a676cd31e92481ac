package cn.cm135.cycle;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The kick-off timer of {@code cycle-kickoff.bpmn} fires only while a node runs (06:00 on the 1st); a system
 * started later in the month (first install on the 5th, every node down over the 1st) starts the month that
 * should be running when it starts, after the demo and before readiness. {@link CycleService#startMonth} is a
 * no-op for the customer managers already running it, so every node may do this on every start. A command-line
 * import or dataset generation starts nothing.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "cm135.cycle.start-missed-month", havingValue = "true", matchIfMissing = true)
class MissedKickoffRunner implements ApplicationRunner {

    /** When the kick-off timer fires ({@code 0 0 6 1 * ?}): before it, the month is not due yet. */
    static final int KICKOFF_HOUR = 6;

    private static final Logger log = LoggerFactory.getLogger(MissedKickoffRunner.class);

    private final CycleService cycles;
    private final Clock clock;
    private final Environment environment;

    MissedKickoffRunner(CycleService cycles, Clock clock, Environment environment) {
        this.cycles = cycles;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.containsProperty("cm135.import.kind") || environment.containsProperty("cm135.generate")) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        YearMonth month = YearMonth.from(now);
        if (now.isBefore(month.atDay(1).atTime(KICKOFF_HOUR, 0))) {
            return;
        }
        CycleStartResult result = cycles.startMonth(month);
        if (!result.started().isEmpty()) {
            log.info("Month {} started on boot (the kick-off at 06:00 on the 1st was missed) for {} customer managers",
                    month, result.started().size());
        }
    }
}
