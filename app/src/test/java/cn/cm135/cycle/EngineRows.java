package cn.cm135.cycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row counts of the engine's history ({@code ACT_HI_*}) and runtime ({@code ACT_RU_*}) tables at one moment, so a
 * benchmark can say what one process instance leaves behind: snapshot before, snapshot after, divide the difference.
 * {@code ACT_GE_BYTEARRAY} is counted apart (rows and bytes): the serialized Json variables and their history live
 * there, the bulk of what a month of forms leaves on disk.
 */
record EngineRows(long history, long runtime, long byteArrays, long byteArrayBytes, Map<String, Long> perTable) {

    static EngineRows count(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and (lower(table_name) like 'act\\_hi\\_%' "
                + "or lower(table_name) like 'act\\_ru\\_%') order by table_name", String.class);
        Map<String, Long> rows = new LinkedHashMap<>();
        long history = 0;
        long runtime = 0;
        for (String table : tables) {
            Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
            rows.put(table.toLowerCase(), n);
            if (table.toLowerCase().startsWith("act_hi_")) {
                history += n;
            } else {
                runtime += n;
            }
        }
        Map<String, Object> bytes = jdbc.queryForMap("select count(*) as n, coalesce(sum(length(bytes_)), 0) as b "
                + "from act_ge_bytearray");
        return new EngineRows(history, runtime, ((Number) bytes.get("n")).longValue(),
                ((Number) bytes.get("b")).longValue(), rows);
    }

    /** What was added since {@code before}, per table (tables that grew or shrank only). */
    Map<String, Long> since(EngineRows before) {
        Map<String, Long> delta = new LinkedHashMap<>();
        perTable.forEach((table, n) -> {
            long d = n - before.perTable.getOrDefault(table, 0L);
            if (d != 0) {
                delta.put(table, d);
            }
        });
        return delta;
    }
}
