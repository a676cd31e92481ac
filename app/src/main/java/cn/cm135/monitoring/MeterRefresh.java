package cn.cm135.monitoring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Refreshes {@link EngineMeters#refresh()} on a schedule; tests switch it off
 * ({@code cm135.metrics.scheduled=false}) and refresh by hand, so no query runs against a test database being shut down.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cm135.metrics.scheduled", havingValue = "true", matchIfMissing = true)
class MeterRefresh {
}
