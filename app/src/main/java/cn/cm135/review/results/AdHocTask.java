package cn.cm135.review.results;

import java.time.LocalDate;

/**
 * ● 临时性任务 (step 14): work done in the month that the month's plan did not contain.
 *
 * @param customerId   the customer it was for, or null (e.g. a market check of the area)
 * @param customerName "name（licence）", or empty without a customer
 */
public record AdHocTask(long id, Long customerId, String customerName, LocalDate doneOn, String description) {
}
