package cn.cm135.planning.targets;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Allowed ranges of the target fields. The form {@code set-targets.form} shows the same ranges to
 * the user; the server re-checks them because a REST client can bypass the form.
 */
@ConfigurationProperties("cm135.targets")
record TargetLimits(int volumeMin, int volumeMax, BigDecimal unitValueMin, BigDecimal unitValueMax,
        BigDecimal keyBrandGrowthMin, BigDecimal keyBrandGrowthMax, int visitsMin, int visitsMax) {

    void check(TargetValues values) {
        require("volume", "目标销量（条）", values.volume(), volumeMin, volumeMax);
        require("unitValue", "目标单条值（元/条）", values.unitValue(), unitValueMin, unitValueMax);
        require("keyBrandGrowth", "重点品牌增长率（%）", values.keyBrandGrowth(), keyBrandGrowthMin, keyBrandGrowthMax);
        require("visits", "计划拜访次数", values.visits(), visitsMin, visitsMax);
    }

    private static void require(String field, String label, Integer value, int min, int max) {
        require(field, label, value == null ? null : BigDecimal.valueOf(value), BigDecimal.valueOf(min),
                BigDecimal.valueOf(max));
    }

    private static void require(String field, String label, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            throw new TargetException(TargetException.Kind.INVALID, field, label + "必须填写");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new TargetException(TargetException.Kind.INVALID, field,
                    "%s应在 %s 到 %s 之间，收到 %s".formatted(label, min.toPlainString(), max.toPlainString(),
                            value.toPlainString()));
        }
    }
}
