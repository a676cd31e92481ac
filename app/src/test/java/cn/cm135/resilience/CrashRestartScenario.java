package cn.cm135.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kill -9 of the app ({@link Process#destroyForcibly()}) on one database, and what the restart finds (issue 14,
 * item 3). One database, three lives of the app:
 * <ol>
 * <li>job executor off: the month is started and cm01 completes 确认客户直接需求, whose next step (the month-start
 * analysis) is an asynchronous job; then an orders import of {@value #ORDERS} orders (5 lines each) is started and
 * the app killed half-way through it, so the kill falls both during the import and between the completed task
 * and its next step;</li>
 * <li>job executor on: the analysis job starts and the app is killed half-way through it;</li>
 * <li>job executor on: the job, still locked by the dead life, is taken again once its lock expires; the month is
 * analysed once, every task is there once, and the same file then imports whole.</li>
 * </ol>
 * The figures (row counts and sums of order lines and analysis results, tasks, jobs) are compared before and after
 * each kill and, at the end, with what an uninterrupted run must give, computed from the source rows.
 * The subclasses give the database: an H2 file and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CrashRestartScenario {

    static final int ORDERS = 10_000;
    static final String CM = "cm01";

    final YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    final YearMonth analysed = month.minusMonths(1);
    final String businessKey = CM + ":" + month;
    final List<AppProcess> apps = new ArrayList<>();
    final List<String> figures = new ArrayList<>();

    Db db;
    MonthFigures read;
    int managers;
    MonthFigures.Totals ordersBefore;
    MonthFigures.Totals resultsBefore;
    OrdersFile orders;
    Map<String, List<String>> tasksAfterRestart;

    /** Short name for logs and figures: h2, postgres. */
    abstract String database();

    /** Where the children find the database (data source URL, user, password, profile). */
    abstract Map<String, String> databaseProperties();

    abstract Db openDb();

    /**
     * How long a job lock outlives its node; then the restarted node may take the job. It must outlast the analysis:
     * a lock that expires while the job runs lets the job executor start it a second time, and the first run's
     * commit then fails on the job's version (and is retried a minute later).
     */
    abstract int lockMillis();

    /** How long after the analysis' start is logged the app is killed: well before the analysis can end. */
    abstract int analysisKillDelayMillis();

    /** Stops what {@link #openDb()} started, after every child is dead. */
    void closeDatabase() {
    }

    @AfterAll
    void killEveryChild() {
        try {
            apps.forEach(AppProcess::close);
            writeFigures();
        } finally {
            closeDatabase();
        }
    }

    @Test
    @Order(1)
    void aKillDuringAnOrdersImportWritesNoneOfItAndKeepsTheCompletedTaskAndItsPendingStep() {
        db = openDb();
        read = new MonthFigures(db);
        AppProcess app = start(1, false);
        app.awaitReady(Duration.ofMinutes(5));
        note("life 1 ready (demo loaded) after %.1f s", app.secondsSinceStart());

        AppClient admin = new AppClient(app, "admin");
        AppClient.Answer kickoff = admin.startMonth(month.toString());
        assertThat(kickoff.status()).as(kickoff.body()).isEqualTo(200);
        managers = kickoff.json().get("started").size();
        assertThat(managers).as("the demo's customer managers").isEqualTo(8);
        FirstMonthSteps.upToTheAnalysis(new AppClient(app, CM), businessKey);
        assertThat(read.jobsAt("Task_AnalyseCustomers")).as("cm01's next step waits as a job").isEqualTo(1);

        ordersBefore = read.orderLines();
        resultsBefore = read.customerResults(analysed);
        assertThat(resultsBefore.rows()).as("the month was never analysed").isZero();
        orders = OrdersFile.write(Path.of("target", "resilience", database() + "-orders.csv"), db, ORDERS, month.atDay(1));
        note("order lines before: %s; file: %d lines, %s 条, %s 元", ordersBefore, orders.lines(),
                orders.quantity().toPlainString(), orders.amount().toPlainString());

        CompletableFuture<AppClient.Answer> upload = CompletableFuture.supplyAsync(
                () -> admin.importFile("orders", orders.path(), Duration.ofMinutes(5)));
        app.awaitLog("Import of orders from " + orders.path().getFileName() + ": started", Duration.ofMinutes(2));
        long seen = System.nanoTime();
        AppProcess.sleep(1500);
        assertThat(app.countLog("Import of orders from " + orders.path().getFileName() + ": imported"))
                .as("the import is still running when it is killed").isZero();
        app.kill();
        note("import killed %d ms after its start was logged", (System.nanoTime() - seen) / 1_000_000);
        assertThat(upload.handle((answer, failure) -> failure).join()).as("the upload's connection died").isNotNull();

        assertThat(read.orderLines()).as("no order line of the killed import").isEqualTo(ordersBefore);
        assertThat(read.orderLinesLike(OrdersFile.PREFIX).rows()).isZero();
        assertThat(read.completedTasks("Task_ConfirmDemands")).as("cm01's completed step is kept").isEqualTo(1);
        assertThat(read.jobsAt("Task_AnalyseCustomers")).as("and its next step is still there, once").isEqualTo(1);
        assertThat(read.openTasks(month).get(businessKey)).as("cm01 has no task until the analysis ran").isNull();
        assertThat(read.jobsAt("Task_PrefillTargets")).as("every manager's 预测本月目标 job waits").isEqualTo(managers);
    }

    @Test
    @Order(2)
    void aKillDuringTheMonthStartAnalysisLeavesNoResultAndNoClaim() {
        AppProcess app = start(2, true);
        String started = Await.analysisStarted(analysed);
        app.awaitLog(started, Duration.ofMinutes(3));
        long seen = System.nanoTime();
        AppProcess.sleep(analysisKillDelayMillis());
        assertThat(app.countLog(Await.analysisComputed(analysed)))
                .as("the analysis is still running when it is killed").isZero();
        app.kill();
        note("analysis killed %d ms after its start was logged (life 2 up %.1f s)",
                (System.nanoTime() - seen) / 1_000_000, app.secondsSinceStart());

        assertThat(read.analysisRuns(analysed)).as("the claim on the month is rolled back with the analysis").isEmpty();
        assertThat(read.customerResults(analysed)).as("no result row of the killed analysis").isEqualTo(resultsBefore);
        assertThat(read.jobsAt("Task_AnalyseCustomers")).as("the job is still there").isEqualTo(1);
        assertThat(read.lockedJobsAt("Task_AnalyseCustomers")).as("locked by the dead node").isEqualTo(1);
        assertThat(read.openTasks(month).getOrDefault(businessKey, List.of())).as("and no task after it")
                .doesNotContain("Task_ReviewCustomerAnalysis");
    }

    @Test
    @Order(3)
    void theRestartFinishesTheAnalysisOnceLosesNoTaskAndImportsTheWholeFile() {
        AppProcess app = start(3, true);
        app.awaitReady(Duration.ofMinutes(3));
        Await.until(Duration.ofMinutes(3), "cm01's 客户经营状态分析 and every manager's 制定客户经理目标", () -> {
            Map<String, List<String>> open = read.openTasks(month);
            return open.size() == managers && open.values().stream().allMatch(t -> t.contains("Task_SetTargets"))
                    && open.getOrDefault(businessKey, List.of()).contains("Task_ReviewCustomerAnalysis");
        });
        note("life 3: analysis done and every task there %.1f s after the start", app.secondsSinceStart());
        String computed = app.awaitLog(Await.analysisComputed(analysed), Duration.ofSeconds(5));
        note("life 3: %s", computed.substring(computed.indexOf("Month-start")));

        assertThat(read.analysisRuns(analysed)).as("one analysis_run row").isEqualTo(Map.of("customers", 1L));
        MonthFigures.Totals results = read.customerResults(analysed);
        MonthFigures.Totals expected = read.expectedCustomerResults(analysed);
        note("customer_month_result of %s: %s; expected from the source rows: %s", analysed, results, expected);
        assertThat(results).as("one result row per customer, the month's orders summed once").isEqualTo(expected);
        assertThat(read.distinctCustomersAnalysed(analysed)).isEqualTo(expected.rows());
        assertThat(read.jobSuccesses("Task_AnalyseCustomers")).as("the analysis job succeeded once").isEqualTo(1);
        assertThat(read.jobSuccesses("Task_PrefillTargets")).as("each 预测本月目标 job once").isEqualTo(managers);
        assertThat(read.jobsAt("Task_AnalyseCustomers") + read.jobsAt("Task_PrefillTargets")).isZero();

        Map<String, List<String>> expectedTasks = new LinkedHashMap<>();
        for (int i = 1; i <= managers; i++) {
            String cm = String.format("cm%02d", i);
            expectedTasks.put(cm + ":" + month, cm.equals(CM) ? List.of("Task_ReviewCustomerAnalysis", "Task_SetTargets")
                    : List.of("Task_BackfillDemands", "Task_SetTargets"));
        }
        assertThat(read.openTasks(month)).as("no task lost or doubled").isEqualTo(expectedTasks);
        tasksAfterRestart = expectedTasks;
        assertThat(apps.get(1).countLog(Await.analysisStarted(analysed))).isEqualTo(1);
        assertThat(apps.get(1).countLog(Await.analysisComputed(analysed))).as("life 2 never finished it").isZero();

        long importStart = System.nanoTime();
        AppClient.Answer imported = new AppClient(app, "admin").importFile("orders", orders.path(), Duration.ofMinutes(5));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        note("the same file imported whole in %d ms", (System.nanoTime() - importStart) / 1_000_000);
        JsonNode report = imported.json();
        assertThat(report.get("rowsRead").asLong()).isEqualTo(orders.lines());
        assertThat(read.orderLinesLike(OrdersFile.PREFIX))
                .isEqualTo(new MonthFigures.Totals(orders.lines(), orders.quantity(), orders.amount()));
        assertThat(read.orderLines()).isEqualTo(new MonthFigures.Totals(ordersBefore.rows() + orders.lines(),
                ordersBefore.quantity().add(orders.quantity()), ordersBefore.amount().add(orders.amount())));
        // Left running: a subclass may go on with it (PostgreSQL: a second node joins); @AfterAll kills it.
    }

    /** Life {@code life} of the app on this database. */
    AppProcess start(int life, boolean jobExecutor) {
        return start(database() + "-life" + life, jobExecutor);
    }

    /** A node named {@code name} on this database (its log: {@code target/resilience/<name>.log}). */
    AppProcess start(String name, boolean jobExecutor) {
        Map<String, String> properties = new LinkedHashMap<>(databaseProperties());
        properties.put("cm135.demo", "true");
        properties.put("camunda.bpm.job-execution.enabled", Boolean.toString(jobExecutor));
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", Integer.toString(lockMillis()));
        // An idle job executor backs off up to a minute between acquisitions; the test waits for it.
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "1000");
        properties.put("camunda.bpm.job-execution.max-wait", "2000");
        AppProcess app = AppProcess.start(name, properties);
        apps.add(app);
        return app;
    }

    void note(String format, Object... args) {
        String line = database() + ": " + String.format(format, args);
        figures.add(line);
        System.out.println(line);
    }

    private void writeFigures() {
        try {
            Path file = Path.of("target", "resilience", database() + "-figures.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, figures, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
