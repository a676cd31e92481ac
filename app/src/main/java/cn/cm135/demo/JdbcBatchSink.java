package cn.cm135.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Writes rows with JDBC batches of {@value #BATCH_SIZE}, one commit per batch: works on H2 and
 * PostgreSQL, keeps memory flat and never holds one huge transaction.
 */
final class JdbcBatchSink implements DatasetSink {

    static final int BATCH_SIZE = 5_000;

    private final Connection connection;
    private Table current;
    private PreparedStatement statement;
    private int pending;

    /** The connection must have auto-commit off; it stays open, the caller closes it. */
    JdbcBatchSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void write(Row row) {
        try {
            if (row.table() != current) {
                switchTo(row.table());
            }
            bind(statement, row);
            statement.addBatch();
            if (++pending == BATCH_SIZE) {
                flush();
            }
        } catch (SQLException e) {
            throw new DatasetWriteException("could not write " + row, e);
        }
    }

    @Override
    public void finish() {
        try {
            switchTo(null);
        } catch (SQLException e) {
            throw new DatasetWriteException("could not finish the last batch", e);
        }
    }

    private void switchTo(Table table) throws SQLException {
        if (statement != null) {
            flush();
            statement.close();
            statement = null;
        }
        current = table;
        if (table != null) {
            statement = connection.prepareStatement(table.insertSql());
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    static void bind(PreparedStatement statement, Row row) throws SQLException {
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, row.table().sqlType(i));
            } else if (value instanceof LocalDate date) {
                statement.setDate(i + 1, Date.valueOf(date));
            } else {
                statement.setObject(i + 1, value, row.table().sqlType(i));
            }
        }
    }
}
