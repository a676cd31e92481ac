package cn.cm135.report;

import java.util.List;

/**
 * Whose data a report shows, already checked against the signed-in user ({@link ReportAccess}).
 *
 * @param everyone            the whole marketing centre (营销中心, administrators)
 * @param customerManagerIds  otherwise: the customer managers whose customers and areas are shown
 * @param customerId          a single retail customer (动销台账), else null
 * @param description         the scope line of the page: 片区, 客户经理 (or 零售户, 市场部)
 */
public record ReportScope(boolean everyone, List<String> customerManagerIds, Long customerId, String description) {

    public ReportScope {
        customerManagerIds = List.copyOf(customerManagerIds);
    }

    /** What a report is asked for: a set of customer managers (one, a team, all) or one retail customer. */
    public enum Kind {
        CUSTOMER_MANAGERS,
        CUSTOMER
    }

    static ReportScope centre(String description) {
        return new ReportScope(true, List.of(), null, description);
    }

    static ReportScope customerManagers(List<String> ids, String description) {
        return new ReportScope(false, ids, null, description);
    }

    static ReportScope customer(long customerId, String customerManagerId, String description) {
        return new ReportScope(false, List.of(customerManagerId), customerId, description);
    }
}
