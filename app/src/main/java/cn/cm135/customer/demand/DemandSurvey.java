package cn.cm135.customer.demand;

import java.math.BigDecimal;
import java.util.List;

/**
 * 客户需求调查统计表 of one customer manager's customers for the month the needs were collected in
 * (indicators.md, "Tables the reports show"). A customer counts once per need type however many needs of
 * that type they have; {@code share} is those customers over the active customers served, so the shares
 * of the types don't add up to 100 % when a customer has needs of several types.
 *
 * @param customersServed active customers of the customer manager's routes
 * @param customersWithNeeds customers with at least one need of the month
 */
public record DemandSurvey(String period, int customersServed, int customersWithNeeds, int needs, int confirmed,
        int unconfirmed, List<TypeRow> types, List<TypeRow> topUrgent) {

    /** One need type: customers with such a need, their share of the customers served, needs, urgent needs. */
    public record TypeRow(String needType, int customers, BigDecimal share, int needs, int urgent) {
    }
}
