package cn.cm135.planning.strategy;

/**
 * A strategy the customer manager adds by hand (form or REST).
 *
 * @param licenceNo    许可证号 of one of the customer manager's customers
 * @param strategyType 策略类型, e.g. 经营分析指导 or a type of their own
 * @param content      策略内容: what to do
 * @param specCode     规格代码, optional
 * @param keyPoint     要点 客户 | 品牌 | 市场; optional for a type the rule table knows
 */
public record ManualStrategy(String licenceNo, String strategyType, String content, String specCode, String keyPoint) {
}
