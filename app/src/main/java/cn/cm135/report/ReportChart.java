package cn.cm135.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A chart above a report's tables (drawn by {@code static/reports/charts.js} with Apache ECharts, as SVG so that
 * it prints sharp): one value a month per series, null where the month has no value.
 *
 * @param title    the 中文 title
 * @param subtitle a line under it (e.g. the spec's lifecycle stage), or null
 * @param months   the x axis, yyyy-MM, oldest first
 * @param series   bars or lines; each series' values match {@code months}
 */
public record ReportChart(String title, String subtitle, List<String> months, List<Series> series) {

    public ReportChart {
        months = List.copyOf(months);
        series = List.copyOf(series);
    }

    /**
     * @param kind "bar" or "line"
     * @param axis 0 the left axis, 1 the right one
     * @param unit the axis name (条, 元/条, %)
     */
    public record Series(String name, String kind, int axis, String unit, List<BigDecimal> values) {

        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));   // List.copyOf refuses the gaps (null)
        }

        static Series bar(String name, String unit, List<BigDecimal> values) {
            return new Series(name, "bar", 0, unit, values);
        }

        static Series line(String name, int axis, String unit, List<BigDecimal> values) {
            return new Series(name, "line", axis, unit, values);
        }
    }
}
