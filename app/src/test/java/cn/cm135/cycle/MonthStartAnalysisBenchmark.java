package cn.cm135.cycle;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cm135.Cm135Application;
import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.organization.Organization;
import cn.cm135.planning.strategy.GenerationResult;
import cn.cm135.planning.strategy.StrategyService;

/**
 * Benchmark, not a test (issue 3): the month-start analysis of a generated {@code city} in PostgreSQL,
 * against one bare {@code SELECT customer_id, spec_code, SUM(quantity), SUM(amount) … GROUP BY} of the
 * same month's order lines, in one run. Never fails on timing; it prints a table. README, "Benchmark",
 * has the commands (generation, then {@code mvn -Pbenchmark … exec:exec}) and the figures.
 *
 * <p>What runs is what the month start runs: {@link MonthlyAnalyses#ensureCustomers},
 * {@link MonthlyAnalyses#ensureBrands} and {@link MonthlyAnalyses#ensureMarket} for the whole marketing
 * centre (all customer managers at once), each in its own transaction as its BPMN service task does. To
 * make the run repeatable it first forgets that the month was analysed (its {@code analysis_run} rows);
 * the services then replace the month's unlocked results, as any re-run does. Nothing is locked.
 *
 * <p>Before that it refreshes the month's sales roll-ups the way the orders import does when it loads
 * the month, and prints that time on its own line: it is paid at import, not at the month start.
 * The bare GROUP BY runs before and after the analysis (every group read by the client, 10,000 rows a
 * fetch); the ratio uses the faster of the two. Both are warm-cache figures: the month's order lines
 * and the roll-ups have just been read or written, and the whole database fits in the OS page cache.
 * Peak heap is sampled every 10 ms during the three analyses, after a full GC (the sum of the heap pools'
 * peaks is printed as an upper bound).
 *
 * <p>Argument: the analysed month {@code yyyy-MM}, or {@code last-complete} (default: the last complete
 * month of the order lines). The database comes from {@code CM135_DB_URL}, {@code CM135_DB_USER},
 * {@code CM135_DB_PASSWORD} (the {@code postgres} profile, so PostgreSQL's JIT is off as in production).
 */
public final class MonthStartAnalysisBenchmark {

