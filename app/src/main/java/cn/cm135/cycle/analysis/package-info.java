/**
 * The month-start analyses of {@code cycle-135-monthly} (steps 5, 6 and 8): service tasks that run the
 * marketing centre's analysis of the last complete month once (via {@link cn.cm135.cycle.MonthlyAnalyses}),
 * and the customer manager's user tasks that show their part as task-local variables and confirm it.
 */
package cn.cm135.cycle.analysis;
