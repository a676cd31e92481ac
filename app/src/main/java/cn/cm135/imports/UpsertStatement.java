package cn.cm135.imports;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Upserts a row by its natural key as a pair of plain statements that run unchanged on H2 2.x and
 * PostgreSQL:
 *
 * <pre>
 * UPDATE t SET a = ?, ... WHERE key = ? AND (a IS DISTINCT FROM ? OR ...)
 * INSERT INTO t (key, a, ...) SELECT ?, ?, ... WHERE NOT EXISTS (SELECT 1 FROM t WHERE key = ?)
 * </pre>
 *
 * Why not one standard {@code MERGE}: H2 2.x executes {@code MERGE ... USING (VALUES ...)} by scanning
 * the target table for every source row (200,000 order lines did not finish in 15 minutes), and a MERGE
 * can't tell an insert from an update. Here both statements use the key's unique index, the update
 * leaves identical rows alone (so a second import writes nothing), and the two update counts are
 * exactly "updated" and "inserted". The casts give PostgreSQL parameter types it can't infer.
 */
final class UpsertStatement {

    /** How a column takes part in the upsert. */
    private enum Role { KEY, VALUE, KEEP_WHEN_NULL }

    private record Part(String name, String sqlType, int jdbcType, Role role, String insertDefault) {

        String parameter() {
            return "CAST(? AS " + sqlType + ")";
        }

        /** The value the row should have after an update. */
        String newValue() {
            return role == Role.KEEP_WHEN_NULL ? "COALESCE(" + parameter() + ", " + name + ")" : parameter();
        }

        String insertValue() {
            return insertDefault == null ? parameter() : "COALESCE(" + parameter() + ", " + insertDefault + ")";
        }
    }

    private final String table;
    private final List<Part> parts = new ArrayList<>();
    private String surrogateId;

    private UpsertStatement(String table) {
        this.table = table;
    }

    static UpsertStatement into(String table) {
        return new UpsertStatement(table);
    }

    UpsertStatement key(String column, String sqlType) {
        parts.add(new Part(column, sqlType, jdbcType(sqlType), Role.KEY, null));
        return this;
    }

    /**
     * A table with a composite natural key and a surrogate primary key: the update finds its row
     * through the key's unique index in a subquery. Left to itself, H2 plans {@code UPDATE ... WHERE
     * order_no = ? AND spec_code = ?} (prepared while the table is small) on the foreign-key index of
     * spec_code and then scans tens of thousands of rows per update.
     */
    UpsertStatement identifiedBy(String idColumn) {
        this.surrogateId = idColumn;
        return this;
    }

    UpsertStatement value(String column, String sqlType) {
        parts.add(new Part(column, sqlType, jdbcType(sqlType), Role.VALUE, null));
        return this;
    }

    /**
     * An optional value: blank in the file keeps what the database has (e.g. a grade computed by the
     * monthly analysis) and, for a new row, inserts {@code insertDefault} (an SQL literal, or null).
     */
    UpsertStatement keepWhenNull(String column, String sqlType, String insertDefault) {
        parts.add(new Part(column, sqlType, jdbcType(sqlType), Role.KEEP_WHEN_NULL, insertDefault));
        return this;
    }

    String table() {
        return table;
    }

    /** Positions of the key columns in a row of values, to spot repeated keys. */
    int[] keyPositions() {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).role() == Role.KEY) {
                positions.add(i);
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<Part> keys() {
        return parts.stream().filter(p -> p.role() == Role.KEY).toList();
    }

    private List<Part> values() {
        return parts.stream().filter(p -> p.role() != Role.KEY).toList();
    }

    private String keyCondition() {
        return keys().stream().map(p -> p.name() + " = " + p.parameter()).collect(Collectors.joining(" AND "));
    }

    /** Null when the table has nothing but key columns. */
    String updateSql() {
        if (values().isEmpty()) {
            return null;
        }
        String set = values().stream().map(p -> p.name() + " = " + p.newValue()).collect(Collectors.joining(", "));
        String changed = values().stream().map(p -> p.name() + " IS DISTINCT FROM " + p.newValue())
                .collect(Collectors.joining(" OR "));
        String row = surrogateId == null ? keyCondition()
                : surrogateId + " = (SELECT " + surrogateId + " FROM " + table + " WHERE " + keyCondition() + ")";
        return "UPDATE " + table + " SET " + set + " WHERE " + row + " AND (" + changed + ")";
    }

    String insertSql() {
        String names = parts.stream().map(Part::name).collect(Collectors.joining(", "));
        String inserted = parts.stream().map(Part::insertValue).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") SELECT " + inserted
                + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + keyCondition() + ")";
    }

    /** Parameters of {@link #updateSql()} for a row of values given in declaration order. */
    Object[] updateArguments(Object[] row) {
        return Stream.of(valueArguments(row), keyArguments(row), valueArguments(row)).flatMap(Stream::of).toArray();
    }

    int[] updateTypes() {
        return Stream.of(values(), keys(), values()).flatMap(List::stream).mapToInt(Part::jdbcType).toArray();
    }

    Object[] insertArguments(Object[] row) {
        return Stream.of(row, keyArguments(row)).flatMap(Stream::of).toArray();
    }

    int[] insertTypes() {
        return Stream.of(parts, keys()).flatMap(List::stream).mapToInt(Part::jdbcType).toArray();
    }

    private Object[] keyArguments(Object[] row) {
        return select(row, Role.KEY, true);
    }

    private Object[] valueArguments(Object[] row) {
        return select(row, Role.KEY, false);
    }

    private Object[] select(Object[] row, Role role, boolean matching) {
        List<Object> selected = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if ((parts.get(i).role() == role) == matching) {
                selected.add(row[i]);
            }
        }
        return selected.toArray();
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
            case "TIME" -> Types.TIME;
            case "BOOLEAN" -> Types.BOOLEAN;
            default -> throw new IllegalArgumentException("unsupported type " + sqlType);
        };
    }
}
