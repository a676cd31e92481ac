/**
 * Printable detail pages and CSV exports of the month's analyses (经营效果明细, 经营能力打分明细, 片区统计,
 * 月度品牌状态分析, 市场分析, 动销台账), under {@code /reports/{report}/{yyyy-MM}}.
 *
 * <p>A report is one small {@link cn.cm135.report.Report} bean: a title, the columns with their 中文
 * headers, and set-based SQL run through {@link cn.cm135.report.ReportSql}. The framework resolves and
 * checks the scope (whose customers, {@link cn.cm135.report.ReportAccess}), formats every cell once
 * ({@link cn.cm135.report.Column}) and renders the same cells as a printable HTML page (Thymeleaf,
 * {@code templates/reports/report.html}) or as a UTF-8 CSV with BOM ({@link cn.cm135.report.CsvExport}).
 */
package cn.cm135.report;
