package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.cycle.PlanPhaseDriver.Run;
import cn.cm135.cycle.weeks.CycleWeeks;
import cn.cm135.organization.Organization;
import cn.cm135.organization.Organization.CustomerManager;
import cn.cm135.postgres.OwnPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 5's whole month, end to end, on PostgreSQL with the demo city the app loads itself on its first start
 * (cm135.demo=true; demo users cm01…cm08, mm01, mm02, yx01, password = user id). Every task is done by the
 * person it is assigned to, through the REST resources Tasklist uses ({@link TasklistClient}); the job executor
 * is off and the test runs each instance's asynchronous jobs itself, with the engine clock (and so the app's
 * {@code Clock}) set to when a person would work.
 *
 * <p>Months: the demo's orders run up to the day the context starts ("today"). The single customer manager's
 * month is the month before today's, so its analysed month and the month before are complete; the concurrent
 * run is today's month, for all eight, whose analysed month (last month) is complete as well and not yet
 * analysed, so its three month-start analyses are raced for by the eight instances. The single run's kick-off
 * starts the month for all eight; the other seven are cancelled, so from then on every customer manager has had a
 * month in cm135 and today's month is nobody's first (no steps 2 and 3 in the concurrent run).
 *
 * <p>Demo users get password = user id without the initial-password mark ({@code InitialPasswords.USER_ID}), so
 * they call the REST API at once, as a person logged in to Tasklist would; nothing is set up for them here.
 *
 * <p>After step 11 both runs go on day by day to the month's end and past it to the 3rd ({@link
 * ImplementPhaseDriver}): the weeks (12, 13 per visit day, 15), the results with the market manager's review (14),
 * the month summary (16), until the instance ends. cm01's month is the month before the concurrent run's, so the
 * concurrent run's cm01 shows cm01's improvement measures in steps 5 and 10; the others, whose month before was
 * cancelled, show that there is no summary.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "cm135.demo=true"})
