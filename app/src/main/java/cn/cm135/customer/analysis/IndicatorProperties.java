package cn.cm135.customer.analysis;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds and weights of the customer analysis (indicators.md, "Customer: business effect",
 * "business capability score", "Customer grade"). Provinces set these locally, so none of them is a
 * literal in the SQL.
 *
 * @param warningRatio        预警 when a customer's MoM growth index ÷ its peers' mean index is below this
 * @param breadthTarget       specs ordered in 3 months that give the full brand-breadth score
 * @param newCustomerMonths   a customer opened less than this many months before the month's last day is new
 * @param newCustomerMaxGrade highest grade (档位) a new customer gets
 */
@ConfigurationProperties("cm135.indicators")
public record IndicatorProperties(BigDecimal warningRatio, int breadthTarget, int newCustomerMonths, int newCustomerMaxGrade,
        Weights weights, Levels levels, Growth growth, Stock stock) {

    public IndicatorProperties {
        int sum = weights.volume() + weights.unitValue() + weights.regularity() + weights.breadth()
                + weights.growth() + weights.stock();
        // The total is read as "points out of 100" and compared with the level cut points.
        if (sum != 100) {
            throw new IllegalArgumentException("cm135.indicators.weights must add up to 100, got " + sum);
        }
        if (breadthTarget <= 0 || newCustomerMaxGrade < 1 || newCustomerMaxGrade > 30) {
            throw new IllegalArgumentException("cm135.indicators: breadth-target > 0, new-customer-max-grade 1-30");
        }
    }

    /** Weights (points) of the six capability items; they add up to 100. */
    public record Weights(int volume, int unitValue, int regularity, int breadth, int growth, int stock) {
    }

    /** Lowest total score of 优, 良 and 中; below {@code fair} the level is 差. */
    public record Levels(BigDecimal excellent, BigDecimal good, BigDecimal fair) {
    }

    /**
     * Growth item: score = clamp((3-month V ÷ same 3 months last year − floor) ÷ span, 0, 1);
     * {@code noHistoryScore} when last year's 3 months sold nothing.
     */
    record Growth(BigDecimal floor, BigDecimal span, BigDecimal noHistoryScore) {
    }

    /**
     * Stock-health item, on weeks of stock: 1 in [healthyMin, healthyMax], {@code acceptableScore} in
     * [acceptableMin, healthyMin) or (healthyMax, acceptableMax], else 0; {@code neverCountedScore}
     * when no count exists.
     */
    record Stock(BigDecimal healthyMinWeeks, BigDecimal healthyMaxWeeks, BigDecimal acceptableMinWeeks,
            BigDecimal acceptableMaxWeeks, BigDecimal acceptableScore, BigDecimal neverCountedScore) {
    }
}
