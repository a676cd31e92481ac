package cn.cm135.cycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The latencies of task completions, one HTTP call each ({@link TasklistClient.CompletionListener}), from many
 * threads: counts and percentiles, overall and per task definition key (which step dominates the tail).
 */
final class Completions implements TasklistClient.CompletionListener {

    private record Completion(String key, long nanos) {
    }

    private final ConcurrentLinkedQueue<Completion> all = new ConcurrentLinkedQueue<>();

    @Override
    public void completed(String taskDefinitionKey, long nanos) {
        all.add(new Completion(taskDefinitionKey, nanos));
    }

    int count() {
        return all.size();
    }

    /** Σ of the completion calls' time, in nanoseconds. */
    long totalNanos() {
        return all.stream().mapToLong(Completion::nanos).sum();
    }

    /** The sorted latencies of every completion. */
    long[] sorted() {
        return sorted(all.stream().map(Completion::nanos).toList());
    }

    /** Per task definition key, the sorted latencies. */
    Map<String, long[]> sortedByKey() {
        Map<String, List<Long>> byKey = new TreeMap<>();
        all.forEach(c -> byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c.nanos()));
        Map<String, long[]> sorted = new TreeMap<>();
        byKey.forEach((key, nanos) -> sorted.put(key, sorted(nanos)));
        return sorted;
    }

    /** The slowest {@code n} completions, slowest first. */
    List<String> slowest(int n) {
        return all.stream().sorted(Comparator.comparingLong(Completion::nanos).reversed()).limit(n)
                .map(c -> String.format("%s %.0f ms", c.key(), c.nanos() / 1e6)).toList();
    }

    /** Nearest-rank percentile {@code p} (0–100) of sorted latencies, in milliseconds. */
    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static long[] sorted(List<Long> nanos) {
        long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
