package cn.cm135.planning.strategy;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates one generation reads. The plan is for month {@code plan} (本月, the cycle's month); the
 * analysis it builds on is of the last complete month {@code analysed} = plan − 1 (steps 5–8).
 *
 * @param plan     the month the strategies are for
 * @param analysed plan − 1
 */
record StrategyMonth(YearMonth plan, YearMonth analysed) {

    /** The "last 4 weeks" are 4 blocks of 7 days counted back from the analysed month's last day. */
    static final int WEEKS = 4;

    static StrategyMonth of(YearMonth plan) {
        return new StrategyMonth(plan, plan.minusMonths(1));
    }

    LocalDate lastDay() {
        return analysed.atEndOfMonth();
    }

    /** First day of week k (0 = the last 7 days up to {@link #lastDay()}). */
    LocalDate weekStart(int k) {
        return lastDay().minusDays(7L * k + 6);
    }

    /** First day of the "last 3 months" m−2 … m of the analysed month m. */
    LocalDate threeMonthsFirst() {
        return analysed.minusMonths(2).atDay(1);
    }
}
