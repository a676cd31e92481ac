package cn.cm135.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report page as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads 中文 as GBK), CRLF
 * lines, the same text as the page. A report of one table is that table's header and rows (and its total
 * row); several tables follow each other, each under a line with its caption, separated by an empty line.
 */
final class CsvExport {

    private static final char BOM = '\uFEFF';

    private CsvExport() {
    }

    static byte[] of(ReportPage page) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            writer.write(BOM);
            boolean several = page.tables().size() > 1;
            boolean first = true;
            for (ReportPage.Table table : page.tables()) {
                if (several) {
                    if (!first) {
                        csv.println();
                    }
                    csv.printRecord(table.caption());
                }
                first = false;
                csv.printRecord(texts(table.headers()));
                for (List<ReportPage.Cell> row : table.rows()) {
                    csv.printRecord(texts(row));
                }
                if (table.total() != null) {
                    csv.printRecord(texts(table.total()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> texts(List<ReportPage.Cell> cells) {
        return cells.stream().map(ReportPage.Cell::text).toList();
    }
}
