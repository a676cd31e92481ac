package cn.cm135.planning.week;

import java.time.LocalDate;
import java.util.List;

/** A working day of the week inside the month: its routes and the customers they list. */
public record ProposedDay(LocalDate date, String weekday, List<String> routeCodes, List<DueCustomer> customers) {
}
