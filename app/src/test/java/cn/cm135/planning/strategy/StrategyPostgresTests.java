package cn.cm135.planning.strategy;


import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.cm135.postgres.OwnPostgres;

/**
 * {@link StrategyRuleTests} on its own embedded PostgreSQL: the ten rules and their near misses, and the
 * redeployed table, give the same strategies with the same reasons as on H2 (the same SQL, unchanged).
 */
@DirtiesContext
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class StrategyPostgresTests extends StrategyRuleTests {

    static final EmbeddedPostgres POSTGRES = OwnPostgres.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OwnPostgres.register(registry, POSTGRES);
    }

    @AfterAll
    static void stop(@Autowired ConfigurableApplicationContext context) {
        OwnPostgres.stopWith(context, POSTGRES);
    }
}
