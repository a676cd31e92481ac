/**
 * The month-start analyses of {@code cycle-135-monthly} (steps 5, 6 and 8): service tasks that run the
 * marketing centre's analysis of the last complete month once (via {@link cn.cm135.cycle.MonthlyAnalyses},
 * which finds each feature's {@link cn.cm135.process.MonthStartAnalysis}). The user tasks that show a customer
 * manager their part and confirm it live with their features ({@code customer/analysis},
 * {@code brand/analysis}, {@code market/analysis}).
 */
package cn.cm135.cycle.analysis;
