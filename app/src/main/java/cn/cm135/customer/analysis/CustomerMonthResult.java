package cn.cm135.customer.analysis;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One customer's stored analysis of one month: a row of 经营效果明细 and 经营能力打分明细 plus the
 * grade (客户分档). Growth is stored as a growth index GI; {@link #momGrowth()} and
 * {@link #yoyGrowth()} give growth = GI − 1, null (shown as "—") when the base month sold nothing.
 */
public record CustomerMonthResult(
        String period, long customerId, String customerManagerId, String businessFormat, String marketType,
        // business effect
        int volume, BigDecimal amount, BigDecimal unitValue, int prevVolume, BigDecimal momIndex,
        int lastYearVolume, BigDecimal yoyIndex, int orderDays, int specsOrdered, int keyVolume, BigDecimal keyShare,
        BigDecimal retailProfit, BigDecimal peerMomIndex, boolean warning,
        // business capability: raw value, score in [0,1], points
        int volume3m, BigDecimal avgMonthlyVolume, BigDecimal volumeScore, BigDecimal volumePoints,
        BigDecimal amount3m, BigDecimal unitValue3m, BigDecimal unitValueScore, BigDecimal unitValuePoints,
        int orderWeeks, BigDecimal regularityScore, BigDecimal regularityPoints,
        int specs3m, BigDecimal breadthScore, BigDecimal breadthPoints,
        int lastYearVolume3m, BigDecimal growthIndex3m, BigDecimal growthScore, BigDecimal growthPoints,
        Integer stock, BigDecimal weeksOfStock, BigDecimal stockScore, BigDecimal stockPoints,
        BigDecimal capabilityScore, String capabilityLevel,
        // grade
        int volumeDecile, int unitValueTercile, boolean newCustomer, int grade,
        boolean locked, LocalDateTime analysedAt) {

    /** Month-on-month growth of V as a fraction (GI − 1); null when V(m−1) = 0. */
    public BigDecimal momGrowth() {
        return momIndex == null ? null : momIndex.subtract(BigDecimal.ONE);
    }

    /** Year-on-year growth of V as a fraction (GI − 1); null when V(m−12) = 0. */
    public BigDecimal yoyGrowth() {
        return yoyIndex == null ? null : yoyIndex.subtract(BigDecimal.ONE);
    }

    /** A growth fraction as a report shows it: "+12.50%", "−3.00%", or "—" when undefined. */
    public static String percentText(BigDecimal growth) {
        if (growth == null) {
            return "—";
        }
        BigDecimal percent = growth.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }
}
