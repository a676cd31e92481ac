package cn.cm135.cycle;

import java.util.List;

/**
 * What starting a month did.
 *
 * @param period                 the month, yyyy-MM
 * @param started                business keys of the instances started now
 * @param alreadyRunning         customer managers whose month had been started before
 * @param withoutMarketManager   customer managers skipped because nobody would approve their work
 */
public record CycleStartResult(String period, List<String> started, List<String> alreadyRunning,
        List<String> withoutMarketManager) {
}
