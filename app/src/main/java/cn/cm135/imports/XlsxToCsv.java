package cn.cm135.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an Excel workbook (.xlsx) as a UTF-8 CSV file, so that an Excel file goes through exactly the
 * CSV import's rules and messages. Streamed with POI's event API (a sheet of a million rows is never held in
 * memory). Row n of the sheet is line n of the CSV (an empty row stays an empty line), so an error names the row
 * Excel shows; a line break inside a cell becomes a space for the same reason. Dates are written yyyy-MM-dd (with
 * the time when there is one), other numbers as plain decimals (a licence number 511301000283 typed as a number
 * stays those digits, not 5.11301E+11).
 */
final class XlsxToCsv {

    /** The local file header of a ZIP archive, which an .xlsx is. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private XlsxToCsv() {
    }

    static boolean isXlsx(String fileName, byte[] head) {
        boolean zip = head.length >= ZIP.length && head[0] == ZIP[0] && head[1] == ZIP[1] && head[2] == ZIP[2]
                && head[3] == ZIP[3];
        return zip || fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * Writes the first sheet of {@code xlsx} to a new temporary file, which the caller deletes.
     *
     * @throws FileEncodingException when the file is no readable workbook
     */
    static Path convert(InputStream xlsx) throws IOException {
        Path csv = Files.createTempFile("cm135-import-", ".csv");
        try (OPCPackage workbook = OPCPackage.open(xlsx);
                Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new FileEncodingException(1, "第 1 行：Excel 文件中没有工作表 (workbook has no sheet)");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                        new ReadOnlySharedStringsTable(workbook), new Rows(printer), new PlainValues(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (FileEncodingException e) {
            Files.deleteIfExists(csv);
            throw e;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException | RuntimeException e) {
            Files.deleteIfExists(csv);
            throw new FileEncodingException(1, "第 1 行：不是可读取的 Excel 文件（.xlsx），请另存为 Excel 工作簿或 CSV 后再导入"
                    + " (not a readable .xlsx workbook)");
        }
        return csv;
    }

    /** Collects each row's cells by column letter and prints it, with the empty rows and cells Excel skips. */
    private static final class Rows implements SheetContentsHandler {

        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>();
        private int printedRows;

        Rows(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void startRow(int rowNum) {
            try {
                while (printedRows < rowNum) {
                    printer.println();
                    printedRows++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.replaceAll("\\R", " "));
        }

        @Override
        public void endRow(int rowNum) {
            try {
                printer.printRecord(cells);
                printedRows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Numbers as the import reads them: dates ISO, other numbers plain. */
    private static final class PlainValues extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
