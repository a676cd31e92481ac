package cn.cm135.imports;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds one standard SQL {@code MERGE} that upserts a row by its natural key. The same text runs on
 * H2 2.x and PostgreSQL 15+:
 *
 * <pre>
 * MERGE INTO t USING (VALUES (CAST(? AS ...), ...)) AS s (cols) ON t.key = s.key
 * WHEN MATCHED AND (t.a IS DISTINCT FROM s.a OR ...) THEN UPDATE SET a = s.a, ...
 * WHEN NOT MATCHED THEN INSERT (cols) VALUES (s.cols)
 * </pre>
 *
 * The casts give PostgreSQL the parameter types it can't infer inside VALUES; the {@code AND} on the
 * matched branch leaves identical rows alone, so the update count tells changed from unchanged rows
 * and a second import of the same file writes nothing.
 */
final class MergeStatement {

    /** How a column takes part in the merge. */
    private enum Role { KEY, VALUE, KEEP_WHEN_NULL }

    private record Part(String name, String sqlType, int jdbcType, Role role, String insertDefault) {
    }

    private final String table;
    private final List<Part> parts = new ArrayList<>();

    private MergeStatement(String table) {
        this.table = table;
    }

    static MergeStatement into(String table) {
        return new MergeStatement(table);
    }

    MergeStatement key(String column, String sqlType) {
        parts.add(new Part(column, sqlType, jdbcType(sqlType), Role.KEY, null));
        return this;
    }

    MergeStatement value(String column, String sqlType) {
        parts.add(new Part(column, sqlType, jdbcType(sqlType), Role.VALUE, null));
        return this;
    }

    /**
     * An optional value: blank in the file keeps what the database has (e.g. a grade computed by the
     * monthly analysis) and, for a new row, inserts {@code insertDefault} (an SQL literal, or null).
     */
    MergeStatement keepWhenNull(String column, String sqlType, String insertDefault) {
        parts.add(new Part(column, sqlType, jdbcType(sqlType), Role.KEEP_WHEN_NULL, insertDefault));
        return this;
    }

    String table() {
        return table;
    }

    /** Parameter types, in the order values are passed. */
    int[] types() {
        return parts.stream().mapToInt(Part::jdbcType).toArray();
    }

    String sql() {
        String casts = parts.stream().map(p -> "CAST(? AS " + p.sqlType() + ")").collect(Collectors.joining(", "));
        String names = parts.stream().map(Part::name).collect(Collectors.joining(", "));
        String on = parts.stream().filter(p -> p.role() == Role.KEY)
                .map(p -> "t." + p.name() + " = s." + p.name()).collect(Collectors.joining(" AND "));
        List<Part> updatable = parts.stream().filter(p -> p.role() != Role.KEY).toList();
        String changed = updatable.stream()
                .map(p -> "t." + p.name() + " IS DISTINCT FROM " + newValue(p)).collect(Collectors.joining(" OR "));
        String set = updatable.stream().map(p -> p.name() + " = " + newValue(p)).collect(Collectors.joining(", "));
        String inserted = parts.stream().map(MergeStatement::insertValue).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder()
                .append("MERGE INTO ").append(table).append(" t USING (VALUES (").append(casts).append(")) AS s (")
                .append(names).append(") ON ").append(on);
        if (!updatable.isEmpty()) {
            sql.append(" WHEN MATCHED AND (").append(changed).append(") THEN UPDATE SET ").append(set);
        }
        return sql.append(" WHEN NOT MATCHED THEN INSERT (").append(names).append(") VALUES (")
                .append(inserted).append(")").toString();
    }

    private static String newValue(Part part) {
        return part.role() == Role.KEEP_WHEN_NULL
                ? "COALESCE(s." + part.name() + ", t." + part.name() + ")"
                : "s." + part.name();
    }

    private static String insertValue(Part part) {
        return part.insertDefault() == null
                ? "s." + part.name()
                : "COALESCE(s." + part.name() + ", " + part.insertDefault() + ")";
    }

    private static int jdbcType(String sqlType) {
        String base = sqlType.replaceAll("\\(.*", "").trim().toUpperCase();
        return switch (base) {
            case "VARCHAR" -> Types.VARCHAR;
            case "BIGINT" -> Types.BIGINT;
            case "INTEGER" -> Types.INTEGER;
            case "SMALLINT" -> Types.SMALLINT;
            case "NUMERIC" -> Types.NUMERIC;
            case "DATE" -> Types.DATE;
            case "BOOLEAN" -> Types.BOOLEAN;
            default -> throw new IllegalArgumentException("unsupported type " + sqlType);
        };
    }
}
