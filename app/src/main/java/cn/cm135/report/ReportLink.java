package cn.cm135.report;

/**
 * A cell that links to another page (a customer's 动销台账, say); the CSV keeps only the text.
 *
 * @param href relative to the report's own page, so the link works under any context path
 */
public record ReportLink(String text, String href) {
}
