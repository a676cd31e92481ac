package cn.cm135.organization;

/** Camunda group ids, one per role of the method. */
public final class Groups {

    public static final String CUSTOMER_MANAGERS = "customer-managers";
    public static final String MARKET_MANAGERS = "market-managers";
    public static final String MARKETING_CENTRE = "marketing-centre";
    public static final String ADMIN = "camunda-admin";

    private Groups() {
    }

    /** The group of a staff role as stored in {@code staff.role}. */
    public static String ofRole(String role) {
        return switch (role) {
            case "CUSTOMER_MANAGER" -> CUSTOMER_MANAGERS;
            case "MARKET_MANAGER" -> MARKET_MANAGERS;
            case "MARKETING_CENTRE" -> MARKETING_CENTRE;
            default -> throw new IllegalArgumentException("unknown staff role: " + role);
        };
    }
}
