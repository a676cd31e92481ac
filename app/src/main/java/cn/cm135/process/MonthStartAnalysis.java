package cn.cm135.process;

import java.time.YearMonth;

/**
 * One of the analyses the monthly cycle runs at the start of a month for the whole marketing centre (steps
 * 5, 6, 8). The feature that owns the analysis implements it; the cycle runs each {@link #kind()} once per
 * analysed month (cycle/MonthlyAnalyses), without knowing the feature.
 */
public interface MonthStartAnalysis {

    /** 经营效果与经营能力 (step 5). */
    String CUSTOMERS = "customers";
    /** 月度品牌状态分析 (step 6). */
    String BRANDS = "brands";
    /** 市场分析 (step 8). */
    String MARKET = "market";

    /** The key of the analysis in {@code analysis_run}: {@link #CUSTOMERS}, {@link #BRANDS} or {@link #MARKET}. */
    String kind();

    /** Computes and stores the analysis of {@code month} (the last complete month) for every customer or area. */
    void analyse(YearMonth month);

    /**
     * Analyses one customer manager's part of {@code month} again, after their first month backfilled what the
     * analysis reads (step 3's brand targets) when another instance had already analysed the month. Nothing by
     * default: only an analysis that reads backfilled data needs it.
     */
    default void analyseAgainFor(YearMonth month, String customerManagerId) {
    }
}
