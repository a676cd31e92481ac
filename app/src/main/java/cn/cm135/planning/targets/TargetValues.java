package cn.cm135.planning.targets;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The four numbers a customer manager commits to for a month.
 *
 * @param volume         sales volume in 条
 * @param unitValue      单条值, 元 per 条
 * @param keyBrandGrowth year-on-year growth of key-brand volume, in percent
 * @param visits         customer visits in the month
 */
public record TargetValues(Integer volume, BigDecimal unitValue, BigDecimal keyBrandGrowth, Integer visits) {

    /** Equal numbers, whatever their scale (170.5 and 170.50 are the same target). */
    public boolean sameAs(TargetValues other) {
        return Objects.equals(volume, other.volume) && Objects.equals(visits, other.visits)
                && sameNumber(unitValue, other.unitValue) && sameNumber(keyBrandGrowth, other.keyBrandGrowth);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