    private MonthStartAnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean h2 = args.length > 1 && args[1].equals("h2");
        SpringApplication app = new SpringApplication(Cm135Application.class);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "cm135.admin-password", "benchmark",
                "camunda.bpm.job-execution.enabled", "false",
                // Measures the analysis only: no month kicked off for the city's customer managers on start.
                "cm135.cycle.start-missed-month", "false",
                "logging.level.root", "WARN",
                // Each roll-up statement's rows and time: where a refresh spends.
                "logging.level.cn.cm135.customer.analysis.SalesRollup", "DEBUG"));
        if (h2) {
            // What a user meets first: the default H2 with the demo city, loaded into a fresh in-memory database.
            // System properties: application.yaml's file database would win over default properties.
            System.setProperty("spring.datasource.url",
                    "jdbc:h2:mem:cm135bench;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=0");
            System.setProperty("cm135.demo", "true");
        } else {
            app.setAdditionalProfiles("postgres");
            properties.put("cm135.demo", "false");
        }
        // As command-line arguments: default properties lose to application.yaml, which turns the job executor and the
        // kick-off of a missed month on (they then started the city's month and ran its jobs beside the analysis).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(arguments)) {
            new Run(context, args, h2).run();
        }
    }

    private static final class Run {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;
        private final SalesRollup rollup;
        private final MonthlyAnalyses analyses;
        private final StrategyService strategies;
        private final Organization organization;
        private final boolean h2;
        private final YearMonth month;
        private final List<String[]> table = new ArrayList<>();

        Run(ConfigurableApplicationContext context, String[] args, boolean h2) {
            this.h2 = h2;
            this.strategies = context.getBean(StrategyService.class);
            this.organization = context.getBean(Organization.class);
            this.jdbc = context.getBean(JdbcTemplate.class);
            this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            this.rollup = context.getBean(SalesRollup.class);
            this.analyses = context.getBean(MonthlyAnalyses.class);
            this.month = args.length > 0 && !args[0].equals("last-complete") ? YearMonth.parse(args[0])
                    : lastCompleteMonth();
        }

        void run() throws InterruptedException {
            describeDataset();
            List<YearMonth> missing = new ArrayList<>();
            long prepared = time(() -> missing.addAll(rollup.ensure(month.minusMonths(14), month)));
            if (!missing.isEmpty()) {
                System.out.printf("rolled up %d months never rolled up before (%s … %s): %.1f s%n", missing.size(),
                        missing.get(0), missing.get(missing.size() - 1), prepared / 1e9);
            }
            long refresh = time(() -> rollup.refresh(month));
            jdbc.update("delete from analysis_run where period = ?", month.toString());

            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long groupByBefore = bareGroupBy();
            HeapPeak heap = HeapPeak.start();
            long customers = time(() -> analyses.ensureCustomers(month));
            long brands = time(() -> analyses.ensureBrands(month));
            long market = time(() -> analyses.ensureMarket(month));
            long peak = heap.stop();
            long[] strategyRun = generateStrategies();
            long groupByAfter = bareGroupBy();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            long groupBy = Math.min(groupByBefore, groupByAfter);
            long total = customers + brands + market;
            row("roll-up refresh of the month (at import)", refresh);
            row("bare GROUP BY of the month, before", groupByBefore);
            row("customer analysis (step 5)", customers);
            row("brand analysis (step 6)", brands);
            row("market analysis (step 8)", market);
            row("month-start analysis, total", total);
            row("strategy generation, %d customer managers (step 9)".formatted(strategyRun[1]), strategyRun[0]);
            row("bare GROUP BY of the month, after", groupByAfter);
            System.out.println();
            if (h2) {
                System.out.printf("%s, H2 in memory (the demo), %d cores, load average %.1f → %.1f%n", month,
                        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            } else {
                System.out.printf("%s, PostgreSQL jit=%s work_mem=%s shared_buffers=%s, %d cores, load average %.1f → %.1f%n",
                        month, show("jit"), show("work_mem"), show("shared_buffers"),
                        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            }
            table.forEach(r -> System.out.printf("%-42s %10s%n", r[0], r[1]));
            System.out.printf("%-42s %10.2f%n", "ratio total / bare GROUP BY (faster)", (double) total / groupBy);
            System.out.printf("%-42s %10.2f (%d customers, %d strategies)%n", "ratio strategy generation / analysis",
                    (double) strategyRun[0] / total, strategyRun[2], strategyRun[3]);
            System.out.printf("%-42s %7d MB (max heap %d MB)%n", "peak heap used during the analysis",
                    peak >> 20, Runtime.getRuntime().maxMemory() >> 20);

        }

        /**
         * 计划新增 of the month after for every active customer manager at once ({@link StrategyService#generate(
         * java.util.Collection, YearMonth, java.util.Date)}: facts read once for all, the table evaluated on every
         * core, each plan written in batches), on a month without strategies (its rows are removed first). Returns
         * time, managers, customers, strategies.
         */
        private long[] generateStrategies() {
            YearMonth plan = month.plusMonths(1);
            jdbc.update("delete from service_strategy where period = ?", plan.toString());
            jdbc.update("delete from strategy_plan where period = ?", plan.toString());
            List<String> managers = organization.activeCustomerManagers().stream()
                    .map(Organization.CustomerManager::id).toList();
            long started = System.nanoTime();
            Map<String, GenerationResult> results = strategies.generate(managers, plan, null);
            long nanos = System.nanoTime() - started;
            long customers = results.values().stream().mapToLong(GenerationResult::customers).sum();
            long fired = results.values().stream().mapToLong(GenerationResult::strategies).sum();
            System.out.printf("strategy generation: reading facts %.2f s, evaluating the table %.2f s, writing %.2f s%n",
                    results.values().stream().mapToLong(GenerationResult::inputMillis).sum() / 1e3,
                    results.values().stream().mapToLong(GenerationResult::evaluateMillis).sum() / 1e3,
                    results.values().stream().mapToLong(GenerationResult::writeMillis).sum() / 1e3);
            return new long[] {nanos, managers.size(), customers, fired};
        }

        private String show(String setting) {
            return jdbc.queryForObject("show " + setting, String.class);
        }

        private void row(String what, long nanos) {
            table.add(new String[] {what, String.format("%.2f s", nanos / 1e9)});
        }

        private YearMonth lastCompleteMonth() {
            Date last = jdbc.queryForObject("select max(order_date) from order_line", Date.class);
            YearMonth latest = YearMonth.from(last.toLocalDate());
            return last.toLocalDate().equals(latest.atEndOfMonth()) ? latest : latest.minusMonths(1);
        }

        private void describeDataset() {
            Map<String, Object> counts = jdbc.queryForMap("""
                    select (select count(*) from staff where role = 'CUSTOMER_MANAGER' and active) as managers,
                           (select count(*) from retail_customer) as customers,
                           (select count(*) from cigarette_spec) as specs,
                           (select count(*) from order_line) as lines,
                           (select count(*) from order_line where order_date >= ? and order_date < ?) as month_lines
                    """, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
            System.out.printf("%s: %s customer managers, %s customers, %s specs, %s order lines, %s in %s%n",
                    h2 ? "H2 demo" : jdbc.queryForObject("select current_database()", String.class), counts.get("managers"),
                    counts.get("customers"), counts.get("specs"), counts.get("lines"), counts.get("month_lines"), month);
        }

        /** The yardstick: one GROUP BY customer, spec of the month's order lines, every group read by the client. */
        private long bareGroupBy() {
            AtomicLong groups = new AtomicLong();
            long nanos = time(() -> transaction.execute(status -> {
                JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
                streaming.setFetchSize(10_000);
                streaming.query("""
                        select customer_id, spec_code, sum(quantity), sum(amount)
                          from order_line
                         where order_date >= ? and order_date < ?
                         group by customer_id, spec_code
                        """, rs -> {
                            groups.incrementAndGet();
                        }, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
                return null;
            }));
            return nanos;
        }

        private static long time(Supplier<?> work) {
            long started = System.nanoTime();
            work.get();
            return System.nanoTime() - started;
        }

        private static long time(Runnable work) {
            return time(() -> {
                work.run();
                return null;
            });
        }
    }

    /**
     * Peak heap while the analysis runs: the sum of the heap pools' peak usage since the start (reset
     * after a full GC), which bounds the true peak from above, taken together with a 10 ms sample.
     */
    private static final class HeapPeak {

        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final AtomicLong sampled = new AtomicLong();
        private final Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");

        static HeapPeak start() {
            System.gc();
            HeapPeak peak = new HeapPeak();
            peak.pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            peak.sampler.setDaemon(true);
            peak.sampler.start();
            return peak;
        }

        long stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
            long poolPeaks = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("heap during the analysis: sampled peak %d MB, sum of the pools' peaks %d MB%n",
                    sampled.get() >> 20, poolPeaks >> 20);
            return sampled.get();
        }
    }
}
