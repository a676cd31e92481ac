package cn.cm135.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import cn.cm135.postgres.OwnPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link CrashRestartScenario} on PostgreSQL (the {@code postgres} profile, an embedded server of the test's own):
 * the server outlives each kill and rolls back the dead node's open transactions when its connections drop.
 *
 * <p>Then two nodes on that one database, as the README's scale-out promises (issue 14, item 4): the restarted node
 * is joined by a second one; a month is kicked off on both at the same moment and starts once; the node that
 * runs its month-start analysis is killed (kill -9) half-way, and the other node's job executor takes the job over
 * once the dead node's lock expires and computes the month once; every job runs once, on either node. (On the
 * database of the crash scenario rather than a fresh one: a second demo load would cost CI a minute.)
 */
class PostgresCrashRestartTests extends CrashRestartScenario {

    private EmbeddedPostgres postgres;

    @Override
    String database() {
        return "postgres";
    }

    /** The analysis takes about a second on PostgreSQL. */
    @Override
    int lockMillis() {
        return 15_000;
    }

    /** The analysis takes 0.5-1.9 s on PostgreSQL; a commit is durable when it returns. */
    @Override
    int analysisKillDelayMillis() {
        return 100;
    }

    @Override
    Map<String, String> databaseProperties() {
        return Map.of("spring.profiles.active", "postgres",
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres", "spring.datasource.password", "",
                // Two nodes' pools beside the test's connections, within the server's 100.
                "spring.datasource.hikari.maximum-pool-size", "10",
                "cm135.admin-password", "admin");
    }

    @Override
    Db openDb() {
        postgres = OwnPostgres.start();
        return new Db(() -> postgres.getPostgresDatabase().getConnection());
    }

    @Override
    void closeDatabase() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    @Order(4)
    void twoNodesKickOffAMonthOnceAndTheSurvivorOfAKillTakesOverItsAnalysis() throws Exception {
        AppProcess a = apps.get(2);
        assertThat(a.isAlive()).as("the restarted node of the crash scenario").isTrue();
        AppProcess b = start("postgres-node-b", true).awaitReady(Duration.ofMinutes(3));
        note("node B ready after %.1f s", b.secondsSinceStart());
        // A month whose analysed month is complete: last month, analysing the one before (a second on PostgreSQL).
        // The month after this one would analyse this one, whose few days take 0.1 s: too short to be killed.
        YearMonth lastMonth = month.minusMonths(1);
        YearMonth monthBefore = lastMonth.minusMonths(1);

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<AppClient.Answer>> kickoffs = new ArrayList<>();
        for (AppProcess node : List.of(a, b)) {
            AppClient admin = new AppClient(node, "admin");
            kickoffs.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return admin.startMonth(lastMonth.toString());
            }));
        }
        int started = 0;
        for (CompletableFuture<AppClient.Answer> kickoff : kickoffs) {
            AppClient.Answer answer = kickoff.get();
            note("kick-off of %s answered %d: %s", lastMonth, answer.status(), answer.body());
            assertThat(answer.status()).as("200, or 409 for the one that lost the race; never 500").isIn(200, 409);
            if (answer.status() == 200) {
                started += answer.json().get("started").size();
            }
        }
        assertThat(started).as("each customer manager started once between both answers").isEqualTo(managers);
        assertThat(read.monthlyCycles(lastMonth)).isEqualTo(managers);
        assertThat(read.processInstances(lastMonth)).isEqualTo(managers);

        String cm01 = CM + ":" + lastMonth;
        FirstMonthSteps.upToTheAnalysis(new AppClient(a, CM), cm01);
        String startedLine = Await.analysisStarted(monthBefore);
        // Killed as soon as its start is seen: on a node that has run the analysis before it takes only 0.5 s.
        AppProcess killed = AppProcess.awaitLogOnAny(List.of(a, b), startedLine, Duration.ofMinutes(2));
        AppProcess survivor = killed == a ? b : a;
        long seen = System.nanoTime();
        assertThat(killed.countLog(Await.analysisComputed(monthBefore))).as("killed half-way").isZero();
        killed.kill();
        long killedAt = System.nanoTime();
        note("%s ran the analysis of %s and was killed %d ms after its start was logged", killed.name(), monthBefore,
                (killedAt - seen) / 1_000_000);
        assertThat(read.analysisRuns(monthBefore)).as("its claim is rolled back").isEmpty();
        assertThat(read.customerResults(monthBefore).rows()).as("and its result rows").isZero();
        assertThat(read.lockedJobsAt("Task_AnalyseCustomers")).as("its job stays locked by the dead node").isEqualTo(1);

        Await.until(Duration.ofMillis(lockMillis()).plusMinutes(2), "cm01's 客户经营状态分析 after the takeover",
                () -> read.openTasks(lastMonth).getOrDefault(cm01, List.of()).contains("Task_ReviewCustomerAnalysis"));
        String computed = survivor.awaitLog(Await.analysisComputed(monthBefore), Duration.ofSeconds(5));
        note("%s took the job over and finished the analysis %.1f s after the kill (lock time %d s): %s",
                survivor.name(), (System.nanoTime() - killedAt) / 1e9, lockMillis() / 1000,
                computed.substring(computed.indexOf("Month-start")));
        assertThat(survivor.countLog(startedLine)).as("the survivor computed the month once").isEqualTo(1);

        // A second customer manager's analysis job, on the survivor: the month is done, it is not computed again.
        String cm02 = "cm02:" + lastMonth;
        FirstMonthSteps.upToTheAnalysis(new AppClient(survivor, "cm02"), cm02);
        Await.until(Duration.ofMinutes(2), "cm02's 客户经营状态分析 and every manager's 制定客户经理目标", () -> {
            Map<String, List<String>> open = read.openTasks(lastMonth);
            return open.getOrDefault(cm02, List.of()).contains("Task_ReviewCustomerAnalysis")
                    && open.values().stream().filter(t -> t.contains("Task_SetTargets")).count() == managers;
        });

        assertThat(read.analysisRuns(monthBefore)).as("one analysis_run row").isEqualTo(Map.of("customers", 1L));
        MonthFigures.Totals results = read.customerResults(monthBefore);
        MonthFigures.Totals expected = read.expectedCustomerResults(monthBefore);
        note("customer_month_result of %s: %s; expected from the source rows: %s", monthBefore, results, expected);
        assertThat(results).isEqualTo(expected);
        assertThat(survivor.countLog(startedLine)).as("cm02's job found the month done").isEqualTo(1);
        assertThat(read.jobSuccesses("Task_AnalyseCustomers"))
                .as("one analysis job per instance that reached it (cm01 of both months, cm02), each once").isEqualTo(3);
        assertThat(read.jobSuccesses("Task_PrefillTargets")).as("each 预测本月目标 job once, on either node")
                .isEqualTo(2L * managers);
        Map<String, List<String>> expectedTasks = new LinkedHashMap<>();
        for (int i = 1; i <= managers; i++) {
            expectedTasks.put(String.format("cm%02d:%s", i, lastMonth), i <= 2
                    ? List.of("Task_ReviewCustomerAnalysis", "Task_SetTargets")
                    : List.of("Task_BackfillDemands", "Task_SetTargets"));
        }
        assertThat(read.openTasks(lastMonth)).as("no task lost or doubled").isEqualTo(expectedTasks);
        assertThat(read.openTasks(month)).as("this month's tasks untouched").isEqualTo(tasksAfterRestart);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
