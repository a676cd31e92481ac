package cn.cm135.planning.week;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cm135.planning.route.DayRoute;

/** How step 12's form shows the days' routes: one table row per day and one line for the week. */
final class DayRouteRows {

    private DayRouteRows() {
    }

    static Map<String, Object> row(ProposedDay day) {
        DayRoute route = day.route();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("day", day.date() + " " + day.weekday());
        row.put("customers", (long) day.customers().size());
        row.put("defaultRoute", route.defaultMetres() == null ? "—"
                : km(route.defaultMetres()) + " 公里 / 约 " + route.defaultMinutes() + " 分钟");
        row.put("optimisedRoute", route.summary());
        return row;
    }

    /** 「本周 4 天按优化顺序共 52.1 公里，比默认顺序少 11.0 公里（17%）」, or why there is nothing to say. */
    static String weekLine(List<ProposedDay> days) {
        List<DayRoute> optimised = days.stream().map(ProposedDay::route).filter(DayRoute::optimised).toList();
        long withoutCoordinates = days.stream().map(ProposedDay::route)
                .filter(r -> !r.optimised() && r.summary().startsWith(DayRoute.WITHOUT_COORDINATES)).count();
        String missing = withoutCoordinates == 0 ? ""
                : "；" + withoutCoordinates + " 天" + DayRoute.WITHOUT_COORDINATES;
        if (optimised.isEmpty()) {
            return withoutCoordinates == 0 ? "本周没有要排线路的拜访日" : missing.substring(1);
        }
        long before = optimised.stream().mapToLong(DayRoute::defaultMetres).sum();
        long after = optimised.stream().mapToLong(DayRoute::optimisedMetres).sum();
        long saved = before - after;
        String text = "本周 " + optimised.size() + " 天按优化顺序共 " + km(after) + " 公里，"
                + (saved > 0 ? "比默认顺序少 " + km(saved) + " 公里（" + Math.round(100.0 * saved / before) + "%）"
                        : "与默认顺序相同");
        return text + missing;
    }

    private static String km(long metres) {
        return String.format(java.util.Locale.ROOT, "%.1f", metres / 1000.0);
    }
}
