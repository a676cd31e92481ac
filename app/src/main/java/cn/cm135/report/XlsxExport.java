package cn.cm135.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report page as an Excel workbook: one sheet per table, named after its caption, the 中文 header row frozen,
 * numbers as numbers in the format the page shows them (so sums and sorting work in Excel), a total row in bold.
 * Text, undefined numbers ("—") and links (their text) stay text.
 */
final class XlsxExport {

    /** Column width bounds, in characters (a 中文 character counts two). */
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 40;

    private XlsxExport() {
    }

    static byte[] of(ReportPage page) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            int n = 0;
            for (ReportPage.Table table : page.tables()) {
                n++;
                String caption = page.tables().size() == 1 || table.caption() == null ? page.title() : table.caption();
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(n + " " + caption));
                int[] widths = new int[table.headers().size()];
                write(sheet.createRow(0), table.headers(), styles.header, styles, widths);
                int r = 1;
                for (List<ReportPage.Cell> row : table.rows()) {
                    write(sheet.createRow(r++), row, null, styles, widths);
                }
                if (table.total() != null) {
                    write(sheet.createRow(r), table.total(), styles.bold, styles, widths);
                }
                sheet.createFreezePane(0, 1);
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
                }
            }
            if (page.tables().isEmpty()) {
                workbook.createSheet(WorkbookUtil.createSafeSheetName(page.title()));
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<ReportPage.Cell> cells, CellStyle rowStyle, Styles styles, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            ReportPage.Cell value = cells.get(c);
            Cell cell = row.createCell(c);
            if (value.number() != null) {
                cell.setCellValue(value.number().doubleValue());
                cell.setCellStyle(styles.number(value.numberFormat(), rowStyle == styles.bold));
            } else {
                cell.setCellValue(value.text());
                if (rowStyle != null) {
                    cell.setCellStyle(rowStyle);
                }
            }
            widths[c] = Math.max(widths[c], displayWidth(value.text()));
        }
    }

    /** Characters as Excel's column width counts them: a 中文 character takes two. */
    private static int displayWidth(String text) {
        return text == null ? 0 : text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    }

    /** One cell style per number format (Excel caps a workbook's styles at 64,000). */
    private static final class Styles {

        final CellStyle header;
        final CellStyle bold;
        private final Workbook workbook;
        private final Font boldFont;
        private final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(Workbook workbook) {
            this.workbook = workbook;
            boldFont = workbook.createFont();
            boldFont.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
        }

        CellStyle number(String format, boolean inBold) {
            return numbers.computeIfAbsent(format + (inBold ? "|b" : ""), key -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                if (inBold) {
                    style.setFont(boldFont);
                }
                return style;
            });
        }
    }
}
