package cn.cm135.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample files of src/test/resources/imports, renamed per test: every code in them starts with
 * "IMP", and replacing that with a fresh prefix gives each test its own organisation, customers,
 * specs and orders in the shared test database, so exact counts hold in any test order.
 */
final class Samples {

    static final List<String> TABLES = List.of("staff", "market_department", "area", "route", "retail_customer",
            "cigarette_spec", "order_line", "field_observation", "market_anomaly");

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String prefix;

    private Samples(String prefix) {
        this.prefix = prefix;
    }

    static Samples fresh() {
        return new Samples("IMP" + PREFIXES.incrementAndGet() + "X");
    }

    String prefix() {
        return prefix;
    }

    /** The sample of a kind as text without BOM, codes renamed to this prefix. */
    String text(ImportKind kind) {
        try (InputStream in = Samples.class.getResourceAsStream("/imports/" + kind.pathName() + ".csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("\uFEFF", "").replace("IMP", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(body, 0, bytes, BOM.length, body.length);
        return bytes;
    }

    static byte[] gbk(String text) {
        return text.getBytes(Charset.forName("GBK"));
    }

    static ImportReport run(ImportService service, ImportKind kind, byte[] bytes, EncodingChoice encoding) {
        try {
            return service.importCsv(kind, kind.pathName() + ".csv", new ByteArrayInputStream(bytes), encoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports this prefix's sample of a kind as UTF-8 with BOM, the way the samples are shipped. */
    ImportReport importSample(ImportService service, ImportKind kind) {
        return run(service, kind, utf8WithBom(text(kind)), EncodingChoice.AUTO);
    }

    /** Imports organisation, customers and specs: what orders and observations refer to. */
    void importReferenceData(ImportService service) {
        for (ImportKind kind : List.of(ImportKind.ORGANIZATION, ImportKind.CUSTOMERS, ImportKind.SPECS)) {
            ImportReport report = importSample(service, kind);
            if (!report.imported()) {
                throw new IllegalStateException(report.toText());
            }
        }
    }

    static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return counts;
    }

    static TableCount table(ImportReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst()
                .orElseThrow(() -> new AssertionError("no count for " + table + " in " + report));
    }
}
