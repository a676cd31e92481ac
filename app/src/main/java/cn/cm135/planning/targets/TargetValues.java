package cn.cm135.planning.targets;

import java.math.BigDecimal;

/**
 * The four numbers a customer manager commits to for a month.
 *
 * @param volume         sales volume in 条
 * @param unitValue      单条值, 元 per 条
 * @param keyBrandGrowth year-on-year growth of key-brand volume, in percent
 * @param visits         customer visits in the month
 */
public record TargetValues(Integer volume, BigDecimal unitValue, BigDecimal keyBrandGrowth, Integer visits) {
}
