package cn.cm135.review.week;

/**
 * What the customer manager writes in a 周工作小结.
 *
 * @param judgedStatus  超前 | 正常 | 滞后, the customer manager's judgement (the system only suggests one)
 * @param rationality   周工作安排的合理性
 * @param effectiveness 周工作实施的有效性
 */
public record WeekJudgement(String judgedStatus, String rationality, String effectiveness) {
}
