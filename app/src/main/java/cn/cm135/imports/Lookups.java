package cn.cm135.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reference data an import checks rows against. Small enough to hold in memory (a city has some
 * 30,000 retailers, 300 specs, a few hundred routes), which saves a query per row.
 */
@Component
class Lookups {

    private final JdbcTemplate jdbc;

    Lookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> routeCodes() {
        return new HashSet<>(jdbc.queryForList("select code from route", String.class));
    }

    Set<String> specCodes() {
        return new HashSet<>(jdbc.queryForList("select code from cigarette_spec", String.class));
    }

    Map<String, Long> customerIdsByLicence() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select licence_no, id from retail_customer", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }
}
