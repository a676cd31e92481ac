package cn.cm135.planning.route;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cm135.routes}: how a customer manager's day is timed and how long the optimiser may think.
 *
 * @param averageSpeedKmh  average travel speed between retailers (town traffic, parking), km/h
 * @param serviceMinutes   time spent at one retailer (count stock, talk, record)
 * @param dayStart         when the customer manager leaves the depot
 * @param unimprovedLimit  stop once the best route has not improved for this long
 * @param spentLimit       stop after this long in any case (one day of 30–40 retailers: ≤ 2 s)
 */
@ConfigurationProperties("cm135.routes")
public record RouteProperties(@DefaultValue("25") double averageSpeedKmh, @DefaultValue("10") int serviceMinutes,
        @DefaultValue("09:00") LocalTime dayStart, @DefaultValue("300ms") Duration unimprovedLimit,
        @DefaultValue("2s") Duration spentLimit) {

    public RouteProperties {
        if (averageSpeedKmh <= 0 || serviceMinutes < 0 || unimprovedLimit.isNegative() || spentLimit.isNegative()
                || spentLimit.isZero()) {
            throw new IllegalArgumentException("cm135.routes: speed > 0, service ≥ 0 minutes, limits > 0");
        }
    }

    /** The defaults above, for code running without Spring (benchmark, unit tests). */
    public static RouteProperties defaults() {
        return new RouteProperties(25, 10, LocalTime.of(9, 0), Duration.ofMillis(300), Duration.ofSeconds(2));
    }

    /** Seconds to drive {@code metres} at the average speed. */
    long travelSeconds(double metres) {
        return Math.round(metres * 3.6 / averageSpeedKmh);
    }
}
