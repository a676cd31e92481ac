package cn.cm135.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where things are in the generated city (WGS84 degrees): each market department's office (the depot its customer
 * managers start from) within the city's extent, each area around its department's office, each route a street
 * or country road (a polyline of a few segments) in its area, and each retailer on its route's street with a
 * little jitter; plus opening hours for some retailers.
 *
 * <p>Every draw comes from its own {@link RandomStreams} purpose ("depot", "area-place", "route-street",
 * "retailer-position"), never from the streams the rest of the generator uses, so adding positions changed no
 * other generated number. Urban departments' offices lie within 5 km of the city centre, their areas 1–4 km from
 * the office and streets of 0.4–0.9 km segments; rural departments sit in county towns 25–45 km out, their
 * townships 6–18 km from the office, country roads of 1–3 km segments with villages up to a few hundred metres off.
 */
final class CityMap {

    /** 江州市 is fictional; its centre lies where a Sichuan prefecture town would (licences 5113…). */
    static final double CENTRE_LONGITUDE = 106.0800;
    static final double CENTRE_LATITUDE = 30.7950;
    private static final double METRES_PER_DEGREE = 111_195.08;
    private static final int SEGMENTS = 4;

    /** A position in degrees. */
    record Point(double longitude, double latitude) {

        BigDecimal longitudeDecimal() {
            return BigDecimal.valueOf(longitude).setScale(6, RoundingMode.HALF_UP);
        }

        BigDecimal latitudeDecimal() {
            return BigDecimal.valueOf(latitude).setScale(6, RoundingMode.HALF_UP);
        }

