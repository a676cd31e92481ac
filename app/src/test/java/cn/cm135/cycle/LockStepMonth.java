package cn.cm135.cycle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import cn.cm135.cycle.PlanPhaseDriver.Run;

/**
 * Many customer managers' months worked at once on a thread pool, the way {@link WholeMonthEndToEndTests} and
 * {@code MonthThroughputBenchmark} need it. The engine clock is global (one {@code ClockUtil} for the JVM), so it
 * moves only between slots — a plan day, or a morning or evening of the implement phase — when every thread is done
 * with that slot; inside a slot each thread works one customer manager's instance at a time (that customer manager and
 * their market manager, who reviews what the customer manager just submitted).
 */
final class LockStepMonth {

    /** Told how long each slot took from the first run started to the last one done. */
    interface SlotListener {
        void slot(String name, long nanos);
    }

    private final ExecutorService pool;
    private final SlotListener slots;
    private final long slotTimeoutMinutes;

    LockStepMonth(ExecutorService pool, SlotListener slots, long slotTimeoutMinutes) {
        this.pool = pool;
        this.slots = slots;
        this.slotTimeoutMinutes = slotTimeoutMinutes;
    }

    /**
     * Steps 1–10 and the opening of step 11 ({@link PlanPhaseDriver#planDays()}), the clock at 08:00 of the month's
     * working days 1–4; returns the nanoseconds each customer manager's work took (their market manager's included).
     */
    Map<String, Long> planDays(PlanPhaseDriver driver, List<Run> runs) throws InterruptedException, ExecutionException {
        Map<String, Long> nanosPerManager = new ConcurrentHashMap<>();
        List<Consumer<Run>> days = driver.planDays();
        for (int d = 0; d < days.size(); d++) {
            PlanPhaseDriver.setClock(driver.planDay(runs.get(0).month(), d + 1), 8, 0);
            Consumer<Run> day = days.get(d);
            each("plan day " + (d + 1), runs, run -> {
                long t = System.nanoTime();
                day.accept(run);
                nanosPerManager.merge(run.customerManagerId(), System.nanoTime() - t, Long::sum);
            });
        }
        return nanosPerManager;
    }

    /**
     * Steps 12–16, day by day from the engine clock's day to the 3rd of the next month, mornings (the day's records
     * appear) and evenings (recorded), until every instance has {@code ended}.
     */
    void implementPhase(ImplementPhaseDriver implement, List<Run> runs, LocalDate from, Predicate<Run> ended)
            throws InterruptedException, ExecutionException {
        LocalDate last = runs.get(0).month().plusMonths(1).atDay(3);
        for (LocalDate day = from; !day.isAfter(last) && runs.stream().anyMatch(ended.negate()); day = day.plusDays(1)) {
            for (LocalTime time : List.of(ImplementPhaseDriver.MORNING, ImplementPhaseDriver.EVENING)) {
                if (!ImplementPhaseDriver.before(day, time)) {
                    continue; // the day step 11 was confirmed: its morning is over
                }
                ImplementPhaseDriver.setClock(day, time);
                LocalDate today = day;
                boolean evening = time.equals(ImplementPhaseDriver.EVENING);
                each(day + (evening ? " evening" : " morning"), runs, run -> implement.work(run, today, evening));
            }
        }
    }

    /** {@code work} for every run on the pool; returns when all are done, rethrows the first failure. */
    void each(String slot, List<Run> runs, Consumer<Run> work) throws InterruptedException, ExecutionException {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Run run : runs) {
            tasks.add(() -> {
                work.accept(run);
                return null;
            });
        }
        long started = System.nanoTime();
        for (Future<Void> done : pool.invokeAll(tasks, slotTimeoutMinutes, TimeUnit.MINUTES)) {
            done.get();
        }
        if (slots != null) {
            slots.slot(slot, System.nanoTime() - started);
        }
    }
}
