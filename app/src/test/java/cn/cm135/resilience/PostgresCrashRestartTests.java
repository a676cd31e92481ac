package cn.cm135.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import cn.cm135.postgres.OwnPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link CrashRestartScenario} on PostgreSQL (the {@code postgres} profile, an embedded server of the test's own):
 * the server outlives each kill and rolls back the dead node's open transactions when its connections drop.
 */
class PostgresCrashRestartTests extends CrashRestartScenario {

    private EmbeddedPostgres postgres;

    @Override
    String database() {
        return "postgres";
    }

    /** The analysis takes about a second on PostgreSQL. */
    @Override
    int lockMillis() {
        return 15_000;
    }

    @Override
    Map<String, String> databaseProperties() {
        return Map.of("spring.profiles.active", "postgres",
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres", "spring.datasource.password", "",
                "cm135.admin-password", "admin");
    }

    @Override
    Db openDb() {
        postgres = OwnPostgres.start();
        return new Db(() -> postgres.getPostgresDatabase().getConnection());
    }

    @Override
    void closeDatabase() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
