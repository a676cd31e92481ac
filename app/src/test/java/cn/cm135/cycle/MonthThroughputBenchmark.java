package cn.cm135.cycle;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.Cm135Application;
import cn.cm135.cycle.PlanPhaseDriver.Run;
import cn.cm135.organization.Organization;
import cn.cm135.organization.Organization.CustomerManager;
import cn.cm135.process.CycleVariables;

/**
 * Benchmark, not a test (issue 13, item 5): every user task of one month for every customer manager of the database
 * (the city: 100 customer managers and their 10 market managers), through the REST API Tasklist uses, on several
 * threads; then, in the same JVM, on the same engine and database, the same number of completions of a bare Camunda
 * chain of user tasks through the same REST API on the same threads ({@link BareCamundaBaseline}). Never fails on
 * timing; it prints a table. README, "Benchmark", has the command and the figures.
 *
 * <p>The app runs in-process ({@code postgres} profile, random port, {@code CM135_DB_*}). The month is the current
 * month by the app's clock; the benchmark starts it as the marketing centre does ({@code POST /api/cycles/{month}} at
 * 06:00 of its first working day, so the whole month is worked) and then works it as {@link WholeMonthEndToEndTests}
 * does: {@link PlanPhaseDriver} and {@link ImplementPhaseDriver} for each customer manager and their market manager
 * (who rejects targets, strategies, work plan and results once for every second customer manager), day by day in
 * lock-step with the engine clock ({@link LockStepMonth}), the job executor off and the drivers running each
 * instance's jobs and due timers, as the tests do. A slot (a plan day, a morning or an evening) gives each worker one
 * customer manager's instance at a time.
 *
 * <p>Measured: a completion is one {@code submit-form} or {@code complete} call answered 204 (form reads, task lists,
 * jobs and the drivers' checks are not in it, but are in the wall time); throughput = completions ÷ the phase's wall
 * time; engine rows = {@code ACT_HI_*} / {@code ACT_RU_*} rows after minus before, ÷ instances; heap sampled every
 * 10 ms. Afterwards each instance's history is checked ({@link MonthChecks#assertCompletedTasks}), not timed.
 *
 * <p>The database must not have started the month yet: run it on a fresh copy of the city
 * ({@code -Dbenchmark.template=<pristine city>} drops and recreates the {@code CM135_DB_URL} database from it first).
 * System properties: {@code benchmark.threads} (8), {@code benchmark.template}, {@code benchmark.demo}
 * ({@code demo} or {@code team}: load that dataset into an empty database first, for a quick try).
 */
public final class MonthThroughputBenchmark {

    private MonthThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("benchmark.threads", 8);
        String template = System.getProperty("benchmark.template", "").trim();
        String demo = System.getProperty("benchmark.demo", "").trim();
        if (!template.isEmpty()) {
            FreshCopy.recreate(env("CM135_DB_URL"), env("CM135_DB_USER"), env("CM135_DB_PASSWORD"), template);
        }
        SpringApplication app = new SpringApplication(Cm135Application.class);
        app.setAdditionalProfiles("postgres");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("cm135.demo", String.valueOf(!demo.isEmpty()));
        properties.put("cm135.demo-size", demo.isEmpty() ? "demo" : demo);
        properties.put("cm135.admin-password", "benchmark");
        // The drivers run jobs and timers themselves, with the engine clock set to when a person works.
        properties.put("camunda.bpm.job-execution.enabled", "false");
        // The month is started by the benchmark, timed, not on boot.
        properties.put("cm135.cycle.start-missed-month", "false");
        properties.put("logging.level.root", "WARN");
        // As command-line arguments: they win over the postgres profile's own settings (cm135.demo=false there).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        long booting = System.nanoTime();
        try (ConfigurableApplicationContext context = app.run(arguments)) {
            System.out.printf("app started in %.1f s%n", (System.nanoTime() - booting) / 1e9);
            new Benchmark(context, threads).run();
        } finally {
            ClockUtil.reset();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static final class Benchmark {

        private final ConfigurableApplicationContext context;
        private final int threads;
        private final JdbcTemplate jdbc;
        private final ProcessEngine engine;
        private final TestRestTemplate rest;
        private final MonthChecks checks;
        private final List<String[]> slots = new ArrayList<>();

        Benchmark(ConfigurableApplicationContext context, int threads) {
            this.context = context;
            this.threads = threads;
            this.jdbc = context.getBean(JdbcTemplate.class);
            this.engine = context.getBean(ProcessEngine.class);
            this.rest = restTemplate(context.getEnvironment().getProperty("local.server.port"));
            this.checks = new MonthChecks(rest, context);
        }

        /**
         * One JDK HTTP/1.1 client with its connection pool for every person: no client-side cap below the thread
         * count (Apache's default is 5 a route), and the same client for both halves of the comparison.
         */
        private static TestRestTemplate restTemplate(String port) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                    .requestFactory(() -> new JdkClientHttpRequestFactory(client)));
        }

