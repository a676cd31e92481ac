package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cm135.cycle.PlanPhaseDriver.Run;
import cn.cm135.organization.Organization;
import cn.cm135.organization.Organization.CustomerManager;
import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * Issue 5's whole month, end to end, on PostgreSQL with the demo city the app loads itself on its first start
 * (cm135.demo=true; demo users cm01…cm08, mm01, mm02, yx01, password = user id). Every task is done by the
 * person it is assigned to, through the REST resources Tasklist uses ({@link TasklistClient}); the job executor
 * is off and the test runs each instance's asynchronous jobs itself, with the engine clock (and so the app's
 * {@code Clock}) set to when a person would work.
 *
 * <p>Months, never from the real date ({@link E2eMonth}): the tested month M is {@code -Dcm135.e2e.month} or
 * December 2026; the app starts as if on the evening before M's first working day, so the demo's orders end then.
 * First the month before M, for all eight at once (everyone's first month in cm135; the three month-start analyses
 * of the month before that are raced for by the eight instances); then M for cm01 alone, whose improvement measures
 * of the month before reach M's steps 5 and 10.
 *
 * <p>Demo users get password = user id without the initial-password mark ({@code InitialPasswords.USER_ID}), so
 * they call the REST API at once, as a person logged in to Tasklist would; nothing is set up for them here.
 *
 * <p>After step 11 both runs go on day by day to the month's end and past it to the 3rd ({@link
 * ImplementPhaseDriver}): the weeks (12, 13 per visit day, 15), the results with the market manager's review (14),
 * the month summary (16), until the instance ends.
 */
@OwnPostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "cm135.demo=true"})
@ActiveProfiles({"test", "postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeMonthEndToEndTests {

    static final int THREADS = 4;
    static final YearMonth MONTH = E2eMonth.month();

    static long contextRequested;
    static long demoStarted;
    static long demoFinished;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired Organization organization;
    @Autowired ApplicationContext context;
    @Autowired Clock clock;

    MonthChecks checks;

    @DynamicPropertySource
    static void pinDemoToday(DynamicPropertyRegistry registry) {
        E2eMonth.pinDemoToday(MONTH);
        contextRequested = System.nanoTime();
    }

    /** Times the demo load: runners just before and just after DemoDatasetRunner (HIGHEST_PRECEDENCE + 10). */
    @TestConfiguration
    static class DemoLoadTiming {

        @Bean
        @org.springframework.core.annotation.Order(Ordered.HIGHEST_PRECEDENCE + 9)
        ApplicationRunner beforeDemoLoad() {
            return args -> demoStarted = System.nanoTime();
        }

        @Bean
        @org.springframework.core.annotation.Order(Ordered.HIGHEST_PRECEDENCE + 11)
        ApplicationRunner afterDemoLoad() {
            return args -> demoFinished = System.nanoTime();
        }
    }

    @BeforeAll
    void demoCityIsLoaded() {
        checks = new MonthChecks(rest, context);
        long contextReady = System.nanoTime();
        LocalDate lastOrder = jdbc.queryForObject("select max(order_date) from order_line", LocalDate.class);
        Integer orderLines = jdbc.queryForObject("select count(*) from order_line", Integer.class);
        System.out.printf("[E2E] month %s; context start %.1f s, of which demo load (rows, roll-ups, users) %.1f s;"
                + " %d order lines up to %s%n", MONTH, MonthChecks.seconds(contextReady - contextRequested),
                MonthChecks.seconds(demoFinished - demoStarted), orderLines, lastOrder);
        assertThat(lastOrder).as("the demo's orders end before the tested month")
                .isBefore(MONTH.atDay(1)).isAfter(MONTH.minusMonths(1).atDay(20));
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(organization.activeCustomerManagers()).extracting(CustomerManager::id)
                .containsExactly("cm01", "cm02", "cm03", "cm04", "cm05", "cm06", "cm07", "cm08");
    }

    @AfterAll
    void stop() {
        ClockUtil.reset();
    }

    /**
     * The month before the tested month, for all eight customer managers at once, everyone's first month in cm135:
     * the kick-off timer of {@code cycle-kickoff} fires,
     * then, day by day, four threads take the eight instances through that day's steps (a thread works one
     * instance at a time, its customer manager and their market manager; every other market manager rejects
     * each review once), racing for the month-start analyses. Afterwards nothing is lost or duplicated.
     */
    @Test
    @Order(1)
    void allCustomerManagersConcurrently() throws Exception {
        YearMonth month = MONTH.minusMonths(1);
        PlanPhaseDriver.setClock(month.atDay(1), 6, 0);
        Job kickOff = managementService.createJobQuery().processDefinitionKey("cycle-kickoff").timers().singleResult();
        managementService.executeJob(kickOff.getId());
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("startedCount").list())
                .as("the kick-off started every customer manager's month").singleElement()
                .satisfies(v -> assertThat(v.getValue()).isEqualTo(8));
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("%:" + month).list();
        assertThat(instances).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(
                organization.activeCustomerManagers().stream().map(c -> c.id() + ":" + month).toArray(String[]::new));

        PlanPhaseDriver driver = checks.planDriver(false);
        List<Run> runs = new ArrayList<>();
        for (CustomerManager cm : organization.activeCustomerManagers()) {
            String pi = instances.stream().filter(i -> i.getBusinessKey().startsWith(cm.id() + ":")).findFirst()
                    .orElseThrow().getId();
            runs.add(driver.run(cm.id(), cm.marketManagerId(), month, pi, runs.size() % 2 == 1));
        }
        // Day by day: the engine clock is global, so it moves only between days, when every thread is done.
        Map<String, Long> nanosPerManager;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            nanosPerManager = new LockStepMonth(pool, null, 10).planDays(driver, runs);
        } finally {
            pool.shutdownNow();
        }
        long raced = historyService.createHistoricJobLogQuery().failureLog()
                .activityIdIn("Task_AnalyseCustomers", "Task_AnalyseBrands", "Task_AnalyseMarket").count();
        System.out.printf("[E2E] %s, 8 customer managers on %d threads, steps 1-10: %.1f s; per manager %s s;"
                + " month-start analysis jobs that lost the race for the claim and were retried: %d%n", month, THREADS,
                MonthChecks.seconds(System.nanoTime() - started), new java.util.TreeMap<>(nanosPerManager).entrySet().stream()
                        .map(e -> e.getKey() + "=" + String.format("%.1f", MonthChecks.seconds(e.getValue()))).toList(), raced);

        String period = month.toString();
        String analysed = month.minusMonths(1).toString();
        assertThat(checks.count("select count(*) from monthly_cycle where period = ?", period)).isEqualTo(8);
        assertThat(checks.count("select count(distinct process_instance_id) from monthly_cycle where period = ?", period))
                .isEqualTo(8);
        for (String table : List.of("monthly_target", "strategy_plan", "monthly_work_plan", "visit_plan")) {
            assertThat(checks.count("select count(*) from " + table + " where period = ?", period)).as(table).isEqualTo(8);
            assertThat(checks.count("select count(distinct customer_manager_id) from " + table + " where period = ?", period))
                    .as(table).isEqualTo(8);
        }
        assertThat(jdbc.queryForList("select kind from analysis_run where period = ? order by kind", String.class,
                analysed)).as("each month-start analysis ran once").containsExactly("brands", "customers", "market");
        assertThat(checks.count("select count(*) from (select customer_id from customer_month_result where period = ? "
                + "group by customer_id having count(*) > 1) d", analysed)).isZero();
        assertThat(checks.count("select count(*) from customer_month_result where period = ? and not locked", analysed))
                .as("every customer manager confirmed step 5 for all their customers").isZero();
        for (Run run : runs) {
            checks.assertPlanPhaseStored(run);
        }
        assertThat(checks.count("select count(*) from (select customer_id, period, strategy_type, spec_key from service_strategy"
                + " where period = ? group by customer_id, period, strategy_type, spec_key having count(*) > 1) d", period))
                .isZero();
        assertThat(checks.count("select count(*) from service_strategy s join retail_customer c on c.id = s.customer_id"
                + " join route r on r.code = c.route_code join area a on a.code = r.area_code"
                + " where s.period = ? and a.customer_manager_id <> s.customer_manager_id", period))
                .as("every strategy is in its customer's manager's plan").isZero();
        for (Run run : runs) {
            checks.planVisits(driver, run);
        }

        // Steps 12–16, day by day in lock-step again: mornings (the day's records appear), evenings (recorded).
        ImplementPhaseDriver implement = checks.implementDriver();
        pool = Executors.newFixedThreadPool(THREADS);
        long implementStarted = System.nanoTime();
        try {
            new LockStepMonth(pool, null, 10).implementPhase(implement, runs, LocalDate.now(clock), checks::ended);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[E2E] %s, 8 customer managers on %d threads, steps 12-16: %.1f s%n", month, THREADS,
                MonthChecks.seconds(System.nanoTime() - implementStarted));
        for (Run run : runs) {
            checks.assertImplementPhaseStored(run);
            checks.assertCompletedTasks(run);
            checks.printImplementPhase(run, implementStarted);
        }
        for (String table : List.of("month_result", "month_summary")) {
            assertThat(checks.count("select count(*) from " + table + " where period = ?", period)).as(table).isEqualTo(8);
        }
        assertThat(checks.count("select count(*) from (select customer_id, visit_date from visit_record where period = ? "
                + "group by customer_id, visit_date having count(*) > 1) d", period)).isZero();
        assertThat(checks.count("select count(*) from (select customer_manager_id, week_start from week_summary where period = ? "
                + "group by customer_manager_id, week_start having count(*) > 1) d", period)).isZero();

        for (Run run : runs) {
            assertThat(run.outcome().firstMonth).as("%s: steps 2 and 3 ran", run.customerManagerId()).isTrue();
            assertThat(run.outcome().lastMonthImprovementsShown).as(run.customerManagerId())
                    .isEqualTo("上月工作总结尚未完成");
        }
    }

    /**
     * The tested month for cm01 alone ({@link MonthChecks#oneCustomerManagersMonth}), after the concurrent month: not
     * a first month, so no steps 2 and 3, and the improvement measures (改进) of cm01's summary of the month before
     * reach this month's analysis review (step 5) and work plan (step 10).
     */
    @Test
    @Order(2)
    void oneCustomerManagersMonthThroughTasklist() {
        Run run = checks.oneCustomerManagersMonth("cm01", MONTH);
        assertThat(run.outcome().firstMonth).isFalse();
        String measures = jdbc.queryForObject("select improvement_measures from month_summary "
                + "where customer_manager_id = 'cm01' and period = ?", String.class, MONTH.minusMonths(1).toString());
        assertThat(measures).startsWith("cm01：");
        assertThat(run.outcome().lastMonthImprovementsShown).isEqualTo(measures);
        assertThat(run.outcome().workPlanImprovementsShown).isEqualTo(measures);
        assertThat(jdbc.queryForObject("select improvement_measures from monthly_work_plan where customer_manager_id = "
                + "'cm01' and period = ?", String.class, MONTH.toString())).isEqualTo(measures);
    }
}
