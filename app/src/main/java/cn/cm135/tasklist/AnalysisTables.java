package cn.cm135.tasklist;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the analysis task listeners write numbers into form-js {@code table} rows: as text,
 * so 12.50% stays 12.50%, "—" where a value is undefined, 预警 for a warned row. The table itself
 * goes to the form through {@link FormData#json}.
 */
public final class AnalysisTables {

    public static final String NONE = "—";

    private AnalysisTables() {
    }

    /** A fraction as a percentage, "12.50%"; "—" when undefined. */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? NONE : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A number as the table shows it, "—" when undefined. */
    public static String number(BigDecimal value, int scale) {
        return value == null ? NONE : value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    public static String warning(boolean warning) {
        return warning ? "预警" : "";
    }
}