        void run() throws Exception {
            YearMonth month = YearMonth.now(context.getBean(Clock.class));
            Organization organization = context.getBean(Organization.class);
            List<CustomerManager> managers = organization.activeCustomerManagers();
            String centre = jdbc.queryForObject("select min(staff_id) from staff where role = 'MARKETING_CENTRE' "
                    + "and active", String.class);
            System.out.printf("%s: %d customer managers, %d market managers, %s customers; month %s, %d threads, "
                    + "%d cores, max heap %d MB%n", jdbc.queryForObject("select current_database()", String.class),
                    managers.size(), managers.stream().map(CustomerManager::marketManagerId).distinct().count(),
                    jdbc.queryForObject("select count(*) from retail_customer", Long.class), month, threads,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            if (jdbc.queryForObject("select count(*) from monthly_cycle where period = ?", Integer.class,
                    month.toString()) > 0) {
                throw new IllegalStateException("month " + month + " was already started in this database: run the "
                        + "benchmark on a fresh copy of the city (-Dbenchmark.template=…)");
            }

            // cm135: the whole month.
            Completions cm135 = new Completions();
            EngineRows before = EngineRows.count(jdbc);
            double loadBefore = load();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long monthStarted = System.nanoTime();
            long kickOff;
            long planNanos;
            long implementNanos;
            List<Run> runs;
            long heapMonth;
            try (HeapSampler heap = HeapSampler.start()) {
                PlanPhaseDriver.setClock(checks.calendar.workingDay(month, 1), 6, 0);
                long t = System.nanoTime();
                ResponseEntity<Map> started = rest.withBasicAuth(centre, centre).postForEntity("/api/cycles/" + month,
                        null, Map.class);
                kickOff = System.nanoTime() - t;
                if (!started.getStatusCode().is2xxSuccessful()) {
                    throw new IllegalStateException("kick-off refused: " + started);
                }
                PlanPhaseDriver driver = checks.planDriver(false).timed(cm135);
                runs = runs(driver, managers, month);
                LockStepMonth lockStep = new LockStepMonth(pool, (slot, nanos) -> slots.add(new String[] {slot,
                        String.format("%.1f", nanos / 1e9)}), 30);
                t = System.nanoTime();
                lockStep.planDays(driver, runs);
                lockStep.each("step 11", runs, run -> checks.planVisits(driver, run));
                planNanos = System.nanoTime() - t;
                t = System.nanoTime();
                lockStep.implementPhase(checks.implementDriver(), runs, LocalDate.now(checks.clock), checks::ended);
                implementNanos = System.nanoTime() - t;
                heapMonth = heap.peak();
            }
            long monthNanos = System.nanoTime() - monthStarted;
            double loadAfterMonth = load();
            EngineRows afterMonth = EngineRows.count(jdbc);
            int failedChecks = check(runs);

            // The bare chain: as many completions, same threads, same REST API.
            BareCamundaBaseline bare = new BareCamundaBaseline(engine, rest, new ObjectMapper());
            Completions bareCompletions = new Completions();
            long bareNanos;
            long heapBare;
            try (HeapSampler heap = HeapSampler.start()) {
                List<BareCamundaBaseline.Chain> chains = bare.start(runs.stream().map(Run::customerManagerId).toList(),
                        cm135.count());
                long t = System.nanoTime();
                bare.complete(chains, pool, bareCompletions);
                bareNanos = System.nanoTime() - t;
                heapBare = heap.peak();
            } finally {
                pool.shutdownNow();
            }
            EngineRows afterBare = EngineRows.count(jdbc);
            ClockUtil.reset();

            new ThroughputReport(month, threads, runs.size(), loadBefore, loadAfterMonth, load()).print(cm135, bareCompletions,
                    kickOff, planNanos, implementNanos, monthNanos, bareNanos, before, afterMonth, afterBare, heapMonth,
                    heapBare, slots, failedChecks);
        }

        /** The month's instance of every customer manager; every second one's market manager rejects each review once. */
        private List<Run> runs(PlanPhaseDriver driver, List<CustomerManager> managers, YearMonth month) {
            Map<String, String> instances = new LinkedHashMap<>();
            for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike("%:" + month).list()) {
                instances.put(instance.getBusinessKey(), instance.getId());
            }
            List<Run> runs = new ArrayList<>();
            for (CustomerManager cm : managers) {
                String pi = instances.get(CycleVariables.businessKey(cm.id(), month));
                if (pi == null) {
                    throw new IllegalStateException("no instance of " + cm.id() + " in " + month);
                }
                runs.add(driver.run(cm.id(), cm.marketManagerId(), month, pi, runs.size() % 2 == 1));
            }
            return runs;
        }

        /** Every instance ended with the tasks the drivers completed; the number that did not. */
        private int check(List<Run> runs) {
            int failed = 0;
            for (Run run : runs) {
                try {
                    checks.assertCompletedTasks(run);
                } catch (AssertionError e) {
                    if (failed++ < 3) {
                        System.out.println("CHECK FAILED " + run.businessKey() + ": " + e.getMessage());
                    }
                }
            }
            return failed;
        }

        private static double load() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** Drops the benchmark's database and creates it again as a copy of a pristine one (PostgreSQL's template copy). */
    static final class FreshCopy {

        private FreshCopy() {
        }

        static void recreate(String url, String user, String password, String template) throws Exception {
            int slash = url.lastIndexOf('/');
            int query = url.indexOf('?', slash);
            String database = url.substring(slash + 1, query < 0 ? url.length() : query);
            if (database.equals(template)) {
                throw new IllegalArgumentException("benchmark.template must not be the benchmark's own database");
            }
            String maintenance = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
            long started = System.nanoTime();
            try (Connection c = DriverManager.getConnection(maintenance, user, password); Statement s = c.createStatement()) {
                s.execute("drop database if exists \"" + database + "\"");
                // A template copy needs the template to have no session: another benchmark may be reading it.
                for (int attempt = 1;; attempt++) {
                    try {
                        s.execute("create database \"" + database + "\" template \"" + template + "\"");
                        break;
                    } catch (SQLException e) {
                        if (attempt >= 30 || !String.valueOf(e.getMessage()).contains("being accessed")) {
                            throw e;
                        }
                        Thread.sleep(10_000);
                    }
                }
            }
            System.out.printf("database %s recreated from %s in %.1f s%n", database, template,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
