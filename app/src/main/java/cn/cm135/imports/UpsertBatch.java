package cn.cm135.imports;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Buffers rows for one {@link MergeStatement} and sends them as JDBC batches of a few thousand, so
 * that a large file costs one round trip per chunk rather than per row, and memory stays flat.
 *
 * <p>Once the file has a bad row nothing more is written: the transaction will be rolled back anyway,
 * and the remaining rows are only read to report their errors too.
 *
 * <p>Inserted rows are counted as the growth of the table within the import's transaction; the
 * MERGE's update counts (changed rows only, see {@link MergeStatement}) give inserted + updated.
 */
final class UpsertBatch {

    private final JdbcTemplate jdbc;
    private final MergeStatement merge;
    private final String sql;
    private final int[] types;
    private final int size;
    private final ImportErrors errors;
    private final long rowsBefore;
    private final List<Object[]> buffer = new ArrayList<>();
    private long written;
    private long affected;

    UpsertBatch(JdbcTemplate jdbc, MergeStatement merge, int size, ImportErrors errors) {
        this.jdbc = jdbc;
        this.merge = merge;
        this.sql = merge.sql();
        this.types = merge.types();
        this.size = size;
        this.errors = errors;
        this.rowsBefore = countRows();
    }

    /** Values in the order the statement's columns were declared. */
    void add(Object... values) {
        if (errors.any()) {
            buffer.clear();
            return;
        }
        buffer.add(values);
        if (buffer.size() >= size) {
            flush();
        }
    }

    void flush() {
        if (errors.any() || buffer.isEmpty()) {
            buffer.clear();
            return;
        }
        for (int count : jdbc.batchUpdate(sql, buffer, types)) {
            affected += Math.max(count, 0);
        }
        written += buffer.size();
        buffer.clear();
    }

    /** Flushes what is left and tells what happened to the table. */
    TableCount finish() {
        flush();
        long inserted = countRows() - rowsBefore;
        long updated = affected - inserted;
        return new TableCount(merge.table(), written, inserted, updated, written - inserted - updated);
    }

    private long countRows() {
        Long rows = jdbc.queryForObject("select count(*) from " + merge.table(), Long.class);
        return rows == null ? 0 : rows;
    }
}
