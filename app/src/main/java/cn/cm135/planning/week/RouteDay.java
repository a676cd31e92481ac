package cn.cm135.planning.week;

import java.time.LocalDate;

/** One route visited on one day of the week (the customer manager's choice; default: the route's weekday). */
public record RouteDay(String routeCode, LocalDate visitDate) {
}
