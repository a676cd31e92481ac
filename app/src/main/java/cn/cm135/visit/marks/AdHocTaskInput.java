package cn.cm135.visit.marks;

import java.time.LocalDate;

/** A ● ad-hoc task as the customer manager enters it: the customer is optional. */
public record AdHocTaskInput(Long customerId, LocalDate doneOn, String description) {
}
