package cn.cm135.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import cn.cm135.planning.route.DayRoute;
import cn.cm135.planning.route.DayRouteService;
import cn.cm135.planning.route.GeoPoint;
import cn.cm135.planning.route.RouteProperties;
import cn.cm135.planning.route.RouteStop;

/**
 * Step 12's day routes on city-like days (README "Weeks and days"): not a test, it prints figures. The city
 * generator's own placement (CityMap via RetailerGenerator, seed 135, no database) gives 30,000 retailers; a day
 * is 30–40 retailers drawn from one route of one area (default order = licence order, as step 12 lists them),
 * started from the area's market-department depot. Timed: {@link DayRouteService#plan} (Timefold construction
 * heuristic + local search with the default limits: 300 ms unimproved, 2 s at most). One untimed warm-up day
 * first (class loading, JIT).
 *
 * <pre>mvn -o -q -DskipModelLint -Pbenchmark -Dbenchmark.main=cn.cm135.demo.DayRouteBenchmark -pl app test-compile exec:exec</pre>
 */
public final class DayRouteBenchmark {

    private DayRouteBenchmark() {
    }

    public static void main(String[] args) {
        GeneratorSettings settings = GeneratorSettings.of(DatasetSize.CITY, 135, LocalDate.of(2026, 11, 30));
        long started = System.nanoTime();
        Organisation organisation = new Organisation(settings);
        List<RetailerProfile> retailers = new RetailerGenerator(settings, new SpecCatalog(settings))
                .generate(organisation.areas());
        CityMap map = new CityMap(settings);
        System.out.printf(Locale.ROOT, "city: %d retailers placed in %.1f s%n", retailers.size(),
                (System.nanoTime() - started) / 1e9);
        DayRouteService routes = new DayRouteService(RouteProperties.defaults());

        List<List<RouteStop>> days = new ArrayList<>();
        List<GeoPoint> depots = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        // 10 areas spread over the city (urban departments first, then the counties) × 3 weekdays = 30 days.
        for (int a = 0; a < organisation.areas().size(); a += 10) {
            Organisation.AreaPlan area = organisation.areas().get(a);
            for (int weekday = 1; weekday <= 3; weekday++) {
                int w = weekday;
                List<RetailerProfile> route = retailers.stream()
                        .filter(r -> r.area().index() == area.index() && r.weekday() == w).toList();
                SplittableRandom random = RandomStreams.of(135, "benchmark-day", area.index() * 8L + weekday);
                int size = Math.min(route.size(), 30 + random.nextInt(11));
                List<RetailerProfile> shuffled = new ArrayList<>(route);
                for (int i = shuffled.size() - 1; i > 0; i--) {
                    java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
                }
                List<RouteStop> stops = shuffled.subList(0, size).stream()
                        .sorted(java.util.Comparator.comparing(r -> r.row().licenceNo()))
                        .map(r -> new RouteStop(r.id(), new GeoPoint(r.row().longitude().doubleValue(),
                                r.row().latitude().doubleValue()), r.row().opensAt(), r.row().closesAt())).toList();
                CityMap.Point depot = map.depot(area.departmentIndex());
                days.add(stops);
                depots.add(new GeoPoint(depot.longitude(), depot.latitude()));
                labels.add(area.areaCode() + (area.urban() ? " 城" : " 乡") + " 周" + "一二三".charAt(weekday - 1));
            }
        }

        routes.plan(depots.get(0), days.get(0)); // warm-up
        double[] millis = new double[days.size()];
        double savingSum = 0;
        System.out.println("day              stops  solve ms  default km  optimised km  saving  late");
        for (int i = 0; i < days.size(); i++) {
            long t0 = System.nanoTime();
            DayRoute route = routes.plan(depots.get(i), days.get(i));
            millis[i] = (System.nanoTime() - t0) / 1e6;
            double saving = 100.0 * route.savedMetres() / route.defaultMetres();
            savingSum += saving;
            System.out.printf(Locale.ROOT, "%-16s %5d  %8.0f  %10.1f  %12.1f  %5.1f%%  %4d%n", labels.get(i),
                    days.get(i).size(), millis[i], route.defaultMetres() / 1000.0, route.optimisedMetres() / 1000.0,
                    saving, route.lateCustomers());
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "summary: %d days, solve time p50 %.0f ms, max %.0f ms (goal <= 2000 ms); "
                + "mean saving %.1f%%%n", days.size(), sorted[sorted.length / 2], sorted[sorted.length - 1],
                savingSum / days.size());
    }
}
