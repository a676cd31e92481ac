package cn.cm135.planning.workplan;

/** What the customer manager writes in the monthly work plan. */
public record WorkPlanValues(Integer visitsTop, Integer visitsMiddle, Integer visitsBase, String customerWork,
        String brandWork, String marketWork, String improvementMeasures) {
}
