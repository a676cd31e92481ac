package cn.cm135.postgres;

import java.io.IOException;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Embedded PostgreSQL servers for tests: {@link #start()} for a test that runs the app itself (as a child
 * process or a {@code SpringApplication}), {@link Initializer} (through {@link OwnPostgresDatabase}) for a test
 * class's Spring context.
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

    /**
     * Starts a server for the context being created, points the data source at it, and stops it when the context
     * closes — after the data source and everything using it: a server stopped first would leave the context's
     * pool retrying at JVM exit, and surefire kills the fork after 30 s.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            EmbeddedPostgres postgres = start();
            TestPropertyValues.of("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres", "spring.datasource.password=").applyTo(context);
            DefaultSingletonBeanRegistry beans = (DefaultSingletonBeanRegistry) context.getBeanFactory();
            beans.registerDisposableBean("ownPostgres", postgres::close);
            beans.registerDependentBean("ownPostgres", "dataSource");
        }
    }
}
