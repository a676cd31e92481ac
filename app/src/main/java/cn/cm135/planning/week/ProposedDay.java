package cn.cm135.planning.week;

import java.time.LocalDate;
import java.util.List;

import cn.cm135.planning.route.DayRoute;

/**
 * A working day of the week inside the month: its routes and the customers they list, in the visiting order of
 * {@code route} (the optimiser's, or the routes' default order when it could not run).
 */
public record ProposedDay(LocalDate date, String weekday, List<String> routeCodes, List<DueCustomer> customers,
        DayRoute route) {
}
