package cn.cm135.postgres;

import java.io.IOException;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
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
     * Stops {@code postgres} when the test's Spring context closes (the class carries {@code @DirtiesContext}),
     * after the data source and everything using it: a context left in the test cache would otherwise close at
     * JVM exit against a stopped server, and surefire kills the fork after 30 s.
     */
    public static void stopWith(ConfigurableApplicationContext context, EmbeddedPostgres postgres) {
        DefaultSingletonBeanRegistry beans = (DefaultSingletonBeanRegistry) context.getBeanFactory();
        beans.registerDisposableBean("ownPostgres", postgres::close);
        beans.registerDependentBean("ownPostgres", "dataSource");
    }
}
