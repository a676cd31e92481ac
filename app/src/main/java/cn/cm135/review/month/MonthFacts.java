package cn.cm135.review.month;

import java.math.BigDecimal;
import java.util.List;

import cn.cm135.review.results.MonthExecution;

/**
 * The facts of a customer manager's month that the 月度工作总结 (step 16) shows: sales against the month's
 * targets, the key brands against their brand targets (step 7), the market (anomalies, observed prices of the
 * key specs against the guide price) and what was carried out (visits, strategies, ad-hoc tasks).
 */
public record MonthFacts(int volume, BigDecimal amount, Integer volumeTarget, BigDecimal unitValue,
        BigDecimal unitValueTarget, BigDecimal keyBrandGrowth, BigDecimal keyBrandGrowthTarget, List<BrandFact> brands,
        List<AnomalyCount> anomalies, List<PriceFact> prices, MonthExecution execution) {

    /** A brand target of the month (area × spec) and the volume the area's customers bought. */
    public record BrandFact(String areaCode, String specCode, String specName, Integer targetVolume, int volume) {
    }

    /** Market anomalies of one type seen at the customer manager's customers in the month. */
    public record AnomalyCount(String anomalyType, int count) {
    }

    /** Observed retail prices of a key spec in the month: their mean against the guide price (index = mean ÷ guide). */
    public record PriceFact(String specCode, String specName, int observations, BigDecimal meanPrice,
            BigDecimal guidePrice, BigDecimal priceIndex) {
    }
}
