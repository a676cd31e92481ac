/**
 * The bottom floor every feature may use: the contract between the BPMN models and the code. The process
 * variables and business key of {@code cycle-135-monthly} ({@link cn.cm135.process.CycleVariables}), what
 * one month hands to the next ({@link cn.cm135.process.ImprovementMeasures}) and the month-start analyses
 * the cycle runs once for the whole marketing centre ({@link cn.cm135.process.MonthStartAnalysis}). It
 * depends on no feature, so a feature's listener and the cycle meet here instead of importing each other.
 */
package cn.cm135.process;
