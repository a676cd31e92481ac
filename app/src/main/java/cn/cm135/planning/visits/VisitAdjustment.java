package cn.cm135.planning.visits;

/**
 * The customer manager's frequency for one customer. A frequency equal to the proposal withdraws an earlier
 * adjustment; any other needs a reason.
 */
public record VisitAdjustment(Long customerId, Integer plannedFrequency, String reason) {
}
