package cn.cm135.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a report's SQL: the selected columns, in order, are the cells of the report's columns (two for a
 * {@link Column.Kind#LINK}). One query per table, however many rows; the SQL must run unchanged on H2 and
 * PostgreSQL.
 */
@Component
public class ReportSql {

    private final NamedParameterJdbcTemplate jdbc;

    ReportSql(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The scope condition on a column holding a customer manager's staff id: every row for the whole
     * centre, else the rows of the scope's customer managers.
     */
    public static String managedBy(String column) {
        return "(:everyone = true or " + column + " in (:managers))";
    }

    /** A table whose rows are the query's rows. */
    @Transactional(readOnly = true)
    public ReportSection section(String caption, List<Column> columns, String sql, ReportRequest request) {
        List<List<Object>> rows = jdbc.query(sql, request.parameters(), (rs, i) -> cells(columns, rs));
        return new ReportSection(caption, columns, rows);
    }

    /** A table with a total row from a second query (one row, same columns); no total when there are no rows. */
    @Transactional(readOnly = true)
    public ReportSection section(String caption, List<Column> columns, String sql, String totalSql,
            ReportRequest request) {
        ReportSection section = section(caption, columns, sql, request);
        if (section.rows().isEmpty()) {
            return section;
        }
        return section.withTotal(jdbc.queryForObject(totalSql, request.parameters(), (rs, i) -> cells(columns, rs)));
    }

    /** Rows of free shape (notes, lookups), mapped by the caller. */
    @Transactional(readOnly = true)
    public <T> List<T> query(String sql, ReportRequest request, RowMapper<T> mapper) {
        return query(sql, request.parameters(), mapper);
    }

    /** The same with the request's parameters and more ({@link ReportRequest#parameters()} plus the caller's). */
    @Transactional(readOnly = true)
    public <T> List<T> query(String sql, MapSqlParameterSource parameters, RowMapper<T> mapper) {
        return jdbc.query(sql, parameters, mapper);
    }

    private static List<Object> cells(List<Column> columns, ResultSet rs) throws SQLException {
        int expected = columns.stream().mapToInt(Column::width).sum();
        if (rs.getMetaData().getColumnCount() != expected) {
            throw new IllegalStateException("the report query selects " + rs.getMetaData().getColumnCount()
                    + " columns for " + expected + " expected by its columns");
        }
        List<Object> cells = new ArrayList<>(columns.size());
        int index = 1;
        for (Column column : columns) {
            if (column.kind() == Column.Kind.LINK) {
                String text = rs.getString(index);
                String href = rs.getString(index + 1);
                cells.add(href == null ? text : new ReportLink(text, href));
            } else {
                cells.add(rs.getObject(index));
            }
            index += column.width();
        }
        return cells;
    }
}
