package cn.cm135.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cm135.TestOrganization;

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
    @Autowired TransactionTemplate transactions;

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

    /**
     * Two customer managers' 计算经营效果与经营能力 jobs run at the same moment (two job executor threads, or two nodes):
     * both wait on the analysis' lock, one computes the month, the other finds it done when the first commits, and
     * neither fails (before work_lock, the second failed on analysis_run's key and waited a minute for its retry).
     */
    @Test
    void twoJobsReachingTheMonthStartAnalysisAtOnceComputeItOnceAndNeitherFails() throws Exception {
        YearMonth month = YearMonth.of(2033, 5);
        TestOrganization org = new TestOrganization(jdbc, "LCK");
        org.department("D1", "mm1", "钱并发");
        List<String> cms = List.of(org.customerManager("D1", "cm1", "孙并发"), org.customerManager("D1", "cm2", "李并发"));
        org.spec("S1", "并发烟", "120", true);
        long c1 = org.customer("cm1", "C1", 10, "ACTIVE");
        long c2 = org.customer("cm2", "C2", 10, "ACTIVE");
        org.order(c1, "S1", LocalDate.of(2033, 4, 3), 10, "120");
        org.order(c2, "S1", LocalDate.of(2033, 4, 10), 7, "120");
        cycles.startMonth(month);
        List<String> jobs = new ArrayList<>();
        for (String cm : cms) {
            String pi = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(CycleVariables.businessKey(cm, month)).singleResult().getId();
            for (String step : List.of("Task_BackfillDemands", "Task_BackfillBrandTargets", "Task_ConfirmDemands")) {
                taskService.complete(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step)
                        .singleResult().getId());
            }
            jobs.add(managementService.createJobQuery().processInstanceId(pi).activityId("Task_AnalyseCustomers")
                    .singleResult().getId());
        }

        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            // The test holds the lock first, so that both jobs are under way, waiting, when it lets go.
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.queryForList("select name from work_lock where name = 'analysis-customers' for update");
                await(release);
            }));
            awaitLockWaiters(0);
            List<Future<?>> running = jobs.stream().<Future<?>>map(job -> threads.submit(() -> managementService.executeJob(job)))
                    .toList();
            awaitLockWaiters(2);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            for (Future<?> job : running) {
                job.get(60, TimeUnit.SECONDS); // throws if the job failed
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(managementService.createJobQuery().jobIds(Set.copyOf(jobs)).list()).as("both jobs done, none to retry")
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from analysis_run where period = '2033-04' and kind = 'customers'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select r.customer_id from customer_month_result r join retail_customer c on c.id = "
                + "r.customer_id where r.period = '2033-04' and c.licence_no like 'LCK%' order by r.customer_id", Long.class)).containsExactly(c1, c2);
        for (String cm : cms) {
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(CycleVariables.businessKey(cm, month))
                    .taskDefinitionKey("Task_ReviewCustomerAnalysis").count()).as(cm).isEqualTo(1);
        }
    }

    /** Waits until {@code n} other sessions wait on a row lock of work_lock (pg_locks' granted = false: n). */
    private void awaitLockWaiters(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String waiting = "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%work_lock%'";
        while (jdbc.queryForObject(waiting, Integer.class) != n) {
            assertThat(System.nanoTime()).as("%d sessions waiting on work_lock", n).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
