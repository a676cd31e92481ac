package cn.cm135.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** What one run of an importer works with and leaves behind for the report. */
final class ImportContext {

    private final JdbcTemplate jdbc;
    private final ImportErrors errors;
    private final int batchSize;
    private final List<UpsertBatch> batches = new ArrayList<>();
    private final List<TableCount> counts = new ArrayList<>();
    private final Map<String, String> initialPasswords = new LinkedHashMap<>();
    private long rowsRead;

    ImportContext(JdbcTemplate jdbc, ImportErrors errors, int batchSize) {
        this.jdbc = jdbc;
        this.errors = errors;
        this.batchSize = batchSize;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    ImportErrors errors() {
        return errors;
    }

    /** Opens a batch of upserts into one table. */
    UpsertBatch batch(UpsertStatement merge) {
        UpsertBatch batch = new UpsertBatch(jdbc, merge, batchSize, errors);
        batches.add(batch);
        return batch;
    }

    /** Reads rows until the end, counting them; handles each row the importer is given. */
    void forEachRow(CsvRows rows, java.util.function.Consumer<CsvRow> handler) {
        for (CsvRow row = rows.next(); row != null; row = rows.next()) {
            rowsRead++;
            handler.accept(row);
        }
    }

    long rowsRead() {
        return rowsRead;
    }

    void addInitialPasswords(Map<String, String> passwords) {
        initialPasswords.putAll(passwords);
    }

    Map<String, String> initialPasswords() {
        return initialPasswords;
    }

    /** Records what an importer wrote through a module's service rather than through a batch. */
    void count(TableCount count) {
        counts.add(count);
    }

    /** Flushes all batches; call once, after the last row, and only when the file had no bad row. */
    List<TableCount> finish() {
        List<TableCount> all = new ArrayList<>(batches.stream().map(UpsertBatch::finish).toList());
        all.addAll(counts);
        return all;
    }
}
