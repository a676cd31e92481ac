package cn.cm135.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs an import all or nothing: the whole file is read and written in one transaction, which is
 * rolled back when any row is bad, so a manager never has to work out which half of a file made it.
 */
@Service
class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Map<ImportKind, CsvImporter> importers = new EnumMap<>(ImportKind.class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final int maxErrors;
    private final MeterRegistry meters;

    ImportService(List<CsvImporter> importers, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            @Value("${cm135.import.batch-size:5000}") int batchSize,
            @Value("${cm135.import.max-errors:1000}") int maxErrors) {
        importers.forEach(importer -> this.importers.put(importer.kind(), importer));
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.batchSize = batchSize;
        this.maxErrors = maxErrors;
        this.meters = meters;
    }

    /** As {@link #read}, timed and counted per kind and outcome ({@code cm135.import.duration}, {@code cm135.import.rows}). */
    ImportReport importCsv(ImportKind kind, String fileName, InputStream in, EncodingChoice encoding) throws IOException {
        long started = System.nanoTime();
        // The operator's trace of a long import: a crash between these two lines leaves nothing of the file behind.
        // The file name is the uploader's: line breaks in it must not forge log lines.
        String file = fileName == null ? "" : fileName.replaceAll("[\\r\\n]", "_");
        log.info("Import of {} from {}: started", kind.pathName(), file);
        ImportReport report = read(kind, fileName, in, encoding);
        String outcome = report.imported() ? "imported" : "rejected";
        log.info("Import of {} from {}: {} ({} rows read) in {} ms", kind.pathName(), file, outcome,
                report.rowsRead(), (System.nanoTime() - started) / 1_000_000);
        Timer.builder("cm135.import.duration").description("CSV imports, the whole file in one transaction")
                .tags("kind", kind.pathName(), "outcome", outcome).register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Counter.builder("cm135.import.rows").description("Rows read by CSV imports").baseUnit("rows")
                .tags("kind", kind.pathName(), "outcome", outcome).register(meters).increment(report.rowsRead());
        return report;
    }

    /** An Excel workbook is read as the CSV of its first sheet (see {@link XlsxToCsv}), under the same rules. */
    private ImportReport read(ImportKind kind, String fileName, InputStream in, EncodingChoice encoding) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(8);
        byte[] head = buffered.readNBytes(4);
        buffered.reset();
        if (!XlsxToCsv.isXlsx(fileName, head)) {
            return readCsv(kind, fileName, buffered, encoding);
        }
        Path csv;
        try {
            csv = XlsxToCsv.convert(buffered);
        } catch (FileEncodingException e) {
            ImportErrors errors = new ImportErrors(maxErrors);
            errors.add(e.line(), null, e.getMessage());
            return ImportReport.rejected(kind, fileName, "xlsx", 0, errors);
        }
        try (InputStream sheet = Files.newInputStream(csv)) {
            ImportReport report = readCsv(kind, fileName, sheet, EncodingChoice.UTF_8);
            return report.withEncoding("xlsx");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private ImportReport readCsv(ImportKind kind, String fileName, InputStream in, EncodingChoice encoding)
            throws IOException {
        CsvImporter importer = importers.get(kind);
        ImportErrors errors = new ImportErrors(maxErrors);
        DecodedInput input;
        try {
            input = DecodedInput.open(in, encoding);
        } catch (FileEncodingException e) {
            errors.add(e.line(), null, e.getMessage());
            return ImportReport.rejected(kind, fileName, encoding.parameter(), 0, errors);
        }
        ImportReport report = transaction.execute(status -> {
            ImportContext context = new ImportContext(jdbc, errors, batchSize);
            try (CsvRows rows = CsvRows.open(input.reader(), importer.columns(), errors)) {
                if (rows != null) {
                    importer.importRows(rows, context);
                }
            } catch (IOException | UncheckedIOException e) {
                reportEncodingError(e, errors);
            }
            if (errors.any()) {
                status.setRollbackOnly();
                return ImportReport.rejected(kind, fileName, input.charsetName(), context.rowsRead(), errors);
            }
            return ImportReport.imported(kind, fileName, input.charsetName(), context.rowsRead(), context.finish(),
                    context.initialPasswords());
        });
        return report;
    }

    // Commons CSV wraps reader failures in UncheckedIOException; only encoding errors are the file's fault.
    private static void reportEncodingError(Exception e, ImportErrors errors) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof FileEncodingException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw e instanceof UncheckedIOException unchecked ? unchecked : new UncheckedIOException((IOException) e);
        }
        FileEncodingException encodingError = (FileEncodingException) cause;
        errors.add(encodingError.line(), null, encodingError.getMessage());
    }
}
