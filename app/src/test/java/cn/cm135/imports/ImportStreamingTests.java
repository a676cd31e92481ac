package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A large order export is streamed from disk and written in batches; the speed is printed, not asserted. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportStreamingTests {

    private static final int ROWS = 200_000;

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoHundredThousandOrderLinesImportFromATempFile(@TempDir Path dir) throws IOException {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String p = samples.prefix();
        Path file = dir.resolve("orders.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFF订单号,许可证号,规格编码,订货日期,数量,金额\r\n");
            for (int i = 0; i < ROWS; i++) {
                int customer = i % 6 + 1;
                int spec = i % 5 + 1;
                out.write(p + "BIG" + (i / 5) + "," + p + "00000000" + customer + "," + p + "S0" + spec
                        + ",2025-03-" + String.format("%02d", i % 28 + 1) + "," + (i % 9 + 1) + "," + (i % 9 + 1) * 100 + ".00\r\n");
            }
        }

        long started = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.importCsv(ImportKind.ORDERS, "orders.csv", in, EncodingChoice.AUTO);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Imported %,d order lines (%,d bytes) in %.1f s: %,.0f rows/s%n", ROWS, Files.size(file),
                seconds, ROWS / seconds);

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(ROWS);
        assertThat(report.tables()).containsExactly(new TableCount("order_line", ROWS, ROWS, 0, 0));
        assertThat(jdbc.queryForObject("select count(*) from order_line where order_no like ?", Long.class, p + "BIG%"))
                .isEqualTo(ROWS);
    }
}
