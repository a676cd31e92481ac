package cn.cm135.planning.week;

import java.util.List;

import cn.cm135.planning.strategy.OpenStrategy;

/**
 * A customer a day lists: due by the visit plan on that day's route.
 *
 * @param plannedFrequency visits planned this month (f)
 * @param done             visits recorded this month so far
 */
public record DueCustomer(long customerId, String licenceNo, String name, String routeCode, int plannedFrequency,
        int done, List<OpenStrategy> openStrategies) {
}
