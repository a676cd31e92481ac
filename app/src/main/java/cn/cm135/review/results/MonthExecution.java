package cn.cm135.review.results;

import java.util.List;

/**
 * What a customer manager carried out in a month (step 14), as the market manager reviews it and the
 * monthly summary counts it.
 *
 * @param plannedVisits Σ planned frequency of the month's confirmed visit plan; null without a confirmed plan
 * @param doneVisits    visit records of the month with visited = true
 */
public record MonthExecution(int strategiesDone, int strategiesOpen, int strategiesDropped, Integer plannedVisits,
        int doneVisits, List<AdHocTask> adHocTasks) {

    public int strategies() {
        return strategiesDone + strategiesOpen + strategiesDropped;
    }
}
