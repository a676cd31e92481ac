package cn.cm135;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole app, in the company's time zone. It reads the process engine's clock, so the app
 * and the engine always agree on "now" (which day's visits are due, when a timer fired), and a test that moves
 * the engine's clock through a month moves the app with it. In production the engine's clock is the system's.
 */
@Configuration
class ClockConfig {

    static final ZoneId COMPANY_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return new EngineClock(COMPANY_ZONE);
    }

    private static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
