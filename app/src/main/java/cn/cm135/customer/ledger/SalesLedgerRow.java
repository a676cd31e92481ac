package cn.cm135.customer.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a customer's 动销台账 for a month and spec. Null stock means "not counted"; null actual
 * sales and profit are shown as "—" (a count is missing at the start or the end of the month).
 *
 * @param openingStock   latest count at or before the last day of m−1
 * @param purchases      Q(c,s,m), 条
 * @param closingStock   latest count inside m
 * @param actualSales    opening + purchases − closing, only when both counts exist
 * @param retailPrice    the customer's latest observed retail price (≤ the last day of m), else the guide price
 * @param priceObserved  whether {@code retailPrice} was observed (false: guide price)
 * @param unitMargin     retail price − wholesale price, per 条
 * @param profit         actual sales × unit margin, 2 decimals
 */
public record SalesLedgerRow(String specCode, String specName, Integer openingStock, LocalDate openingCountedOn,
        int purchases, BigDecimal purchaseAmount, Integer closingStock, LocalDate closingCountedOn,
        Integer actualSales, BigDecimal retailPrice, boolean priceObserved, BigDecimal wholesalePrice,
        BigDecimal unitMargin, BigDecimal profit) {

    /** A number as the ledger prints it: "—" when undefined. */
    public static String text(Object value) {
        if (value == null) {
            return "—";
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
