/**
 * The calendar of the implement phase (steps 12–15): the month's Monday-based weeks and the due times of
 * the weekly and daily steps, as expressions of {@code cycle-135-monthly}.
 */
package cn.cm135.cycle.weeks;
