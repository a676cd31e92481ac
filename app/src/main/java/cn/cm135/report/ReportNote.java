package cn.cm135.report;

/** A paragraph under the tables: an area's 分析结论, or how a figure is computed. */
public record ReportNote(String label, String text) {
}
