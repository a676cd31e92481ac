package cn.cm135.planning.visits;

/**
 * Whether the month's planned visits fit the working days: Σ planned ≤ working days × visits a working day.
 *
 * @param capacity the visits the working days allow
 * @param excess   planned − capacity when over, else 0
 * @param message  the check in words, e.g. "本月计划拜访 912 次，工作日 21 天 × 40 = 840 次，超出 72 次"
 */
public record VisitCapacity(int workingDays, int maxPerWorkingDay, int capacity, int proposedTotal, int plannedTotal,
        int excess, boolean fits, String message) {

    static VisitCapacity of(int workingDays, int maxPerWorkingDay, int proposedTotal, int plannedTotal) {
        int capacity = workingDays * maxPerWorkingDay;
        int excess = Math.max(0, plannedTotal - capacity);
        String check = "本月计划拜访 %d 次，工作日 %d 天 × %d = %d 次，".formatted(plannedTotal, workingDays,
                maxPerWorkingDay, capacity);
        String message = excess > 0 ? check + "超出 " + excess + " 次"
                : check + "未超出（尚余 " + (capacity - plannedTotal) + " 次）";
        return new VisitCapacity(workingDays, maxPerWorkingDay, capacity, proposedTotal, plannedTotal, excess,
                excess == 0, message);
    }
}
