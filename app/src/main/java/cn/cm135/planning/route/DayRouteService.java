package cn.cm135.planning.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Proposes the visiting order of one day: start and end at the depot, shortest road distance, every retailer
 * reached while open where its hours are known. Timefold's default phases run: a construction heuristic
 * (cheapest insertion of each stop), then local search until the route has not improved for
 * {@code unimprovedLimit} or {@code spentLimit} has passed.
 */
@Service
public class DayRouteService {

    private final RouteProperties properties;
    private final SolverFactory<TourSolution> solvers;

    public DayRouteService(RouteProperties properties) {
        this.properties = properties;
        this.solvers = SolverFactory.create(new SolverConfig()
                .withSolutionClass(TourSolution.class)
                .withEntityClasses(Tour.class)
                .withConstraintProviderClass(TourConstraints.class)
                .withTerminationConfig(new TerminationConfig()
                        .withUnimprovedMillisecondsSpentLimit(properties.unimprovedLimit().toMillis())
                        .withMillisecondsSpentLimit(properties.spentLimit().toMillis())));
    }

    /**
     * The day's route.
     *
     * @param depot where the day starts and ends; null when the market department has none, then the centre of
     *              the day's retailers stands in for it
     * @param stops the day's retailers in the route's default order
     */
    public DayRoute plan(GeoPoint depot, List<RouteStop> stops) {
        List<Long> defaultOrder = stops.stream().map(RouteStop::customerId).toList();
        if (stops.isEmpty()) {
            return new DayRoute(defaultOrder, false, null, null, null, null, 0, "当天没有要拜访的客户");
        }
        long missing = stops.stream().filter(s -> s.position() == null).count();
        if (missing > 0) {
            return new DayRoute(defaultOrder, false, null, null, null, null, 0,
                    DayRoute.WITHOUT_COORDINATES + "（" + missing + " 户缺经纬度）");
        }
        GeoPoint start = depot != null ? depot : centre(stops);
        TourLegs legs = new TourLegs(start, stops, properties);
        int[] byDefault = IntStream.rangeClosed(1, stops.size()).toArray();
        TourLegs.Cost before = legs.cost(byDefault);
        int[] best = stops.size() < 2 ? byDefault : solve(legs, stops.size(), before);
        TourLegs.Cost after = legs.cost(best);
        List<Long> order = new ArrayList<>();
        for (int index : best) {
            order.add(stops.get(index - 1).customerId());
        }
        String summary = summary(before, after) + (depot == null ? "；市场部未设出发点，按当天客户的中心点计算" : "")
                + (after.lateStops() > 0 ? "；仍有 " + after.lateStops() + " 户在营业结束后才能到达" : "");
        return new DayRoute(order, true, before.metres(), minutes(before), after.metres(), minutes(after),
                after.lateStops(), summary);
    }

    private int[] solve(TourLegs legs, int count, TourLegs.Cost before) {
        List<TourStop> values = IntStream.rangeClosed(1, count).mapToObj(TourStop::new).toList();
        Solver<TourSolution> solver = solvers.buildSolver();
        TourSolution solved = solver.solve(new TourSolution(new Tour(legs), values));
        int[] found = solved.tour().stops().stream().mapToInt(TourStop::index).toArray();
        // Time-limited search: never propose an order worse than the one the customer manager already has.
        HardSoftLongScore defaultScore = HardSoftLongScore.of(-before.lateSeconds(), -before.metres());
        boolean complete = found.length == count;
        return complete && Objects.requireNonNull(solved.score()).compareTo(defaultScore) > 0 ? found
                : IntStream.rangeClosed(1, count).toArray();
    }

    private static GeoPoint centre(List<RouteStop> stops) {
        return new GeoPoint(stops.stream().mapToDouble(s -> s.position().longitude()).average().orElseThrow(),
                stops.stream().mapToDouble(s -> s.position().latitude()).average().orElseThrow());
    }

    private static int minutes(TourLegs.Cost cost) {
        return (int) Math.round(cost.travelSeconds() / 60.0);
    }

    /** 「优化后 12.4 公里 / 约 37 分钟，比默认顺序少 3.1 公里（20%）」 */
    static String summary(TourLegs.Cost before, TourLegs.Cost after) {
        String text = "优化后 " + km(after.metres()) + " 公里 / 约 " + minutes(after) + " 分钟";
        long saved = before.metres() - after.metres();
        if (saved <= 0) {
            return text + "，与默认顺序相同";
        }
        long percent = Math.round(100.0 * saved / before.metres());
        return text + "，比默认顺序少 " + km(saved) + " 公里（" + percent + "%）";
    }

    static String km(long metres) {
        return String.format(Locale.ROOT, "%.1f", metres / 1000.0);
    }
}
