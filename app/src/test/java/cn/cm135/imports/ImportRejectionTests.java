package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A file with any bad row imports nothing, and the report says where and why. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportRejectionTests {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    /** Imports text, expecting rejection with nothing written to any table. */
    private ImportReport rejected(ImportKind kind, byte[] bytes, EncodingChoice encoding) {
        Map<String, Long> before = Samples.rowCounts(jdbc);
        ImportReport report = Samples.run(imports, kind, bytes, encoding);
        assertThat(report.imported()).as(report.toText()).isFalse();
        assertThat(report.tables()).isEmpty();
        assertThat(Samples.rowCounts(jdbc)).as("row counts of all master-data tables").isEqualTo(before);
        return report;
    }

    private static String replaceLine(String text, int line, String from, String to) {
        String[] lines = text.split("\r\n", -1);
        assertThat(lines[line - 1]).contains(from);
        lines[line - 1] = lines[line - 1].replace(from, to);
        return String.join("\r\n", lines);
    }

    @Test
    void badDateRejectsTheWholeOrderFile() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String orders = replaceLine(samples.text(ImportKind.ORDERS), 4, "2025-01-06", "2025-13-06");

        ImportReport report = rejected(ImportKind.ORDERS, Samples.utf8WithBom(orders), EncodingChoice.AUTO);

        assertThat(report.errorCount()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.column()).isEqualTo("订货日期");
            assertThat(error.message()).contains("日期").contains("2025-13-06");
        });
        assertThat(report.rowsRead()).isEqualTo(20);
    }

    @Test
    void textThatIsNoDateIsReportedWithTheAcceptedFormats() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String orders = replaceLine(samples.text(ImportKind.ORDERS), 2, "2025-01-06", "06.01.2025");

        ImportReport report = rejected(ImportKind.ORDERS, Samples.utf8WithBom(orders), EncodingChoice.AUTO);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).contains("日期格式不正确").contains("yyyy-MM-dd");
        });
    }

    @Test
    void unknownSpecRejectsTheFile() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String p = samples.prefix();
        String orders = replaceLine(samples.text(ImportKind.ORDERS), 7, p + "S03", p + "S99");

        ImportReport report = rejected(ImportKind.ORDERS, Samples.utf8WithBom(orders), EncodingChoice.AUTO);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(7);
            assertThat(error.column()).isEqualTo("规格编码");
            assertThat(error.message()).contains(p + "S99").contains("不存在");
        });
    }

    @Test
    void unknownLicenceAndUnknownRouteAreBadRows() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String p = samples.prefix();
        String observations = replaceLine(samples.text(ImportKind.OBSERVATIONS), 3, p + "000000001", p + "999999999");
        String customers = replaceLine(samples.text(ImportKind.CUSTOMERS), 5, p + "R03", p + "R99");

        ImportReport observationReport = rejected(ImportKind.OBSERVATIONS, Samples.utf8WithBom(observations),
                EncodingChoice.AUTO);
        ImportReport customerReport = rejected(ImportKind.CUSTOMERS, Samples.utf8WithBom(customers), EncodingChoice.AUTO);

        assertThat(observationReport.errors()).singleElement()
                .isEqualTo(new ImportError(3, "许可证号", "许可证号「" + p + "999999999」不存在，请先导入零售户 (unknown licence)"));
        assertThat(customerReport.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.column()).isEqualTo("线路编码");
            assertThat(error.message()).contains(p + "R99");
        });
    }

    @Test
    void negativeQuantityAndAmountAreBadValuesAndAllErrorsAreListed() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String orders = samples.text(ImportKind.ORDERS);
        orders = replaceLine(orders, 9, ",3,660.00", ",-3,660.00");
        orders = replaceLine(orders, 12, ",3,1350.00", ",3,-1350.00");

        ImportReport report = rejected(ImportKind.ORDERS, Samples.utf8WithBom(orders), EncodingChoice.AUTO);

        assertThat(report.errorCount()).isEqualTo(2);
        assertThat(report.errors()).extracting(ImportError::line, ImportError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9L, "数量"), org.assertj.core.groups.Tuple.tuple(12L, "金额"));
        assertThat(report.errors().get(0).message()).contains("-3");
        assertThat(report.errors().get(1).message()).contains("不能为负数");
    }

    @Test
    void gbkBytesDeclaredAsUtf8AreAnEncodingErrorOnTheirLine() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        // ASCII header and first rows, Chinese only from line 4 on: the error must point there.
        String organization = "department_code,department_name,market_manager_id,market_manager_name,"
                + "customer_manager_id,customer_manager_name,area_code,area_name,route_code,route_name,weekday\r\n"
                + "D01,City,MM01,Wang,CM01,Li,A01,East,R01,East 1,1\r\n"
                + "D01,City,MM01,Wang,CM01,Li,A01,East,R02,East 2,3\r\n"
                + "D01,City,MM01,Wang,CM01,Li,A01,East,R03,东城三线,5\r\n";

        ImportReport report = rejected(ImportKind.ORGANIZATION, Samples.gbk(organization.replaceAll("([DMCAR]+0)", p + "$1")),
                EncodingChoice.UTF_8);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.message()).contains("第 4 行").contains("不是有效的 UTF-8 编码").contains("GBK");
        });
    }

    @Test
    void utf8FileDeclaredAsGbkWithBomIsRefused() {
        Samples samples = Samples.fresh();

        ImportReport report = rejected(ImportKind.SPECS, Samples.utf8WithBom(samples.text(ImportKind.SPECS)),
                EncodingChoice.GBK);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).contains("UTF-8 BOM");
        });
    }

    @Test
    void missingColumnIsReportedOnLineOneAndNothingIsRead() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String orders = samples.text(ImportKind.ORDERS).replace("订货日期", "日期X");

        ImportReport report = rejected(ImportKind.ORDERS, Samples.utf8WithBom(orders), EncodingChoice.AUTO);

        assertThat(report.rowsRead()).isZero();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.column()).isEqualTo("订货日期");
            assertThat(error.message()).contains("缺少").contains("订货日期").contains("order_date");
        });
    }

    @Test
    void customerManagerInTwoMarketDepartmentsIsABadRow() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        String organization = samples.text(ImportKind.ORGANIZATION)
                + p + "D02,郊区市场部," + p + "MM02,赵强," + p + "CM02,张丽," + p + "A03,南郊片区," + p + "R05,南郊一线,5\r\n";

        ImportReport report = rejected(ImportKind.ORGANIZATION, Samples.utf8WithBom(organization), EncodingChoice.AUTO);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.column()).isEqualTo("客户经理工号");
            assertThat(error.message()).contains(p + "CM02").contains("第 4 行").contains("只能属于一个市场部");
        });
        assertThat(report.initialPasswords()).isEmpty();
    }

    @Test
    void badRowAfterTheFirstBatchRollsBackTheBatchesAlreadyWritten() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String p = samples.prefix();
        StringBuilder orders = new StringBuilder("order_no,licence_no,spec_code,order_date,quantity,amount\n");
        for (int i = 1; i <= 12_000; i++) {
            orders.append(p).append("B").append(i).append(',').append(p).append("000000001,").append(p).append("S01,2025-02-03,1,450\n");
        }
        orders.append(p).append("BLAST,").append(p).append("000000001,").append(p).append("S01,2025-02-30,1,450\n");

        ImportReport report = rejected(ImportKind.ORDERS, orders.toString().getBytes(StandardCharsets.UTF_8),
                EncodingChoice.AUTO);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(12_002);
            assertThat(error.message()).contains("日期不存在");
        });
        assertThat(jdbc.queryForObject("select count(*) from order_line where order_no like ?", Long.class, p + "B%")).isZero();
    }

    @Test
    void reportListsAtMostOneThousandErrorsButCountsAll() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        StringBuilder orders = new StringBuilder("订单号,许可证号,规格编码,订货日期,数量,金额\n");
        for (int i = 1; i <= 1_500; i++) {
            orders.append("X").append(i).append(",NOBODY,NOSPEC,2025-02-03,1,1\n");
        }

        ImportReport report = rejected(ImportKind.ORDERS, orders.toString().getBytes(StandardCharsets.UTF_8),
                EncodingChoice.AUTO);

        assertThat(report.errorCount()).isEqualTo(3_000);
        assertThat(report.errors()).hasSize(1_000);
        assertThat(report.message()).contains("3000").contains("前 1000");
    }
}
