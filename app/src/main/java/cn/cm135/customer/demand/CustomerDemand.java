package cn.cm135.customer.demand;

/** One recorded need, with the customer it belongs to. */
public record CustomerDemand(long id, long customerId, String licenceNo, String customerName, String period,
        String needType, String content, boolean urgent, String status) {

    public static final String RECORDED = "RECORDED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String ANSWERED = "ANSWERED";

    public boolean confirmed() {
        return !RECORDED.equals(status);
    }
}
