package cn.cm135.imports;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lowest wholesale price per carton (元/条) of price classes 1–4 (一类…四类); below {@code class4} is
 * 五类. Used when a spec file leaves the price class blank. The marketing centre sets these, so they
 * are configuration ({@code cm135.price-classes.*}), not code.
 */
@ConfigurationProperties("cm135.price-classes")
record PriceClassThresholds(
        @DefaultValue("263") BigDecimal class1,
        @DefaultValue("158") BigDecimal class2,
        @DefaultValue("113") BigDecimal class3,
        @DefaultValue("60") BigDecimal class4) {

    int classOf(BigDecimal wholesalePrice) {
        if (wholesalePrice.compareTo(class1) >= 0) {
            return 1;
        }
        if (wholesalePrice.compareTo(class2) >= 0) {
            return 2;
        }
        if (wholesalePrice.compareTo(class3) >= 0) {
            return 3;
        }
        return wholesalePrice.compareTo(class4) >= 0 ? 4 : 5;
    }
}
