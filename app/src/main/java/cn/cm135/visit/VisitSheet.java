package cn.cm135.visit;

import java.time.LocalDate;
import java.util.List;

import cn.cm135.planning.strategy.OpenStrategy;

/**
 * 日拜访记录表 of a customer manager's day: the customers step 12 listed, what to do and count at each, and
 * what has been recorded so far.
 *
 * @param keySpecs    the key specs (重点品牌) to count at every customer
 * @param marketFocus the week's 市场收集重点 (empty when the week was not arranged)
 * @param routeSummary what step 12's optimiser found for the day's route (empty when not arranged); the customers
 *                    are listed in that order
 */
public record VisitSheet(String customerManagerId, String customerManagerName, String period, LocalDate visitDate,
        String weekday, String marketFocus, String brandFocus, List<KeySpec> keySpecs, List<Customer> customers,
        RecordedDay recorded, String routeSummary) {

    public record KeySpec(String code, String name) {
    }

    /** 商定总量 of one key spec for the customer this month; null when none was computed or agreed. */
    public record Negotiated(String specCode, String specName, Integer quantity) {
    }

    /**
     * @param ledgerHref the customer's 动销台账 of the month (a report page, to show the retailer)
     */
    public record Customer(long customerId, String licenceNo, String name, String address, String routeCode,
            Integer grade, List<OpenStrategy> openStrategies, List<Negotiated> negotiated, String ledgerHref) {

        public String label() {
            return name + "（" + licenceNo + "）";
        }
    }
}
