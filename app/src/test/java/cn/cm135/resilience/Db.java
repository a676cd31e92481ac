package cn.cm135.resilience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's own look at the database the child apps share, through plain JDBC: one connection a query, closed
 * at once, so that an H2 file database is never held open by the test JVM when a child starts (H2's AUTO_SERVER
 * makes the first JVM that opens the file its server; that must stay the child, which is the one killed).
 */
final class Db {

    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;

    Db(Connector connector) {
        this.connector = connector;
    }

    long count(String sql, Object... args) {
        Object value = value(sql, args);
        return value == null ? 0 : ((Number) value).longValue();
    }

    Object value(String sql, Object... args) {
        List<List<Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    List<List<Object>> rows(String sql, Object... args) {
        try (Connection connection = connector.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<String> strings(String sql, Object... args) {
        return rows(sql, args).stream().map(row -> String.valueOf(row.get(0))).toList();
    }
}
