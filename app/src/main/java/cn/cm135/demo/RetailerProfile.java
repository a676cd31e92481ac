package cn.cm135.demo;

import java.time.LocalDate;

/**
 * A retailer as the order and visit models see it: how much it sells, which specs it carries and how
 * much it likes each. Kept in memory for the whole run (a city's 30,000 profiles are a few MB).
 *
 * @param monthlyVolume  typical cartons (条) a month before seasons and trend
 * @param specIndexes    catalog indexes of the specs it carries (its 常销规格)
 * @param specWeights    its preference for each of those specs, same order
 * @param unitValue      expected 单条值 (元/条) of its orders, for the initial grade
 * @param stopsOrderingOn first day without orders for a suspended licence, else null
 */
record RetailerProfile(long id, Organisation.AreaPlan area, String routeCode, int weekday, double monthlyVolume,
                       int[] specIndexes, double[] specWeights, double unitValue, LocalDate openedOn,
                       LocalDate stopsOrderingOn, Row.Customer row) {

    RetailerProfile withRow(Row.Customer customer) {
        return new RetailerProfile(id, area, routeCode, weekday, monthlyVolume, specIndexes, specWeights, unitValue,
                openedOn, stopsOrderingOn, customer);
    }

    double weeklyVolume() {
        return monthlyVolume * 12 / 52;
    }

    /** Whether the retailer can order on that day: licence open and not suspended yet. */
    boolean tradingOn(LocalDate day) {
        return !day.isBefore(openedOn) && (stopsOrderingOn == null || day.isBefore(stopsOrderingOn));
    }

    double totalWeight() {
        double total = 0;
        for (double w : specWeights) {
            total += w;
        }
        return total;
    }
}
