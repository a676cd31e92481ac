package cn.cm135.cycle;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What {@code MonthThroughputBenchmark} prints: the side-by-side table, then where the cm135 time went. */
record ThroughputReport(YearMonth month, int threads, int instances, double loadBefore, double loadAfterMonth, double loadAfter) {

    void print(Completions cm135, Completions bare, long kickOff, long planNanos, long implementNanos, long monthNanos,
            long bareNanos, EngineRows before, EngineRows afterMonth, EngineRows afterBare, long heapMonth, long heapBare,
            List<String[]> slots, int failedChecks) {
        long[] a = cm135.sorted();
        long[] b = bare.sorted();
        double rateA = cm135.count() / (monthNanos / 1e9);
        double rateB = bare.count() / (bareNanos / 1e9);
        System.out.println();
        System.out.printf("month %s, %d instances, %d threads, load average %.1f → %.1f → %.1f%n", month, instances,
                threads, loadBefore, loadAfterMonth, loadAfter);
        System.out.printf("%-44s %14s %14s%n", "", "cm135 month", "bare chain");
        System.out.printf("%-44s %14d %14d%n", "task completions", cm135.count(), bare.count());
        System.out.printf("%-44s %14.1f %14.1f%n", "wall time (s)", monthNanos / 1e9, bareNanos / 1e9);
        System.out.printf("%-44s %14.2f %14.2f%n", "completions / s (÷ wall time)", rateA, rateB);
        System.out.printf("%-44s %14.2f %14.2f%n", "completions / s (÷ Σ completion calls / threads)",
                cm135.count() / (cm135.totalNanos() / 1e9 / threads), bare.count() / (bare.totalNanos() / 1e9 / threads));
        for (double p : new double[] {50, 95, 99}) {
            System.out.printf("%-44s %14.1f %14.1f%n", "p" + (int) p + " of one completion (ms)",
                    Completions.percentileMillis(a, p), Completions.percentileMillis(b, p));
        }
        System.out.printf("%-44s %14.1f %14.1f%n", "max of one completion (ms)", Completions.percentileMillis(a, 100),
                Completions.percentileMillis(b, 100));
        System.out.printf("%-44s %14.1f %14.1f%n", "ACT_HI_* rows left per instance",
                (afterMonth.history() - before.history()) / (double) instances,
                (afterBare.history() - afterMonth.history()) / (double) instances);
        System.out.printf("%-44s %14.1f %14.1f%n", "ACT_RU_* rows left per instance",
                (afterMonth.runtime() - before.runtime()) / (double) instances,
                (afterBare.runtime() - afterMonth.runtime()) / (double) instances);
        System.out.printf("%-44s %14s %14s%n", "ACT_GE_BYTEARRAY rows / kB per instance",
                perInstance(afterMonth.byteArrays() - before.byteArrays(),
                        afterMonth.byteArrayBytes() - before.byteArrayBytes()),
                perInstance(afterBare.byteArrays() - afterMonth.byteArrays(),
                        afterBare.byteArrayBytes() - afterMonth.byteArrayBytes()));
        System.out.printf("%-44s %14d %14d%n", "peak heap used (MB, sampled every 10 ms)", heapMonth >> 20,
                heapBare >> 20);
        System.out.printf("%-44s %14.2f   (goal ≥ 0.8)%n", "RATIO cm135 / bare (completions / s)", rateA / rateB);
        System.out.println();
        System.out.printf("cm135: kick-off (POST /api/cycles) %.1f s, steps 1-11 %.1f s, steps 12-16 %.1f s;"
                + " instances whose history check failed: %d%n", kickOff / 1e9, planNanos / 1e9, implementNanos / 1e9,
                failedChecks);
        double p99 = Completions.percentileMillis(a, 99);
        System.out.printf("%-28s %6s %8s %8s %8s %8s %8s %7s%n", "cm135 step", "n", "p50", "p95", "p99", "max",
                "Σ s", "> p99");
        for (Map.Entry<String, long[]> e : cm135.sortedByKey().entrySet()) {
            long[] s = e.getValue();
            long slow = Arrays.stream(s).filter(n -> n / 1e6 > p99).count();
            System.out.printf("%-28s %6d %8.0f %8.0f %8.0f %8.0f %8.1f %7d%n", e.getKey(), s.length,
                    Completions.percentileMillis(s, 50), Completions.percentileMillis(s, 95),
                    Completions.percentileMillis(s, 99), Completions.percentileMillis(s, 100),
                    Arrays.stream(s).sum() / 1e9, slow);
        }
        System.out.println("slowest completions: " + String.join(", ", cm135.slowest(5)));
        System.out.println("engine rows added by the month: " + afterMonth.since(before));
        System.out.println("engine rows added by the bare chains: " + afterBare.since(afterMonth));
        System.out.println("slowest slots (s): " + slots.stream()
                .sorted(Comparator.comparingDouble((String[] s) -> Double.parseDouble(s[1])).reversed()).limit(8)
                .map(s -> s[0] + " " + s[1]).toList() + " of " + slots.size() + " slots");
    }

    private String perInstance(long rows, long bytes) {
        return String.format("%.0f / %.0f", rows / (double) instances, bytes / 1024.0 / instances);
    }
}
