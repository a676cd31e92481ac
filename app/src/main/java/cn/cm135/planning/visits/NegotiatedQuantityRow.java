package cn.cm135.planning.visits;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * 商定总量 of one customer and key spec for the plan's month: the computed proposal
 * ({@link cn.cm135.customer.ledger.NegotiatedQuantityService}) and the customer manager's override.
 *
 * @param purchases3m       purchases of the 3 months before, 条 (0 when only an override exists)
 * @param baseMean          purchases3m ÷ 3
 * @param seasonalIndex     the area's seasonal index of the month; null when undefined (1 applied)
 * @param computedQuantity  the proposal, 条
 * @param overrideQuantity  the customer manager's quantity; null when not overridden
 * @param effectiveQuantity the override if any, else the computed quantity
 */
public record NegotiatedQuantityRow(long customerId, String licenceNo, String customerName, String specCode,
        String specName, int purchases3m, BigDecimal baseMean, BigDecimal seasonalIndex, int computedQuantity,
        Integer overrideQuantity, String overrideReason, String overriddenBy, LocalDateTime overriddenAt,
        int effectiveQuantity) {
}
