package cn.cm135.planning.route;

/**
 * Road distance between two retailers, approximated from their coordinates: the great-circle (haversine)
 * distance times a detour factor. No road network is needed, and for ordering visits the approximation is
 * good enough: what matters is which retailer is nearer, and the factor scales all legs alike.
 */
public final class RoadDistance {

    /** Mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /**
     * Roads are longer than the straight line: studies of urban road networks put the ratio of road to
     * great-circle distance at about 1.2–1.4 (grid streets ≈ 1.27, i.e. 4/π); 1.3 is the usual middle value.
     */
    public static final double DETOUR_FACTOR = 1.3;

    private RoadDistance() {
    }

    /** Great-circle distance in metres (haversine formula). */
    static double greatCircleMetres(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Approximate road distance in metres. */
    public static double metres(GeoPoint a, GeoPoint b) {
        return greatCircleMetres(a, b) * DETOUR_FACTOR;
    }
}
