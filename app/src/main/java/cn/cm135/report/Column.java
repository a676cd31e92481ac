package cn.cm135.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A column of a report: its 中文 header and how a value of it is shown. Every report, page and CSV, shows
 * the same text: an undefined number (a growth without a base, a rate without customers) as "—", rates as
 * percentages with one decimal, growth with its sign.
 *
 * @param header   the header a manager reads
 * @param kind     how values are formatted and aligned
 * @param scale    decimals of a {@link Kind#DECIMAL} column
 * @param flagText what a {@link Kind#FLAG} column shows for {@code true} (nothing for false)
 */
public record Column(String header, Kind kind, int scale, String flagText) {

    /** Shown for an undefined number. */
    public static final String NONE = "—";

    public enum Kind {
        /** Any value as text (null: empty). */
        TEXT,
        /** Two query columns, text and a link target relative to the report's page: a link on the page. */
        LINK,
        /** A whole number. */
        INTEGER,
        /** A decimal number with {@code scale} decimals. */
        DECIMAL,
        /** A fraction (0.6667) as a percentage (66.7%). */
        PERCENT,
        /** A signed fraction (−0.125) as a signed percentage (−12.5%). */
        SIGNED_PERCENT,
        /** A growth index GI = x(m) ÷ x(base) as the growth GI − 1 (+50.0%). */
        GROWTH_INDEX,
        /** A boolean shown as {@code flagText} when true. */
        FLAG
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT, 0, null);
    }

    /** A link: the query gives two columns, the text and the link target. */
    public static Column link(String header) {
        return new Column(header, Kind.LINK, 0, null);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER, 0, null);
    }

    public static Column decimal(String header, int scale) {
        return new Column(header, Kind.DECIMAL, scale, null);
    }

    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT, 1, null);
    }

    public static Column signedPercent(String header) {
        return new Column(header, Kind.SIGNED_PERCENT, 1, null);
    }

    public static Column growthIndex(String header) {
        return new Column(header, Kind.GROWTH_INDEX, 1, null);
    }

    public static Column flag(String header, String flagText) {
        return new Column(header, Kind.FLAG, 0, flagText);
    }

    /** How many query columns make one value of this column. */
    int width() {
        return kind == Kind.LINK ? 2 : 1;
    }

    /**
     * The text of a value, as the page and the CSV show it. An empty string stays empty in any column (a
     * cell of a total row that has no total); null is an undefined number ("—").
     */
    public String format(Object value) {
        if (value instanceof ReportLink link) {
            return link.text();
        }
        if ("".equals(value)) {
            return "";
        }
        return switch (kind) {
            case TEXT, LINK -> value == null ? "" : value.toString();
            case FLAG -> Boolean.TRUE.equals(value) ? flagText : "";
            case INTEGER -> value == null ? NONE : decimal(value).setScale(0, RoundingMode.HALF_UP).toPlainString();
            case DECIMAL -> value == null ? NONE : decimal(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
            case PERCENT -> value == null ? NONE : percent(decimal(value), false);
            case SIGNED_PERCENT -> value == null ? NONE : percent(decimal(value), true);
            case GROWTH_INDEX -> value == null ? NONE : percent(decimal(value).subtract(BigDecimal.ONE), true);
        };
    }

    /**
     * The value as a spreadsheet number, rounded as {@link #format} shows it (a growth index as its growth), or null
     * for a text column, an undefined number and an empty total cell: those stay text.
     */
    public BigDecimal number(Object value) {
        if (value == null || "".equals(value) || value instanceof ReportLink) {
            return null;
        }
        return switch (kind) {
            case TEXT, LINK, FLAG -> null;
            case INTEGER -> decimal(value).setScale(0, RoundingMode.HALF_UP);
            case DECIMAL -> decimal(value).setScale(scale, RoundingMode.HALF_UP);
            case PERCENT, SIGNED_PERCENT -> decimal(value).setScale(scale + 2, RoundingMode.HALF_UP);
            case GROWTH_INDEX -> decimal(value).subtract(BigDecimal.ONE).setScale(scale + 2, RoundingMode.HALF_UP);
        };
    }

    /** The spreadsheet number format that shows {@link #number} as {@link #format} does; null for text. */
    public String numberFormat() {
        String decimals = scale == 0 ? "" : "." + "0".repeat(scale);
        return switch (kind) {
            case TEXT, LINK, FLAG -> null;
            case INTEGER -> "0";
            case DECIMAL -> "0" + decimals;
            case PERCENT -> "0" + decimals + "%";
            case SIGNED_PERCENT, GROWTH_INDEX -> "+0" + decimals + "%;-0" + decimals + "%;0" + decimals + "%";
        };
    }

    private String percent(BigDecimal fraction, boolean signed) {
        BigDecimal percent = fraction.movePointRight(2).setScale(scale, RoundingMode.HALF_UP);
        return (signed && percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(value.toString());
    }
}
