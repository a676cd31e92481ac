package cn.cm135.review.month;

/**
 * What the customer manager writes in the 月度工作总结; only the improvement measures are required.
 *
 * @param analysisAccuracy    月分析的准确性
 * @param planRationality     月计划的合理性
 * @param goodPractice        好的经验
 * @param shortcomings        不足
 * @param improvementMeasures 改进措施, shown in next month's analysis review and work plan
 */
public record MonthReview(String analysisAccuracy, String planRationality, String goodPractice, String shortcomings,
        String improvementMeasures) {
}
