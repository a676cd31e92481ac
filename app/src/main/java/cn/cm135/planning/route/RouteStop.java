package cn.cm135.planning.route;

import java.time.LocalTime;

/**
 * A retailer to visit on the day.
 *
 * @param position  null when the retailer has no coordinates
 * @param opensAt   opening time, null when unknown (then the retailer is open all day); so is closesAt
 */
public record RouteStop(long customerId, GeoPoint position, LocalTime opensAt, LocalTime closesAt) {
}
