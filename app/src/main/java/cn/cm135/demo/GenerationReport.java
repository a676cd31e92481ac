package cn.cm135.demo;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Rows written per table and how long generating and writing them took. */
record GenerationReport(DatasetSize size, Map<Table, Long> rows, Duration elapsed, String writer) {

    long rows(Table table) {
        return rows.getOrDefault(table, 0L);
    }

    long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    String describe() {
        String perTable = rows.entrySet().stream()
                .filter(e -> e.getKey() != Table.DEPARTMENT_MANAGER)
                .map(e -> String.format("  %-18s %,12d", e.getKey().tableName(), e.getValue()))
                .collect(Collectors.joining("\n"));
        return String.format("Generated the %s dataset with %s: %,d rows in %.1f s%n%s",
                size.name().toLowerCase(), writer, totalRows(), elapsed.toMillis() / 1000.0, perTable);
    }
}
