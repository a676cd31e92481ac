package cn.cm135.postgres;

import java.io.IOException;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL server for one test class. Each PostgreSQL test class keeps its own server (in a
 * static field, closed after the class) because its fixture must be the whole marketing centre, e.g. for
 * company-wide ranks; this class only holds the start and the datasource properties they share.
 */
public final class OwnPostgres {

    private OwnPostgres() {
    }

    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    /** Points the test's Spring context at {@code postgres}. */
    public static void register(DynamicPropertyRegistry registry, EmbeddedPostgres postgres) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /**
     * Closes the test's Spring context, then the server. In that order: a context left in the test cache
     * would otherwise close at JVM exit against a stopped server, and surefire kills the fork after 30 s.
     * The test class carries {@code @DirtiesContext} so the closed context leaves the cache.
     */
    public static void stop(ConfigurableApplicationContext context, EmbeddedPostgres postgres) {
        context.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not stop", e);
        }
    }
}
