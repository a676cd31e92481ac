package cn.cm135.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.cycle.CycleService;
import cn.cm135.planning.targets.ForecastFixture;
import cn.cm135.planning.targets.TargetService;
import cn.cm135.planning.targets.TargetValues;
import cn.cm135.process.CycleVariables;

/**
 * The same application on a real PostgreSQL server (started inside the test JVM): Flyway's schema,
 * Camunda's, and the hand-computed forecast of {@link ForecastFixture} give the same numbers as on H2.
 */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class PostgresTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired CycleService cycles;
    @Autowired TargetService targets;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;

    @Test
    void schemaAndForecastOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("staff", "market_department", "area", "route", "retail_customer",
                        "cigarette_spec", "order_line", "field_observation", "market_anomaly", "customer_demand",
                        "monthly_target", "monthly_cycle", "act_ru_task");
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'order_line'", String.class))
                .contains("ix_order_line_date_customer", "ix_order_line_date_spec");

        ForecastFixture fixture = new ForecastFixture(jdbc, "PG");
        YearMonth month = YearMonth.parse(ForecastFixture.MONTH);
        cycles.startMonth(month);
        String key = CycleVariables.businessKey(fixture.customerManager, month);
        String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi)
                .activityId("Task_PrefillTargets").singleResult().getId());

        assertThat(targets.get(fixture.customerManager, month).forecast())
                .isEqualTo(new TargetValues(60, new BigDecimal("146.36"), new BigDecimal("30.00"), 7));
        assertThat(taskService.createTaskQuery().processInstanceId(pi).list()).extracting(t -> t.getTaskDefinitionKey())
                .as("targets beside step 2 of a first month")
                .containsExactlyInAnyOrder("Task_SetTargets", "Task_BackfillDemands");
        assertThat(cycles.startMonth(month).alreadyRunning()).contains(fixture.customerManager);
    }
}
