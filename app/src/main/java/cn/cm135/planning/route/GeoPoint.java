package cn.cm135.planning.route;

/** A WGS84 position in decimal degrees. */
public record GeoPoint(double longitude, double latitude) {

    /** China's extent, generously (Heilongjiang to Hainan's southern islands, Xinjiang to the east coast). */
    public static final double MIN_LONGITUDE = 73;
    public static final double MAX_LONGITUDE = 136;
    public static final double MIN_LATITUDE = 3;
    public static final double MAX_LATITUDE = 54;

    /** The point, or null when either coordinate is missing. */
    public static GeoPoint ofNullable(Number longitude, Number latitude) {
        return longitude == null || latitude == null ? null
                : new GeoPoint(longitude.doubleValue(), latitude.doubleValue());
    }
}
