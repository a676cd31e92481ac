package cn.cm135.report;

/**
 * The FROM and WHERE shared by the reports on {@code customer_month_result}: the month's rows of the
 * scope's customer managers (as stored at analysis time, the unit the customer manager reviewed and
 * locked), with the customer and its area (片区) of today.
 */
final class CustomerResultSql {

    static final String FROM = """
              from customer_month_result r
              join retail_customer c on c.id = r.customer_id
              join route rt on rt.code = c.route_code
              join area a on a.code = rt.area_code
            """;

    static final String WHERE = " where r.period = :period and " + ReportSql.managedBy("r.customer_manager_id") + "\n";

    static final String FROM_SCOPE = FROM + WHERE;

    /** The customer's name linking to its 动销台账 of the month (relative to a report page). */
    static final String CUSTOMER_LINK = "c.name, '../sales-ledger/' || r.period || '?customer=' || cast(c.id as varchar(20))";

    private CustomerResultSql() {
    }
}
