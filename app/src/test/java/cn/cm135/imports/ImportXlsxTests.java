package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An Excel workbook imports under the CSV's rules: dates typed as Excel dates and quantities as numbers are read
 * as the CSV would give them; a bad cell is refused naming the row Excel shows and the column, and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)   // the shared test context
@ActiveProfiles("test")
class ImportXlsxTests {

    @Autowired ImportService imports;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anOrdersWorkbookWithRealDatesAndNumbersImports() throws IOException {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);

        ImportReport report = importXlsx(ImportKind.ORDERS, workbook(samples.text(ImportKind.ORDERS), Map.of()));

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(report.encoding()).isEqualTo("xlsx");
        assertThat(report.rowsRead()).isEqualTo(20);
        assertThat(jdbc.queryForObject("select sum(quantity) from order_line where customer_id in (select id from "
                + "retail_customer where licence_no like ?)", Long.class, samples.prefix() + "%"))
                .as("the quantities of the sample, read from numeric cells").isEqualTo(sumOfQuantities(samples));
        assertThat(jdbc.queryForObject("select min(order_date) from order_line where order_no like ?", LocalDate.class,
                samples.prefix() + "%")).as("Excel dates read as days").isEqualTo(LocalDate.of(2025, 1, 6));
    }

    @Test
    void aBadCellIsRefusedWithItsRowAndColumnAndNothingIsWritten() throws IOException {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        Map<String, Long> before = Samples.rowCounts(jdbc);

        ImportReport report = importXlsx(ImportKind.ORDERS,
                workbook(samples.text(ImportKind.ORDERS), Map.of(4, Map.of(3, "2025-13-06"))));

        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).as("Excel's row number").isEqualTo(4);
            assertThat(error.column()).isEqualTo("订货日期");
            assertThat(error.message()).contains("2025-13-06");
        });
        assertThat(Samples.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedInChinese() throws IOException {
        ImportReport report = importXlsx(ImportKind.SPECS, "许可证号,名称\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).startsWith("第 1 行：不是可读取的 Excel 文件");
        });
    }

    private ImportReport importXlsx(ImportKind kind, byte[] bytes) throws IOException {
        return imports.importCsv(kind, kind.pathName() + ".xlsx", new ByteArrayInputStream(bytes), EncodingChoice.AUTO);
    }

    private static long sumOfQuantities(Samples samples) throws IOException {
        long sum = 0;
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(samples.text(ImportKind.ORDERS)))) {
            sum += Long.parseLong(r.get("数量"));
        }
        return sum;
    }

    /**
     * The CSV as a workbook the way Excel keeps it: yyyy-MM-dd as date cells, numbers as numeric cells, the rest as
     * text; {@code overrides} (row → column → text) puts text into a cell instead.
     */
    private static byte[] workbook(String csv, Map<Integer, Map<Integer, String>> overrides) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("订单");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d"));
            int r = 0;
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < record.size(); c++) {
                    String text = overrides.getOrDefault(r + 1, Map.of()).get(c);
                    String value = text != null ? text : record.get(c);
                    Cell cell = row.createCell(c);
                    if (text == null && r > 0 && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        cell.setCellValue(LocalDate.parse(value));
                        cell.setCellStyle(date);
                    } else if (text == null && r > 0 && value.matches("-?\\d+(\\.\\d+)?") && value.length() < 10) {
                        cell.setCellValue(Double.parseDouble(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
                r++;
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
