package cn.cm135.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's content with every cell already formatted: what {@code templates/reports/report.html} shows
 * and, text for text, what the CSV holds.
 *
 * @param title       the report's 中文 title
 * @param scopeLine   片区 / 客户经理 (or 零售户, 市场部) and 月份
 * @param generatedAt when the page was made, yyyy-MM-dd HH:mm
 * @param csvHref     the same report as CSV, relative to the page
 * @param xlsxHref    the same report as an Excel workbook, relative to the page
 * @param charts      drawn above the tables (not in the CSV or workbook)
 */
record ReportPage(String title, String month, String scopeLine, String generatedAt, List<Table> tables,
        List<ReportNote> notes, String csvHref, String xlsxHref, List<ReportChart> charts) {

    /**
     * A formatted cell: {@code css} "num" (right-aligned), "flag", "wrap" (a name that may wrap) or null;
     * {@code href} is set for a link; {@code number} and {@code numberFormat} are the value for a spreadsheet
     * (null: the text is the value).
     */
    record Cell(String text, String css, String href, BigDecimal number, String numberFormat) {

        Cell(String text) {
            this(text, null, null, null, null);
        }
    }

    record Table(String caption, List<Cell> headers, List<List<Cell>> rows, List<Cell> total) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    static ReportPage of(Report report, ReportRequest request, ReportContent content, String generatedAt,
            String csvHref, String xlsxHref) {
        List<Table> tables = content.sections().stream().map(ReportPage::table).toList();
        return new ReportPage(report.title(), request.month().toString(),
                request.scope().description() + "　月份：" + request.month(), generatedAt, tables, content.notes(),
                csvHref, xlsxHref, content.charts());
    }

    private static Table table(ReportSection section) {
        List<Cell> headers = section.columns().stream().map(c -> new Cell(c.header())).toList();
        List<List<Cell>> rows = section.rows().stream().map(row -> cells(section.columns(), row)).toList();
        return new Table(section.caption(), headers, rows,
                section.total() == null ? null : cells(section.columns(), section.total()));
    }

    private static List<Cell> cells(List<Column> columns, List<Object> values) {
        List<Cell> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Object value = values.get(i);
            Column column = columns.get(i);
            String css = switch (column.kind()) {
                case TEXT -> null;
                case LINK -> "wrap";
                case FLAG -> "flag";
                default -> "num";
            };
            BigDecimal number = column.number(value);
            cells.add(new Cell(column.format(value), css, value instanceof ReportLink link ? link.href() : null, number,
                    number == null ? null : column.numberFormat()));
        }
        return cells;
    }
}
