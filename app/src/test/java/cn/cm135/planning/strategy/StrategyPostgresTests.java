package cn.cm135.planning.strategy;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * {@link StrategyRuleTests} on its own embedded PostgreSQL: the ten rules and their near misses, and the
 * redeployed table, give the same strategies with the same reasons as on H2 (the same SQL, unchanged).
 */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class StrategyPostgresTests extends StrategyRuleTests {

}
