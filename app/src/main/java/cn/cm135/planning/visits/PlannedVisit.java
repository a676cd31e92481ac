package cn.cm135.planning.visits;

/**
 * One customer of a visit plan: what the rule proposes and what the customer manager plans.
 *
 * @param grade             档位 the rule used; null when the customer has none
 * @param gradeSource       ANALYSIS (the analysed month's grade) or CUSTOMER (the customer's current grade); null without a grade
 * @param strategyRaise     经营分析指导 or 品牌: the strategy that raised the frequency; null when none did
 * @param plannedFrequency  the adjusted frequency, or the proposed one when the customer manager kept it
 * @param adjusted          true when the customer manager set a frequency of their own
 * @param adjustmentReason  why, when adjusted
 * @param ruleReason        how the rule came to the proposal, e.g. "档位 27 → 4 次；有经营分析指导策略 +1"
 */
public record PlannedVisit(long customerId, String licenceNo, String name, String routeCode, Integer grade,
        String gradeSource, String strategyRaise, int proposedFrequency, int plannedFrequency, boolean adjusted,
        String adjustmentReason, String ruleReason) {

    /** "name（licence）", as the other forms show a retailer. */
    public String label() {
        return name + "（" + licenceNo + "）";
    }
}
