package cn.cm135.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import cn.cm135.postgres.OwnPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two app nodes on one PostgreSQL, as the README's scale-out promises (issue 14, item 4): the month kicked off on
 * both at the same moment starts once; every job runs once, on whichever node; the node running the month-start
 * analysis is killed (kill -9) half-way and the other node's job executor takes its job over once the dead node's
 * lock expires, and computes the month once. Sessions are not shared (README, "PostgreSQL": sticky sessions).
 */
class TwoNodesOnPostgresTests {

    /** Longer than the analysis on PostgreSQL (about a second), short enough for the takeover to be waited for. */
    static final int LOCK_MILLIS = 15_000;

    static EmbeddedPostgres postgres;
    static final List<AppProcess> nodes = new ArrayList<>();
    static final List<String> figures = new ArrayList<>();

    final YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    final YearMonth analysed = month.minusMonths(1);

    @AfterAll
    static void killBothNodes() throws IOException {
        try {
            nodes.forEach(AppProcess::close);
            Path file = Path.of("target", "resilience", "two-nodes-figures.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, figures, StandardCharsets.UTF_8);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void theMonthStartsOnceEveryJobRunsOnceAndTheSurvivorTakesOverTheKilledNodesAnalysis() throws Exception {
        postgres = OwnPostgres.start();
        MonthFigures read = new MonthFigures(new Db(() -> postgres.getPostgresDatabase().getConnection()));
        // One after the other: the first loads the demo into the empty database, the second finds it there.
        AppProcess a = start("node-a").awaitReady(Duration.ofMinutes(5));
        note("node A ready (demo loaded) after %.1f s", a.secondsSinceStart());
        AppProcess b = start("node-b").awaitReady(Duration.ofMinutes(3));
        note("node B ready after %.1f s", b.secondsSinceStart());

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<AppClient.Answer>> kickoffs = new ArrayList<>();
        for (AppProcess node : List.of(a, b)) {
            AppClient admin = new AppClient(node, "admin");
            kickoffs.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return admin.startMonth(month.toString());
            }));
        }
        int started = 0;
        for (CompletableFuture<AppClient.Answer> kickoff : kickoffs) {
            AppClient.Answer answer = kickoff.get();
            note("kick-off answered %d: %s", answer.status(), answer.body());
            assertThat(answer.status()).as("200, or 409 for the one that lost the race; never 500").isIn(200, 409);
            if (answer.status() == 200) {
                started += answer.json().get("started").size();
            }
        }
        assertThat(started).as("the demo's 8 customer managers started once between both answers").isEqualTo(8);
        assertThat(read.monthlyCycles(month)).isEqualTo(8);
        assertThat(read.processInstances(month)).isEqualTo(8);

        String cm01 = "cm01:" + month;
        FirstMonthSteps.upToTheAnalysis(new AppClient(a, "cm01"), cm01);
        String startedLine = Await.analysisStarted(analysed);
        Await.until(Duration.ofMinutes(2), "one node starts the analysis",
                () -> a.countLog(startedLine) + b.countLog(startedLine) > 0);
        AppProcess killed = a.countLog(startedLine) > 0 ? a : b;
        AppProcess survivor = killed == a ? b : a;
        long seen = System.nanoTime();
        AppProcess.sleep(100);
        assertThat(killed.countLog(Await.analysisComputed(analysed))).as("killed half-way").isZero();
        killed.kill();
        long killedAt = System.nanoTime();
        note("%s ran the analysis and was killed %d ms after its start was logged", killed.name(),
                (killedAt - seen) / 1_000_000);
        assertThat(read.analysisRuns(analysed)).as("its claim is rolled back").isEmpty();
        assertThat(read.customerResults(analysed).rows()).as("and its result rows").isZero();
        assertThat(read.lockedJobsAt("Task_AnalyseCustomers")).as("its job stays locked by the dead node").isEqualTo(1);

        Await.until(Duration.ofMillis(LOCK_MILLIS).plusMinutes(2), "cm01's 客户经营状态分析 after the takeover",
                () -> read.openTasks(month).getOrDefault(cm01, List.of()).contains("Task_ReviewCustomerAnalysis"));
        note("%s took the job over and finished the analysis %.1f s after the kill (lock time %d s): %s",
                survivor.name(), (System.nanoTime() - killedAt) / 1e9, LOCK_MILLIS / 1000,
                lineFrom(survivor.awaitLog(Await.analysisComputed(analysed), Duration.ofSeconds(5))));
        assertThat(survivor.countLog(startedLine)).as("the survivor computed the month once").isEqualTo(1);

        // A second customer manager's analysis job, now on the survivor: the month is done, it is not computed again.
        String cm02 = "cm02:" + month;
        FirstMonthSteps.upToTheAnalysis(new AppClient(survivor, "cm02"), cm02);
        Await.until(Duration.ofMinutes(2), "cm02's 客户经营状态分析 and every manager's 制定客户经理目标", () -> {
            Map<String, List<String>> open = read.openTasks(month);
            return open.getOrDefault(cm02, List.of()).contains("Task_ReviewCustomerAnalysis")
                    && open.values().stream().filter(t -> t.contains("Task_SetTargets")).count() == 8;
        });

        assertThat(read.analysisRuns(analysed)).as("one analysis_run row").isEqualTo(Map.of("customers", 1L));
        MonthFigures.Totals results = read.customerResults(analysed);
        MonthFigures.Totals expected = read.expectedCustomerResults(analysed);
        note("customer_month_result of %s: %s; expected from the source rows: %s", analysed, results, expected);
        assertThat(results).isEqualTo(expected);
        assertThat(survivor.countLog(startedLine)).as("cm02's job found the month done").isEqualTo(1);
        assertThat(read.jobSuccesses("Task_AnalyseCustomers")).as("one analysis job per instance, each once").isEqualTo(2);
        assertThat(read.jobSuccesses("Task_PrefillTargets")).as("each 预测本月目标 job once, on either node").isEqualTo(8);
        Map<String, List<String>> expectedTasks = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            String key = String.format("cm%02d:%s", i, month);
            expectedTasks.put(key, i <= 2 ? List.of("Task_ReviewCustomerAnalysis", "Task_SetTargets")
                    : List.of("Task_BackfillDemands", "Task_SetTargets"));
        }
        assertThat(read.openTasks(month)).as("no task lost or doubled").isEqualTo(expectedTasks);
    }

    private static AppProcess start(String name) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.maximum-pool-size", "10");
        properties.put("cm135.demo", "true");
        properties.put("cm135.admin-password", "admin");
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", Integer.toString(LOCK_MILLIS));
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "1000");
        properties.put("camunda.bpm.job-execution.max-wait", "2000");
        AppProcess node = AppProcess.start("two-nodes-" + name, properties);
        nodes.add(node);
        return node;
    }

    private static String lineFrom(String logLine) {
        return logLine.substring(logLine.indexOf("Month-start"));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void note(String format, Object... args) {
        String line = "two nodes: " + String.format(format, args);
        figures.add(line);
        System.out.println(line);
    }
}
