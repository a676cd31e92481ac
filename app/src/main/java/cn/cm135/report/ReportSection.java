package cn.cm135.report;

import java.util.List;

/**
 * One table of a report: a caption (null for a report of one table), the columns, the rows in order and an
 * optional total row (合计), all as raw values that {@link Column#format} turns into text.
 */
public record ReportSection(String caption, List<Column> columns, List<List<Object>> rows, List<Object> total) {

    public ReportSection {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            requireWidth(columns, row);
        }
        if (total != null) {
            requireWidth(columns, total);
        }
    }

    public ReportSection(String caption, List<Column> columns, List<List<Object>> rows) {
        this(caption, columns, rows, null);
    }

    /** The same section with a total row. */
    public ReportSection withTotal(List<Object> totalRow) {
        return new ReportSection(caption, columns, rows, totalRow);
    }

    private static void requireWidth(List<Column> columns, List<Object> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
        }
    }
}
