package cn.cm135.imports;

import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVRecord;

/**
 * One data row of an import file. Reading a cell through {@link #read} turns a bad value into an
 * error naming the line and the header as the file spells it, so importers stay free of bookkeeping.
 */
final class CsvRow {

    private final long line;
    private final CSVRecord record;
    private final Map<Column, Integer> positions;
    private final Map<Column, String> headers;
    private final ImportErrors errors;
    private boolean bad;

    CsvRow(long line, CSVRecord record, Map<Column, Integer> positions, Map<Column, String> headers,
            ImportErrors errors) {
        this.line = line;
        this.record = record;
        this.positions = positions;
        this.headers = headers;
        this.errors = errors;
    }

    long line() {
        return line;
    }

    /** True once any cell of this row was reported; the row must then not be written. */
    boolean bad() {
        return bad;
    }

    /** The trimmed cell, or null when blank or when the (optional) column is absent. */
    String text(Column column) {
        Integer position = positions.get(column);
        if (position == null || position >= record.size()) {
            return null;
        }
        String value = record.get(position).trim();
        return value.isEmpty() ? null : value;
    }

    /**
     * Reads and converts a cell. Returns null when an optional cell is blank, or after reporting a
     * blank required cell, a too long text or a value the parser rejects.
     */
    <T> T read(Column column, Function<String, T> parser) {
        String value = text(column);
        if (value == null) {
            if (column.required()) {
                reject(column, "不能为空 (required)");
            }
            return null;
        }
        if (column.maxLength() > 0 && value.length() > column.maxLength()) {
            reject(column, "长度不能超过 " + column.maxLength() + " 个字符 (too long)");
            return null;
        }
        try {
            return parser.apply(value);
        } catch (BadValueException e) {
            reject(column, e.getMessage());
            return null;
        }
    }

    String read(Column column) {
        return read(column, Function.identity());
    }

    /** Reports a problem with one cell of this row. */
    void reject(Column column, String reason) {
        bad = true;
        errors.add(line, headers.getOrDefault(column, column.chinese()), reason);
    }

    /** Reports a problem with the row as a whole. */
    void rejectRow(String reason) {
        bad = true;
        errors.add(line, null, reason);
    }

    boolean isBlank() {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
