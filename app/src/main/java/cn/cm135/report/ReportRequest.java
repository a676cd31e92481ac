package cn.cm135.report;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** A report asked for one month and one checked scope. */
public record ReportRequest(YearMonth month, ReportScope scope) {

    /** Matches no staff id, so that an empty team selects nothing (SQL has no empty IN list). */
    private static final String NOBODY = "";

    /**
     * The query parameters every report may use: {@code :period} (yyyy-MM), {@code :first} and
     * {@code :lastDay} (dates of the month), {@code :everyone} and {@code :managers} (see
     * {@link ReportSql#managedBy}), {@code :customer} (the customer id, or null).
     */
    public MapSqlParameterSource parameters() {
        List<String> managers = scope.customerManagerIds().isEmpty() ? List.of(NOBODY) : scope.customerManagerIds();
        return new MapSqlParameterSource("period", month.toString())
                .addValue("first", Date.valueOf(month.atDay(1)))
                .addValue("lastDay", Date.valueOf(month.atEndOfMonth()))
                .addValue("everyone", scope.everyone())
                .addValue("managers", managers)
                .addValue("customer", scope.customerId());
    }
}
