package cn.cm135.market.analysis;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the market analysis (indicators.md, "Market analysis"). Provinces set these locally,
 * so none of them is a literal in the SQL.
 *
 * @param warningRatio   market warning (市场预警) when GI_MoM(area volume) ÷ GI_MoM(marketing centre volume)
 *                       is below this
 * @param priceDeviation a spec's mean observed price is flagged when |p̄ ÷ guide − 1| is above this
 */
@ConfigurationProperties("cm135.indicators.market")
public record MarketIndicatorProperties(BigDecimal warningRatio, BigDecimal priceDeviation) {

    public MarketIndicatorProperties {
        if (warningRatio == null || priceDeviation == null || warningRatio.signum() <= 0
                || priceDeviation.signum() < 0) {
            throw new IllegalArgumentException(
                    "cm135.indicators.market: warning-ratio > 0 and price-deviation >= 0 are required");
        }
    }
}
