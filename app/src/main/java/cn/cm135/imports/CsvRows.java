package cn.cm135.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the data rows of an import file, one {@link CsvRow} at a time, never holding the file.
 *
 * <p>The header is read by hand rather than by Commons CSV's header mapping: exports put a BOM or
 * spaces around names, repeat or leave columns unnamed, and any order must work.
 */
final class CsvRows implements Closeable {

    // Empty lines are kept as records so that the parser's line count stays the physical line.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<Column, Integer> positions;
    private final Map<Column, String> headers;
    private final ImportErrors errors;

    private CsvRows(CSVParser parser, Iterator<CSVRecord> records, Map<Column, Integer> positions,
            Map<Column, String> headers, ImportErrors errors) {
        this.parser = parser;
        this.records = records;
        this.positions = positions;
        this.headers = headers;
        this.errors = errors;
    }

    /**
     * Reads the header. Reports every missing required column as an error on line 1 and returns null
     * then: without all columns no row can be checked.
     */
    static CsvRows open(Reader reader, List<Column> columns, ImportErrors errors) throws IOException {
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            errors.add(1, null, "文件为空，缺少表头行 (empty file)");
            parser.close();
            return null;
        }
        CSVRecord header = records.next();
        Map<Column, Integer> positions = new HashMap<>();
        Map<Column, String> headers = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            for (Column column : columns) {
                if (column.matches(name) && !positions.containsKey(column)) {
                    positions.put(column, i);
                    headers.put(column, name);
                }
            }
        }
        List<Column> missing = new ArrayList<>();
        for (Column column : columns) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column);
            }
        }
        for (Column column : missing) {
            errors.add(1, column.chinese(), "缺少必需的列「" + column.label() + "」(missing column)");
        }
        if (!missing.isEmpty()) {
            parser.close();
            return null;
        }
        return new CsvRows(parser, records, positions, headers, errors);
    }

    private static String normalise(String header) {
        return header.replace("\uFEFF", "").strip();
    }

    /** The next non-blank data row, or null at the end of the file. */
    CsvRow next() {
        while (true) {
            // The record about to be read starts on the line after the last line break consumed.
            long line = parser.getCurrentLineNumber() + 1;
            if (!records.hasNext()) {
                return null;
            }
            CsvRow row = new CsvRow(line, records.next(), positions, headers, errors);
            if (!row.isBlank()) {
                return row;
            }
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
