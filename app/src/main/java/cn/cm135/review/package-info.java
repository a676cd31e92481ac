/**
 * Steps 14–16 evaluate and improve: the month's results and their review ({@code results}), the weekly
 * summary ({@code week}) and the monthly summary ({@code month}), whose improvement measures reach the next
 * month through {@link cn.cm135.process.ImprovementMeasures}.
 */
package cn.cm135.review;
