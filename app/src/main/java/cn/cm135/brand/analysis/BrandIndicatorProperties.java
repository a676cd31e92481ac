package cn.cm135.brand.analysis;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one setting of the brand analysis outside the DMN table: the brand warning fires when the
 * spec's MoM growth index in the area ÷ its index in the whole marketing centre is below
 * {@code cm135.indicators.warning-ratio} (the same ratio as the customer and market warnings).
 */
@ConfigurationProperties("cm135.indicators")
record BrandIndicatorProperties(BigDecimal warningRatio) {

    BrandIndicatorProperties {
        if (warningRatio == null || warningRatio.signum() <= 0) {
            throw new IllegalArgumentException("cm135.indicators.warning-ratio must be set and > 0");
        }
    }
}
