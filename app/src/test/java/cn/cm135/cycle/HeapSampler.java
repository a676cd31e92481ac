package cn.cm135.cycle;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap used while a benchmark runs, sampled every 10 ms (as {@code MonthStartAnalysisBenchmark} samples the
 * analysis), after a full GC so the figure starts from what the app holds at rest.
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler = new Thread(this::sample, "heap-sampler");

    static HeapSampler start() {
        System.gc();
        HeapSampler heap = new HeapSampler();
        heap.sampler.setDaemon(true);
        heap.sampler.start();
        return heap;
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest heap use sampled so far, in bytes. */
    long peak() {
        return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
    }
}