@ActiveProfiles({"test", "postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeMonthEndToEndTests {

    static final EmbeddedPostgres POSTGRES = OwnPostgres.start();
    static final int THREADS = 4;
    /** The steps a market manager reviews, and the reviews: done twice after one rejection. */
    static final List<String> REVIEWED_STEPS = List.of("Task_SetTargets", "Task_ApproveTargets",
            "Task_AdjustStrategies", "Task_ApproveStrategies", "Task_SetWorkPlan", "Task_ApproveWorkPlan");

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
    @Autowired CycleWeeks cycleWeeks;

    final ObjectMapper json = new ObjectMapper();
    /** The last day of the demo's orders: "today" when the context started. */
    LocalDate today;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        // The demo's orders end "today" by the engine clock; another test class may have left it moved.
        ClockUtil.reset();
        contextRequested = System.nanoTime();
        OwnPostgres.register(registry, POSTGRES);
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
        long contextReady = System.nanoTime();
        today = jdbc.queryForObject("select max(order_date) from order_line", LocalDate.class);
        Integer orderLines = jdbc.queryForObject("select count(*) from order_line", Integer.class);
        System.out.printf("[E2E] context start %.1f s, of which demo load (rows, roll-ups, users) %.1f s;"
                + " %d order lines up to %s%n", seconds(contextReady - contextRequested),
                seconds(demoFinished - demoStarted), orderLines, today);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(organization.activeCustomerManagers()).extracting(CustomerManager::id)
                .containsExactly("cm01", "cm02", "cm03", "cm04", "cm05", "cm06", "cm07", "cm08");
    }

    @AfterAll
    void stop() throws IOException {
        ClockUtil.reset();
        POSTGRES.close();
    }

    /**
     * cm01's month before today's, kicked off by the marketing centre through {@code POST /api/cycles/{month}}:
     * targets rejected once then approved, steps 2–8 (first month, so with the backfill), strategies rejected once
     * then approved, work plan rejected once then approved, and step 11 opened.
     */
    @Test
    @Order(1)
    void oneCustomerManagersMonthThroughTasklist() {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        CustomerManager cm = organization.customerManager("cm01").orElseThrow();
        String mm = cm.marketManagerId();
        long started = System.nanoTime();

        PlanPhaseDriver.setClock(month, 1, 6, 0);
        ResponseEntity<Map> kickOff = rest.withBasicAuth("yx01", "yx01").postForEntity("/api/cycles/" + month, null,
                Map.class);
        assertThat(kickOff.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) kickOff.getBody().get("started")).hasSize(8).contains("cm01:" + month);
        // This run follows cm01 alone; the marketing centre cancels the others' month (their monthly_cycle rows stay).
        for (ProcessInstance other : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("%:" + month).list()) {
            if (!other.getBusinessKey().equals("cm01:" + month)) {
                runtimeService.deleteProcessInstance(other.getId(), "E2E: only cm01's month is worked");
            }
        }
        String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("cm01:" + month)
                .singleResult().getId();

        PlanPhaseDriver driver = new PlanPhaseDriver(rest, engine.getName(), managementService, jdbc, json, true);
        Run run = driver.run("cm01", mm, month, pi, true);
        driver.planUpToVisitPlan(run);

        assertPlanPhaseStored(run);
        assertThat(run.outcome().firstMonth).as("cm01's first month in cm135: steps 2 and 3 ran").isTrue();
        onlyTheAssigneeSeesTheTask(run);
        int proposedVisits = planVisits(driver, run);
        System.out.printf("[E2E] cm01 %s, steps 1-11 with 3 rejections: %.1f s (target %d 条, %d strategies generated,"
                + " work plan 25-30 visits %d, %d visits proposed)%n", month, seconds(System.nanoTime() - started),
                run.outcome().targetVolume, run.outcome().generatedStrategies, run.outcome().workPlanVisitsTop,
                proposedVisits);

        long implementStarted = System.nanoTime();
        ImplementPhaseDriver implement = new ImplementPhaseDriver(managementService);
        for (LocalDate day = LocalDate.now(clock); !ended(run) && !day.isAfter(month.plusMonths(1).atDay(3));
                day = day.plusDays(1)) {
            if (ImplementPhaseDriver.before(day, ImplementPhaseDriver.MORNING)) {
                ImplementPhaseDriver.setClock(day, ImplementPhaseDriver.MORNING);
                implement.work(run, day, false);
            }
            ImplementPhaseDriver.setClock(day, ImplementPhaseDriver.EVENING);
            implement.work(run, day, true);
        }
        assertImplementPhaseStored(run);
        assertCompletedTasks(run);
        printImplementPhase(run, implementStarted);
    }

    /**
     * Today's month for all eight customer managers at once: the kick-off timer of {@code cycle-kickoff} fires,
     * then, day by day, four threads take the eight instances through that day's steps (a thread works one
     * instance at a time, its customer manager and their market manager; every other market manager rejects
     * each review once), racing for the month-start analyses. Afterwards nothing is lost or duplicated.
     */
    @Test
    @Order(2)
    void allCustomerManagersConcurrently() throws Exception {
        YearMonth month = YearMonth.from(today);
        PlanPhaseDriver.setClock(month, 1, 6, 0);
        Job kickOff = managementService.createJobQuery().processDefinitionKey("cycle-kickoff").timers().singleResult();
        managementService.executeJob(kickOff.getId());
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("startedCount").list())
                .as("the kick-off started every customer manager's month").singleElement()
                .satisfies(v -> assertThat(v.getValue()).isEqualTo(8));
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("%:" + month).list();
        assertThat(instances).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(
                organization.activeCustomerManagers().stream().map(c -> c.id() + ":" + month).toArray(String[]::new));

        PlanPhaseDriver driver = new PlanPhaseDriver(rest, engine.getName(), managementService, jdbc, json, false);
        List<Run> runs = new ArrayList<>();
        for (CustomerManager cm : organization.activeCustomerManagers()) {
            String pi = instances.stream().filter(i -> i.getBusinessKey().startsWith(cm.id() + ":")).findFirst()
                    .orElseThrow().getId();
            runs.add(driver.run(cm.id(), cm.marketManagerId(), month, pi, runs.size() % 2 == 1));
        }
        // Day by day: the engine clock is global, so it moves only between days, when every thread is done.
        Map<String, Long> nanosPerManager = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Consumer<Run>> days = driver.planDays();
            for (int d = 0; d < days.size(); d++) {
                PlanPhaseDriver.setClock(month, d + 1, 8, 0);
                Consumer<Run> day = days.get(d);
                List<Callable<Void>> work = new ArrayList<>();
                for (Run run : runs) {
                    work.add(() -> {
                        long t = System.nanoTime();
                        day.accept(run);
                        nanosPerManager.merge(run.customerManagerId(), System.nanoTime() - t, Long::sum);
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(work, 10, TimeUnit.MINUTES)) {
                    done.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long raced = historyService.createHistoricJobLogQuery().failureLog()
                .activityIdIn("Task_AnalyseCustomers", "Task_AnalyseBrands", "Task_AnalyseMarket").count();
        System.out.printf("[E2E] %s, 8 customer managers on %d threads, steps 1-10: %.1f s; per manager %s s;"
                + " month-start analysis jobs that lost the race for the claim and were retried: %d%n", month, THREADS,
                seconds(System.nanoTime() - started), new java.util.TreeMap<>(nanosPerManager).entrySet().stream()
                        .map(e -> e.getKey() + "=" + String.format("%.1f", seconds(e.getValue()))).toList(), raced);

        String period = month.toString();
        String analysed = month.minusMonths(1).toString();
        assertThat(count("select count(*) from monthly_cycle where period = ?", period)).isEqualTo(8);
        assertThat(count("select count(distinct process_instance_id) from monthly_cycle where period = ?", period))
                .isEqualTo(8);
        for (String table : List.of("monthly_target", "strategy_plan", "monthly_work_plan", "visit_plan")) {
            assertThat(count("select count(*) from " + table + " where period = ?", period)).as(table).isEqualTo(8);
            assertThat(count("select count(distinct customer_manager_id) from " + table + " where period = ?", period))
                    .as(table).isEqualTo(8);
        }
        assertThat(jdbc.queryForList("select kind from analysis_run where period = ? order by kind", String.class,
                analysed)).as("each month-start analysis ran once").containsExactly("brands", "customers", "market");
        assertThat(count("select count(*) from (select customer_id from customer_month_result where period = ? "
                + "group by customer_id having count(*) > 1) d", analysed)).isZero();
        assertThat(count("select count(*) from customer_month_result where period = ? and not locked", analysed))
                .as("every customer manager confirmed step 5 for all their customers").isZero();
        for (Run run : runs) {
            assertPlanPhaseStored(run);
        }
        assertThat(count("select count(*) from (select customer_id, period, strategy_type, spec_key from service_strategy"
                + " where period = ? group by customer_id, period, strategy_type, spec_key having count(*) > 1) d", period))
                .isZero();
        assertThat(count("select count(*) from service_strategy s join retail_customer c on c.id = s.customer_id"
                + " join route r on r.code = c.route_code join area a on a.code = r.area_code"
                + " where s.period = ? and a.customer_manager_id <> s.customer_manager_id", period))
                .as("every strategy is in its customer's manager's plan").isZero();
        for (Run run : runs) {
            planVisits(driver, run);
        }

        // Steps 12–16, day by day in lock-step again: mornings (the day's records appear), evenings (recorded).
        ImplementPhaseDriver implement = new ImplementPhaseDriver(managementService);
        pool = Executors.newFixedThreadPool(THREADS);
        long implementStarted = System.nanoTime();
        try {
            for (LocalDate day = LocalDate.now(clock); !day.isAfter(month.plusMonths(1).atDay(3))
                    && runs.stream().anyMatch(run -> !ended(run)); day = day.plusDays(1)) {
                for (LocalTime time : List.of(ImplementPhaseDriver.MORNING, ImplementPhaseDriver.EVENING)) {
                    if (!ImplementPhaseDriver.before(day, time)) {
                        continue; // the day step 11 was confirmed: its morning is over
                    }
                    ImplementPhaseDriver.setClock(day, time);
                    LocalDate today = day;
                    boolean evening = time.equals(ImplementPhaseDriver.EVENING);
                    List<Callable<Void>> work = new ArrayList<>();
                    for (Run run : runs) {
                        work.add(() -> {
                            implement.work(run, today, evening);
                            return null;
                        });
                    }
                    for (Future<Void> done : pool.invokeAll(work, 10, TimeUnit.MINUTES)) {
                        done.get();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[E2E] %s, 8 customer managers on %d threads, steps 12-16: %.1f s%n", month, THREADS,
                seconds(System.nanoTime() - implementStarted));
        for (Run run : runs) {
            assertImplementPhaseStored(run);
            assertCompletedTasks(run);
            printImplementPhase(run, implementStarted);
        }
        for (String table : List.of("month_result", "month_summary")) {
            assertThat(count("select count(*) from " + table + " where period = ?", period)).as(table).isEqualTo(8);
        }
        assertThat(count("select count(*) from (select customer_id, visit_date from visit_record where period = ? "
                + "group by customer_id, visit_date having count(*) > 1) d", period)).isZero();
        assertThat(count("select count(*) from (select customer_manager_id, week_start from week_summary where period = ? "
                + "group by customer_manager_id, week_start having count(*) > 1) d", period)).isZero();

        // Improvement (改进): cm01's summary of the month before reaches this month's analysis review and plan.
        Run cm01 = runs.stream().filter(r -> r.customerManagerId().equals("cm01")).findFirst().orElseThrow();
        String measures = jdbc.queryForObject("select improvement_measures from month_summary "
                + "where customer_manager_id = 'cm01' and period = ?", String.class, month.minusMonths(1).toString());
        assertThat(measures).startsWith("cm01：");
        assertThat(cm01.outcome().lastMonthImprovementsShown).isEqualTo(measures);
        assertThat(cm01.outcome().workPlanImprovementsShown).isEqualTo(measures);
        assertThat(jdbc.queryForObject("select improvement_measures from monthly_work_plan where customer_manager_id = "
                + "'cm01' and period = ?", String.class, period)).isEqualTo(measures);
        for (Run run : runs) {
            if (run != cm01) {
                assertThat(run.outcome().lastMonthImprovementsShown).as(run.customerManagerId())
                        .isEqualTo("上月工作总结尚未完成");
            }
        }
    }

    /** What steps 1–10 stored for the run's customer manager, against what the people submitted. */
    private void assertPlanPhaseStored(Run run) {
        String cm = run.customerManagerId();
        String period = run.month().toString();
        String analysed = run.month().minusMonths(1).toString();
        PlanPhaseDriver.Outcome outcome = run.outcome();

        assertThat(count("select count(*) from monthly_cycle where customer_manager_id = ? and period = ?", cm, period))
                .isEqualTo(1);
        Map<String, Object> target = jdbc.queryForMap("select status, volume, decided_by, rejection_reason "
                + "from monthly_target where customer_manager_id = ? and period = ?", cm, period);
        assertThat(target).containsEntry("status", "LOCKED").containsEntry("volume", outcome.targetVolume)
                .containsEntry("decided_by", run.marketManagerId());

        if (outcome.firstMonth) {
            assertThat(count("select count(*) from customer_demand d where d.period = ? and d.content in "
                    + "('希望增加紧俏规格的供应', '希望提前一天告知送货时间') and d.customer_id in (" + customersOf() + ")",
                    analysed, cm)).as("step 2's two needs").isEqualTo(2);
            assertThat(count("select count(*) from brand_target t join area a on a.code = t.area_code "
                    + "where t.period = ? and a.customer_manager_id = ?", analysed, cm)).as("step 3's targets").isPositive();
        }
        assertThat(count("select count(*) from customer_demand where period = ? and status = 'RECORDED' and customer_id in ("
                + customersOf() + ")", analysed, cm)).as("step 4 confirmed every need of the analysed month").isZero();
        assertThat(count("select count(*) from customer_month_result where period = ? and not locked and customer_id in ("
                + customersOf() + ")", analysed, cm)).as("step 5 locked").isZero();
        assertThat(count("select count(*) from brand_month_result b join area a on a.code = b.area_code "
                + "where b.period = ? and a.customer_manager_id = ? and (not b.locked or b.conclusions is null)",
                analysed, cm)).as("step 6 concluded and locked").isZero();
        assertThat(count("select count(*) from market_month_result m join area a on a.code = m.area_code "
                + "where m.period = ? and a.customer_manager_id = ? and m.locked and m.conclusions is not null",
                analysed, cm)).as("step 8 concluded and locked every area")
                .isEqualTo(count("select count(*) from area where customer_manager_id = ?", cm));
        assertThat(count("select count(*) from brand_target t join area a on a.code = t.area_code "
                + "where t.period = ? and a.customer_manager_id = ?", period, cm)).as("step 7's targets").isPositive();

        Map<String, Object> plan = jdbc.queryForMap("select status, decided_by from strategy_plan "
                + "where customer_manager_id = ? and period = ?", cm, period);
        assertThat(plan).containsEntry("status", "LOCKED").containsEntry("decided_by", run.marketManagerId());
        // Generated N, one dropped (kept, with its reason), one added by hand: N + 1 rows, N of them in force.
        assertThat(count("select count(*) from service_strategy where customer_manager_id = ? and period = ?", cm, period))
                .isEqualTo(outcome.generatedStrategies + 1);
        assertThat(count("select count(*) from service_strategy where customer_manager_id = ? and period = ? "
                + "and status <> 'DROPPED'", cm, period)).isEqualTo(outcome.generatedStrategies);
        assertThat(jdbc.queryForMap("select status, drop_reason from service_strategy where id = ?",
                outcome.droppedStrategyId)).containsEntry("status", "DROPPED").containsEntry("drop_reason", "客户本月外出，暂不执行");
        assertThat(count("select count(*) from service_strategy s join retail_customer c on c.id = s.customer_id "
                + "where s.customer_manager_id = ? and s.period = ? and s.source = 'MANUAL' and c.licence_no = ? "
                + "and s.strategy_type = '个性化服务'", cm, period, outcome.manualStrategyLicence)).isEqualTo(1);

        Map<String, Object> workPlan = jdbc.queryForMap("select status, visits_top, decided_by, customer_work "
                + "from monthly_work_plan where customer_manager_id = ? and period = ?", cm, period);
        assertThat(workPlan).containsEntry("status", "LOCKED").containsEntry("visits_top", outcome.workPlanVisitsTop)
                .containsEntry("decided_by", run.marketManagerId());
        assertThat((String) workPlan.get("customer_work")).endsWith("另：逐户回访上月预警客户。");
    }

    /**
     * The instance's history after the whole month: every step of 1–11 completed once, the three reviewed steps and
     * their reviews twice when the market manager rejected once, steps 2 and 3 only in a first month; one week
     * arrangement and one week summary per week of the month, one 日拜访记录 per visit day recorded, the results
     * and their review twice after a rejection, the month summary once; nothing open, the instance ended.
     */
    private void assertCompletedTasks(Run run) {
        PlanPhaseDriver.Outcome outcome = run.outcome();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String step : List.of("Task_SetTargets", "Task_ApproveTargets", "Task_BackfillDemands",
                "Task_BackfillBrandTargets", "Task_ConfirmDemands", "Task_ReviewCustomerAnalysis",
                "Task_ConfirmBrandAnalysis", "Task_SetBrandTargets", "Task_ConfirmMarketAnalysis", "Task_AdjustStrategies",
                "Task_ApproveStrategies", "Task_SetWorkPlan", "Task_ApproveWorkPlan", "Task_PlanVisits")) {
            boolean backfill = step.startsWith("Task_Backfill");
            boolean reviewed = REVIEWED_STEPS.contains(step);
            if (!backfill || outcome.firstMonth) {
                expected.put(step, reviewed && outcome.rejected ? 2 : 1);
            }
        }
        expected.put("Task_ArrangeWeek", outcome.weeks.size());
        expected.put("Task_RecordVisits", outcome.visitDaysRecorded);
        expected.put("Task_SummarizeWeek", outcome.weeks.size());
        expected.put("Task_MarkExecution", outcome.rejected ? 2 : 1);
        expected.put("Task_ApproveResults", outcome.rejected ? 2 : 1);
        expected.put("Task_SummarizeMonth", 1);
        Map<String, Integer> completed = new LinkedHashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(run.processInstanceId()).finished().list()) {
            assertThat(task.getDeleteReason()).isEqualTo("completed");
            String key = task.getTaskDefinitionKey();
            assertThat(task.getAssignee()).as(key).isEqualTo(key.startsWith("Task_Approve")
                    ? run.marketManagerId() : run.customerManagerId());
            completed.merge(key, 1, Integer::sum);
        }
        assertThat(new java.util.TreeMap<>(completed)).as("completed tasks of %s", run.businessKey())
                .isEqualTo(new java.util.TreeMap<>(expected)).isEqualTo(new java.util.TreeMap<>(outcome.completedTasks));
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(run.processInstanceId())
                .unfinished().count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(run.processInstanceId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_CycleDone");
        // Cockpit shows the weeks as a multi-instance subprocess: one instance per week, one per visit day.
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run.processInstanceId())
                .activityId("SubProcess_Weeks").count()).isEqualTo(outcome.weeks.size());
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run.processInstanceId())
                .activityId("Event_VisitDayStarts").finished().count()).isEqualTo(outcome.visitDaysRecorded);
    }

    /** What steps 12–16 stored for the run's customer manager, against what the people submitted. */
    private void assertImplementPhaseStored(Run run) {
        String cm = run.customerManagerId();
        String period = run.month().toString();
        PlanPhaseDriver.Outcome outcome = run.outcome();
        assertThat(ended(run)).as("%s ended", run.businessKey()).isTrue();
        assertThat(outcome.weeks).as("weeks of %s", period).hasSizeBetween(4, 5);

        assertThat(jdbc.queryForList("select cast(week_start as varchar(10)) from week_arrangement where customer_manager_id = ? "
                + "and period = ? and status = 'ARRANGED' order by week_start", String.class, cm, period))
                .isEqualTo(outcome.weeks);
        assertThat(count("select count(*) from visit_day where customer_manager_id = ? and period = ? "
                + "and status = 'RECORDED'", cm, period)).isEqualTo(outcome.visitDaysRecorded);
        assertThat(count("select count(*) from visit_record where customer_manager_id = ? and period = ? and visited",
                cm, period)).isEqualTo(outcome.visitsRecorded);
        assertThat(count("select count(*) from visit_record where customer_manager_id = ? and period = ? and not visited",
                cm, period)).isEqualTo(outcome.visitsNotMade);
        // Every customer on a day's sheet got a record, visited or not.
        assertThat(count("select count(*) from day_visit_list l where l.customer_manager_id = ? and l.period = ? "
                + "and not exists (select 1 from visit_record v where v.customer_id = l.customer_id "
                + "and v.visit_date = l.visit_date)", cm, period)).isZero();
        outcome.inventoryCounted.forEach((key, inventory) -> {
            String[] k = key.split("/");
            assertThat(jdbc.queryForObject("select inventory from field_observation where customer_id = ? and spec_code = ? "
                    + "and observed_on = ?", Integer.class, Long.valueOf(k[0]), k[1], LocalDate.parse(k[2])))
                    .as("counted %s", key).isEqualTo(inventory);
        });
        assertThat(count("select count(*) from customer_demand where period = ? and content like '下月希望增加紧俏规格的供应（%' "
                + "and customer_id in (" + customersOf() + ")", period, cm)).as("needs for next month's step 4")
                .isEqualTo(outcome.needsRecorded);
        assertThat(count("select count(*) from market_anomaly where note = '畅销规格断货两天' and observed_on between ? and ? "
                + "and customer_id in (" + customersOf() + ")", run.month().atDay(1), run.month().atEndOfMonth(), cm))
                .isEqualTo(outcome.anomaliesRecorded);
        assertThat(jdbc.queryForList("select id from service_strategy where customer_manager_id = ? and period = ? "
                + "and status = 'DONE' order by id", Long.class, cm, period)).as("★ done: exactly those marked")
                .containsExactlyElementsOf(outcome.strategiesMarked);
        assertThat(count("select count(*) from ad_hoc_task where customer_manager_id = ? and period = ?", cm, period))
                .isEqualTo(outcome.adHocTasks).isEqualTo(outcome.rejected ? 2 : 1);

        assertThat(count("select count(*) from week_summary where customer_manager_id = ? and period = ? and status = 'DONE' "
                + "and judged_status is not null", cm, period)).isEqualTo(outcome.weeks.size());
        Map<String, Object> result = jdbc.queryForMap("select status, decided_by, rejection_reason from month_result "
                + "where customer_manager_id = ? and period = ?", cm, period);
        assertThat(result).containsEntry("status", "LOCKED").containsEntry("decided_by", run.marketManagerId());
        Map<String, Object> summary = jdbc.queryForMap("select status, improvement_measures, done_visits, planned_visits, "
                + "strategies_done from month_summary where customer_manager_id = ? and period = ?", cm, period);
        assertThat(summary).containsEntry("status", "DONE").containsEntry("improvement_measures", outcome.improvementMeasures);
        assertThat(((Number) summary.get("done_visits")).intValue()).isEqualTo(outcome.visitsRecorded);
        assertThat(((Number) summary.get("strategies_done")).intValue()).isEqualTo(outcome.strategiesMarked.size());
        assertThat(((Number) summary.get("planned_visits")).intValue()).isEqualTo(count("select coalesce(sum(coalesce("
                + "a.planned_frequency, p.proposed_frequency)), 0) from visit_plan_customer p left join visit_plan_adjustment a "
                + "on a.customer_manager_id = p.customer_manager_id and a.period = p.period and a.customer_id = p.customer_id "
                + "where p.customer_manager_id = ? and p.period = ?", cm, period));
    }

    private void printImplementPhase(Run run, long started) {
        PlanPhaseDriver.Outcome o = run.outcome();
        System.out.printf("[E2E] %s steps 12-16 (%.1f s since the phase began): %d weeks, %d visit days, %d visits made"
                + " and %d not, %d strategies ★, %d ● tasks, %d needs, %d anomalies%s%n", run.businessKey(),
                seconds(System.nanoTime() - started), o.weeks.size(), o.visitDaysRecorded, o.visitsRecorded,
                o.visitsNotMade, o.strategiesMarked.size(), o.adHocTasks, o.needsRecorded, o.anomaliesRecorded,
                o.rejected ? ", results rejected once" : "");
    }

    private boolean ended(Run run) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count() == 0;
    }

    /** Another customer manager neither sees nor completes cm01's task; the other team's market manager neither. */
    private void onlyTheAssigneeSeesTheTask(Run run) {
        String taskId = PlanPhaseDriver.id(run.cm().task(run.businessKey(), "Task_PlanVisits"));
        String otherMarketManager = run.marketManagerId().equals("mm01") ? "mm02" : "mm01";
        for (String intruder : List.of("cm02", otherMarketManager)) {
            TasklistClient other = new TasklistClient(rest, engine.getName(), intruder, json);
            assertThat(other.visibleTasks(run.businessKey())).as("%s's task list", intruder).isEmpty();
            ResponseEntity<String> refused = other.trySubmit(taskId, Map.of());
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isIn(403, 404);
            ResponseEntity<String> unread = rest.withBasicAuth(intruder, intruder).getForEntity(
                    "/engine-rest/engine/{engine}/task/{id}/form-variables", String.class, engine.getName(), taskId);
            assertThat(unread.getStatusCode().value()).as(unread.getBody()).isIn(403, 404);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count())
                .isEqualTo(1);
    }

    /**
     * Step 11 客户拜访计划: the proposal is shown with its capacity; the customer manager raises two customers by one
     * visit and 确定, which starts the implement phase with the first week's 周工作安排.
     */
    private int planVisits(PlanPhaseDriver driver, Run run) {
        String cm = run.customerManagerId();
        String period = run.month().toString();
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_PlanVisits");
        Map<String, Object> form = run.cm().formVariables(PlanPhaseDriver.id(task));
        int customers = count("select count(*) from visit_plan_customer where customer_manager_id = ? and period = ?",
                cm, period);
        int proposed = count("select coalesce(sum(proposed_frequency), 0) from visit_plan_customer "
                + "where customer_manager_id = ? and period = ?", cm, period);
        assertThat(((Number) form.get("customerCount")).intValue()).isEqualTo(customers)
                .isEqualTo(count("select count(*) from retail_customer where status = 'ACTIVE' and id in (" + customersOf()
                        + ")", cm));
        assertThat(((Number) form.get("plannedTotal")).intValue()).isEqualTo(proposed);
        assertThat(form.get("overCapacity")).isEqualTo(false);

        ResponseEntity<String> confirmed = run.cm().trySubmit(PlanPhaseDriver.id(task),
                driver.visitPlanSubmission(run, form));
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        run.outcome().completed("Task_PlanVisits");
        run.outcome().weeks = cycleWeeks.of((String) runtimeService.getVariable(run.processInstanceId(), CycleWeeks.WEEKS));
        assertThat(run.outcome().weeks).isEqualTo(cycleWeeks.remaining(period));
        assertThat(jdbc.queryForObject("select status from visit_plan where customer_manager_id = ? and period = ?",
                String.class, cm, period)).isEqualTo("CONFIRMED");
        // Two customers raised by one visit each: Σ planned = Σ proposed + 2.
        assertThat(count("select coalesce(sum(coalesce(a.planned_frequency, p.proposed_frequency)), 0) "
                + "from visit_plan_customer p left join visit_plan_adjustment a on a.customer_manager_id = "
                + "p.customer_manager_id and a.period = p.period and a.customer_id = p.customer_id "
                + "where p.customer_manager_id = ? and p.period = ?", cm, period)).isEqualTo(proposed + 2);
        // The implement phase begins with the first week's arrangement.
        assertThat(run.cm().task(run.businessKey(), "Task_ArrangeWeek").get("name"))
                .isEqualTo("周工作安排（" + run.outcome().weeks.get(0) + " 周）");
        return proposed;
    }

    private static String customersOf() {
        return PlanPhaseDriver.CUSTOMERS_OF;
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }
}
