package cn.cm135.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The test class's Spring context runs on an embedded PostgreSQL server of its own ({@link OwnPostgres}),
 * started before the context and stopped after it; the context is not cached, since its fixture is a whole
 * marketing centre (company-wide ranks) that no other class may share. Put beside {@code @SpringBootTest} and
 * {@code @ActiveProfiles({"test", "postgres"})}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DirtiesContext
@ContextConfiguration(initializers = OwnPostgres.Initializer.class)
public @interface OwnPostgresDatabase {
}
