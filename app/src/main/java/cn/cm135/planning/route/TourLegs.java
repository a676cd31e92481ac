package cn.cm135.planning.route;

import java.util.List;

/**
 * The fixed facts of one day's tour: the distance matrix (index 0 = depot, i = stop i), travel time, service
 * time and opening hours in seconds of the day. Evaluates any visiting order; the solver's constraints and the
 * default order's figures use the same arithmetic.
 */
final class TourLegs {

    /** Distance, travel time and lateness of one visiting order. */
    record Cost(long metres, long travelSeconds, long lateSeconds, int lateStops) {
    }

    // Metres as doubles, rounded only in the totals: rounding each leg would let a zig-zag look shorter.
    private final double[][] metres;
    private final long[] opens;
    private final long[] closes;
    private final long start;
    private final long service;
    private final RouteProperties properties;

    TourLegs(GeoPoint depot, List<RouteStop> stops, RouteProperties properties) {
        int n = stops.size() + 1;
        GeoPoint[] points = new GeoPoint[n];
        points[0] = depot;
        opens = new long[n];
        closes = new long[n];
        for (int i = 1; i < n; i++) {
            RouteStop stop = stops.get(i - 1);
            points[i] = stop.position();
            opens[i] = stop.opensAt() == null ? Long.MIN_VALUE : stop.opensAt().toSecondOfDay();
            closes[i] = stop.closesAt() == null ? Long.MAX_VALUE : stop.closesAt().toSecondOfDay();
        }
        metres = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                metres[i][j] = RoadDistance.metres(points[i], points[j]);
                metres[j][i] = metres[i][j];
            }
        }
        this.start = properties.dayStart().toSecondOfDay();
        this.service = properties.serviceMinutes() * 60L;
        this.properties = properties;
    }

    /**
     * The cost of visiting the stops (1-based indexes) in this order, from the depot and back. A retailer
     * reached before opening is waited for; one reached after closing counts as late by the difference.
     */
    Cost cost(int[] order) {
        double distance = 0;
        long clock = start;
        long late = 0;
        int lateStops = 0;
        int previous = 0;
        for (int stop : order) {
            double leg = metres[previous][stop];
            distance += leg;
            clock = Math.max(clock + properties.travelSeconds(leg), opens[stop]);
            if (clock > closes[stop]) {
                late += clock - closes[stop];
                lateStops++;
            }
            clock += service;
            previous = stop;
        }
        distance += metres[previous][0];
        return new Cost(Math.round(distance), properties.travelSeconds(distance), late, lateStops);
    }
}
