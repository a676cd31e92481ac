package cn.cm135.tasklist;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A progress bar a Camunda Form can show in a text component: "▓▓▓▓▓▓▓░░░░░░░░░░░░░ 36.4%". form-js renders text
 * components as sanitized Markdown, so the bar is characters, not HTML; beyond 100 % the bar stays full and the
 * figure says how far.
 */
public final class ProgressBar {

    /** Cells of a full bar. */
    static final int CELLS = 20;

    private ProgressBar() {
    }

    /** The bar of {@code fraction} (0.3636 is 36.4 %); "—" when there is nothing to measure against. */
    public static String of(BigDecimal fraction) {
        if (fraction == null) {
            return "—";
        }
        int filled = fraction.multiply(BigDecimal.valueOf(CELLS)).setScale(0, RoundingMode.HALF_UP).intValue();
        filled = Math.max(0, Math.min(CELLS, filled));
        return "▓".repeat(filled) + "░".repeat(CELLS - filled) + " "
                + fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The bar of {@code done} of {@code planned}; "—" without a plan. */
    public static String of(long done, Number planned) {
        if (planned == null || planned.doubleValue() == 0) {
            return "—";
        }
        return of(BigDecimal.valueOf(done).divide(new BigDecimal(planned.toString()), 6, RoundingMode.HALF_UP));
    }
}
