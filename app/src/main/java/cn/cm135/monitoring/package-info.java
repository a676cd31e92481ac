/**
 * What an operator scrapes from {@code /actuator/prometheus} beside Spring Boot's own meters: the engine's work
 * in progress (open user tasks per task key, overdue tasks, failed jobs, open incidents). The features time
 * their own work where it happens ({@code cm135.analysis.duration}, {@code cm135.import.*}).
 */
package cn.cm135.monitoring;
