package cn.cm135.planning.route;

import java.util.List;

/**
 * The order proposed for one day and what it costs against the route's default order.
 *
 * @param order            customer ids in visiting order (the default order when not optimised)
 * @param optimised        whether the optimiser ran (all retailers have coordinates and there are at least two)
 * @param defaultMetres    road distance of the default order, depot → retailers → depot; null without coordinates
 * @param lateCustomers    retailers reached after closing time in the proposed order
 * @param summary          the line the form and the sheet show, 中文
 */
public record DayRoute(List<Long> order, boolean optimised, Long defaultMetres, Integer defaultMinutes,
        Long optimisedMetres, Integer optimisedMinutes, int lateCustomers, String summary) {

    public static final String WITHOUT_COORDINATES = "部分零售户没有经纬度，保持线路默认顺序";

    /** Metres saved by the optimised order (0 when not optimised). */
    public long savedMetres() {
        return optimised ? defaultMetres - optimisedMetres : 0;
    }
}
