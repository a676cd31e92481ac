/**
 * Day routes of step 12 (issue 17): the visiting order of one day's customers that minimises travel, from the
 * market department's depot and back, respecting opening hours; solved by Timefold Solver as a one-vehicle
 * routing problem with time windows. The week arrangement ({@code planning.week}) asks {@link
 * cn.cm135.planning.route.DayRouteService} for each day and stores the order it gets.
 */
package cn.cm135.planning.route;
