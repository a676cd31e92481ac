package cn.cm135.report;

/**
 * One printable table of the app, found by {@link #name()} under {@code /reports/{name}/{yyyy-MM}}. An
 * implementation is a Spring bean; adding a report means adding one such class (see
 * {@link BusinessEffectReport} for the shape: columns, one SQL, {@link ReportSql}).
 */
public interface Report {

    /** The report's part of the URL, lower case with hyphens (business-effect). */
    String name();

    /** The 中文 title, also the CSV file name. */
    String title();

    /** Whether the report is asked for customer managers (one, a team, all) or for one retail customer. */
    default ReportScope.Kind scopeKind() {
        return ReportScope.Kind.CUSTOMER_MANAGERS;
    }

    /** The content of the report for a checked scope; set-based queries only. */
    ReportContent content(ReportRequest request);
}
