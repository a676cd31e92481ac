package cn.cm135.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Buffers rows for one {@link UpsertStatement} and sends them as JDBC batches of a few thousand, so
 * that a large file costs a few round trips per chunk rather than per row, and memory stays flat.
 *
 * <p>Once the file has a bad row nothing more is written: the transaction will be rolled back anyway,
 * and the remaining rows are only read to report their errors too.
 */
final class UpsertBatch {

    private final JdbcTemplate jdbc;
    private final UpsertStatement upsert;
    private final String updateSql;
    private final String insertSql;
    private final int[] updateTypes;
    private final int[] insertTypes;
    private final int[] keyPositions;
    private final int size;
    private final ImportErrors errors;
    // A key repeated within a chunk: the later row wins, as it would in separate chunks.
    private final Map<List<Object>, Object[]> buffer = new LinkedHashMap<>();
    private Listener listener = new Listener() { };
    private long rows;
    private long inserted;
    private long updated;

    UpsertBatch(JdbcTemplate jdbc, UpsertStatement upsert, int size, ImportErrors errors) {
        this.jdbc = jdbc;
        this.upsert = upsert;
        this.updateSql = upsert.updateSql();
        this.insertSql = upsert.insertSql();
        this.updateTypes = upsert.updateTypes();
        this.insertTypes = upsert.insertTypes();
        this.keyPositions = upsert.keyPositions();
        this.size = size;
        this.errors = errors;
    }

    /** Sees each chunk of rows (values in declaration order) before it is written, and what it changed. */
    interface Listener {

        default void beforeWrite(List<Object[]> chunk) {
        }

        /** The rows of the chunk that were inserted or updated (identical rows are left alone). */
        default void written(List<Object[]> changed) {
        }
    }

    UpsertBatch listener(Listener listener) {
        this.listener = listener;
        return this;
    }

    /** Values in the order the statement's columns were declared. */
    void add(Object... values) {
        if (errors.any()) {
            buffer.clear();
            return;
        }
        rows++;
        buffer.put(Arrays.stream(keyPositions).mapToObj(i -> values[i]).toList(), values);
        if (buffer.size() >= size) {
            flush();
        }
    }

    void flush() {
        if (errors.any() || buffer.isEmpty()) {
            buffer.clear();
            return;
        }
        List<Object[]> chunk = List.copyOf(buffer.values());
        listener.beforeWrite(chunk);
        int[] updates = updateSql == null ? new int[chunk.size()]
                : jdbc.batchUpdate(updateSql, arguments(true), updateTypes);
        int[] inserts = jdbc.batchUpdate(insertSql, arguments(false), insertTypes);
        updated += sum(updates);
        inserted += sum(inserts);
        List<Object[]> changed = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (updates[i] > 0 || inserts[i] > 0) {
                changed.add(chunk.get(i));
            }
        }
        listener.written(changed);
        buffer.clear();
    }

    private List<Object[]> arguments(boolean forUpdate) {
        List<Object[]> arguments = new ArrayList<>(buffer.size());
        for (Object[] row : buffer.values()) {
            arguments.add(forUpdate ? upsert.updateArguments(row) : upsert.insertArguments(row));
        }
        return arguments;
    }

    private static long sum(int[] counts) {
        return Arrays.stream(counts).filter(c -> c > 0).asLongStream().sum();
    }

    /**
     * For rows a caller inserted half-filled just before (to satisfy a foreign key cycle) and this
     * batch then completed: to the person importing, they are new rows.
     */
    void countUpdatesAsInserts(long completed) {
        inserted += completed;
        updated -= completed;
    }

    /** Flushes what is left and tells what happened to the table. */
    TableCount finish() {
        flush();
        return new TableCount(upsert.table(), rows, inserted, updated, rows - inserted - updated);
    }
}
