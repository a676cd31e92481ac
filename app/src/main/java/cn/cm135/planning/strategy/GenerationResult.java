package cn.cm135.planning.strategy;

import java.time.YearMonth;

/**
 * What one 计划新增 did.
 *
 * @param customers     active customers of the customer manager, each evaluated once by the table
 * @param strategies    strategies the table gave
 * @param inserted      new rows
 * @param refreshed     open system rows kept, with the reason of this run
 * @param removed       open system rows whose rule no longer fires
 * @param untouched     rows the table gave again that the customer manager dropped, or that are manual
 * @param inputMillis   time to read the facts (the set-based queries)
 * @param evaluateMillis time to parse and evaluate the table for every customer
 * @param writeMillis   time to compare and write the rows (this plan's share when several were written together)
 */
public record GenerationResult(YearMonth month, int customers, int strategies, int inserted, int refreshed,
        int removed, int untouched, long inputMillis, long evaluateMillis, long writeMillis) {

    GenerationResult withWriteMillis(long millis) {
        return new GenerationResult(month, customers, strategies, inserted, refreshed, removed, untouched, inputMillis,
                evaluateMillis, millis);
    }
}