        /** The point moved by metres east and north. */
        Point offset(double east, double north) {
            return new Point(longitude + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude))),
                    latitude + north / METRES_PER_DEGREE);
        }
    }

    /** Where a retailer is and when it is open (both null: hours unknown). */
    record Placement(Point position, LocalTime opensAt, LocalTime closesAt) {
    }

    private final long seed;
    private final int departments;
    private final int urbanDepartments;
    private final Map<Integer, Point> depots = new HashMap<>();
    private final Map<Integer, Point[]> streets = new HashMap<>();

    CityMap(GeneratorSettings settings) {
        this.seed = settings.seed();
        this.departments = settings.size().departments;
        this.urbanDepartments = Organisation.urbanDepartments(settings.size());
    }

    /** The office of market department {@code d} (0-based). */
    Point depot(int d) {
        return depots.computeIfAbsent(d, this::placeDepot);
    }

    private Point placeDepot(int d) {
        SplittableRandom random = RandomStreams.of(seed, "depot", d);
        Point centre = new Point(CENTRE_LONGITUDE, CENTRE_LATITUDE);
        if (d < urbanDepartments) {
            double angle = 2 * Math.PI * random.nextDouble();
            double distance = 5_000 * Math.sqrt(random.nextDouble());
            return centre.offset(distance * Math.cos(angle), distance * Math.sin(angle));
        }
        // County towns around the city, spread over the compass.
        int rural = Math.max(1, departments - urbanDepartments);
        double angle = 2 * Math.PI * ((d - urbanDepartments) + 0.3 * random.nextDouble()) / rural;
        double distance = 25_000 + 20_000 * random.nextDouble();
        return centre.offset(distance * Math.cos(angle), distance * Math.sin(angle));
    }

    /** The street of an area's route on {@code weekday} (1–5): SEGMENTS + 1 vertices. */
    Point[] street(Organisation.AreaPlan area, int weekday) {
        return streets.computeIfAbsent(area.index() * 8 + weekday, key -> placeStreet(area, weekday));
    }

    private Point[] placeStreet(Organisation.AreaPlan area, int weekday) {
        SplittableRandom areaRandom = RandomStreams.of(seed, "area-place", area.index());
        double areaAngle = 2 * Math.PI * areaRandom.nextDouble();
        double areaDistance = area.urban() ? 1_000 + 3_000 * areaRandom.nextDouble() : 6_000 + 12_000 * areaRandom.nextDouble();
        Point areaCentre = depot(area.departmentIndex()).offset(areaDistance * Math.cos(areaAngle),
                areaDistance * Math.sin(areaAngle));
        SplittableRandom random = RandomStreams.of(seed, "route-street", area.index() * 8L + weekday);
        double spread = area.urban() ? 800 : 3_000;
        double startAngle = 2 * Math.PI * random.nextDouble();
        double startDistance = spread * random.nextDouble();
        Point[] vertices = new Point[SEGMENTS + 1];
        vertices[0] = areaCentre.offset(startDistance * Math.cos(startAngle), startDistance * Math.sin(startAngle));
        double heading = 2 * Math.PI * random.nextDouble();
        for (int i = 1; i <= SEGMENTS; i++) {
            double length = area.urban() ? 400 + 500 * random.nextDouble() : 1_000 + 2_000 * random.nextDouble();
            heading += Math.toRadians(80 * random.nextDouble() - 40);
            vertices[i] = vertices[i - 1].offset(length * Math.cos(heading), length * Math.sin(heading));
        }
        return vertices;
    }

    /**
     * A retailer on its route's street: uniformly along its length, off the centre line by a normal jitter
     * (σ 25 m in town, 120 m in the country), with opening hours by business format.
     *
     * @param number the retailer's number from 0, its own random stream
     */
    Placement place(Organisation.AreaPlan area, int weekday, long number, String businessFormat) {
        SplittableRandom random = RandomStreams.of(seed, "retailer-position", number);
        Point[] street = street(area, weekday);
        double[] lengths = new double[SEGMENTS];
        double total = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            lengths[i] = metres(street[i], street[i + 1]);
            total += lengths[i];
        }
        double along = total * random.nextDouble();
        int segment = 0;
        while (segment < SEGMENTS - 1 && along > lengths[segment]) {
            along -= lengths[segment++];
        }
        double f = lengths[segment] == 0 ? 0 : along / lengths[segment];
        Point a = street[segment];
        Point b = street[segment + 1];
        Point onLine = new Point(a.longitude() + f * (b.longitude() - a.longitude()),
                a.latitude() + f * (b.latitude() - a.latitude()));
        double sigma = area.urban() ? 25 : 120;
        Point position = onLine.offset(sigma * random.nextGaussian(), sigma * random.nextGaussian());
        return hours(random, position, businessFormat, area.urban());
    }

    // Known hours for some: entertainment opens late, big stores keep shop hours, a few country shops live on
    // the morning market and close at noon (the ones a route must reach early).
    private static Placement hours(SplittableRandom random, Point position, String format, boolean urban) {
        double x = random.nextDouble();
        if ("娱乐服务类".equals(format)) {
            return x < 0.8 ? new Placement(position, LocalTime.of(10, 0), LocalTime.of(23, 0)) : new Placement(position, null, null);
        }
        if ("超市".equals(format) || "商场".equals(format)) {
            return x < 0.7 ? new Placement(position, LocalTime.of(9, 0), LocalTime.of(21, 30)) : new Placement(position, null, null);
        }
        if (x < (urban ? 0.02 : 0.06)) {
            return new Placement(position, LocalTime.of(7, 0), LocalTime.of(12, 0));
        }
        if (x < 0.3) {
            return new Placement(position, LocalTime.of(8, 0), LocalTime.of(21, 0));
        }
        return new Placement(position, null, null);
    }

    /** Metres between two nearby points (equirectangular; the map is a city, not a continent). */
    static double metres(Point a, Point b) {
        double east = (b.longitude() - a.longitude()) * METRES_PER_DEGREE * Math.cos(Math.toRadians(a.latitude()));
        double north = (b.latitude() - a.latitude()) * METRES_PER_DEGREE;
        return Math.hypot(east, north);
    }
}
