package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from the analysis results to the master data they were computed from
 * (customer_month_result → retail_customer, brand_month_result → area and cigarette_spec,
 * market_spec_price → cigarette_spec). The results are written only by the analyses' INSERT … SELECT,
 * which take these keys from the master tables themselves, and the application deletes no customer,
 * area or spec; checking ~75,000 references row by row cost 2–4 s of a city's month-start analysis
 * (README, "Benchmark"). The same reasoning as V14 for sales_month.
 *
 * <p>A Java migration because the constraints were created without names and H2 and PostgreSQL name
 * them differently: the names are read from the JDBC metadata.
 */
public class V26__analysis_results_without_master_data_foreign_keys extends BaseJavaMigration {

    private static final Map<String, Set<String>> REFERENCES_DROPPED = Map.of(
            "customer_month_result", Set.of("retail_customer"),
            "brand_month_result", Set.of("area", "cigarette_spec"),
            "market_spec_price", Set.of("cigarette_spec"));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DatabaseMetaData meta = connection.getMetaData();
        for (Map.Entry<String, Set<String>> table : REFERENCES_DROPPED.entrySet()) {
            String name = meta.storesUpperCaseIdentifiers() ? table.getKey().toUpperCase(Locale.ROOT) : table.getKey();
            Set<String> constraints = new TreeSet<>();
            try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
                while (keys.next()) {
                    if (table.getValue().contains(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT))) {
                        constraints.add(keys.getString("FK_NAME"));
                    }
                }
            }
            if (constraints.size() != table.getValue().size()) {
                throw new IllegalStateException("expected foreign keys of " + table.getKey() + " to " + table.getValue()
                        + ", found " + constraints);
            }
            for (String constraint : constraints) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("alter table " + table.getKey() + " drop constraint \"" + constraint + "\"");
                }
            }
        }
    }
}
