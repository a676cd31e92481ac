package cn.cm135.resilience;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a state the apps reach on their own (jobs run by their job executors). */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            AppProcess.sleep(500);
        }
    }

    /** The log lines {@code cn.cm135.cycle.MonthlyAnalyses} writes around the customer analysis of a month. */
    static String analysisStarted(Object analysedMonth) {
        return "Month-start analysis customers of " + analysedMonth + ": started";
    }

    static String analysisComputed(Object analysedMonth) {
        return "Month-start analysis customers of " + analysedMonth + ": computed";
    }
}
