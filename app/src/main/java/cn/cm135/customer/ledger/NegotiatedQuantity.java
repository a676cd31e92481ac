package cn.cm135.customer.ledger;

import java.math.BigDecimal;

/**
 * 商定总量 proposal for one customer and spec for the coming month.
 *
 * @param purchases3m          purchases of the last 3 months (the 3 months before the coming month), 条
 * @param baseMean             purchases3m ÷ 3, 2 decimals (shown; the quantity uses the exact mean)
 * @param seasonalIndex        the area's seasonal index of the coming month; null when undefined
 *                             (no sales in the area in the last 12 months), then 1 is applied
 * @param seasonalFromAnalysis true when taken from the stored market analysis (step 8) of the month before
 * @param businessCircleFactor 商圈变化系数 set by the customer manager (default 1.0)
 * @param quantity             mean × seasonal index × factor, rounded half-up to whole 条
 */
public record NegotiatedQuantity(String specCode, int purchases3m, BigDecimal baseMean, BigDecimal seasonalIndex,
        boolean seasonalFromAnalysis, BigDecimal businessCircleFactor, int quantity) {
}
