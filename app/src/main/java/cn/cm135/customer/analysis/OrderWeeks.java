package cn.cm135.customer.analysis;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The "last 13 weeks" of a month (indicators.md, 订货规律性): 13 blocks of 7 days counted back from the month's
 * last day, block 0 = the last 7 days. Date arithmetic differs between H2 and PostgreSQL, so the blocks' first
 * days are bound as parameters {@code :w0 … :w12} and {@link #INDEX} maps an {@code o.order_date} to its block.
 */
final class OrderWeeks {

    /** Weeks of the window, and of a 3-month quarter (average weekly sales). */
    static final int WEEKS = 13;

    /** The block 0 … 12 of {@code o.order_date}, null outside the 91 days. */
    static final String INDEX = index();

    private OrderWeeks() {
    }

    private static String index() {
        StringBuilder sql = new StringBuilder("case");
        for (int k = 0; k < WEEKS; k++) {
            sql.append(" when o.order_date >= :w").append(k).append(" then ").append(k);
        }
        return sql.append(" end").toString();
    }

    /** Binds {@code :w0 … :w12} of the month to {@code params}, which it returns. */
    static MapSqlParameterSource addStarts(MapSqlParameterSource params, YearMonth month) {
        LocalDate last = month.atEndOfMonth();
        for (int k = 0; k < WEEKS; k++) {
            params.addValue("w" + k, Date.valueOf(last.minusDays(7L * k + 6)));
        }
        return params;
    }
}
