package cn.cm135.planning.strategy;

import java.time.LocalDate;

/**
 * One strategy of a month's plan, as the customer manager and the market manager see it.
 *
 * @param source SYSTEM (the rule table fired) or MANUAL (added by the customer manager)
 * @param status OPEN, DONE (★ carried out on a visit) or DROPPED (removed by the customer manager, with a reason)
 */
public record Strategy(long id, long customerId, String licenceNo, String customerName, String period,
        String customerManagerId, String strategyType, String keyPoint, String specCode, String specName,
        String content, String reason, Source source, Status status, String dropReason, LocalDate doneOn) {

    public enum Source { SYSTEM, MANUAL }

    public enum Status { OPEN, DONE, DROPPED }

    /** The row's identity in the month: unique per (customer, month, type, spec). */
    Key key() {
        return new Key(customerId, strategyType, specCode == null ? "" : specCode);
    }

    record Key(long customerId, String strategyType, String specKey) {
    }

    /** 规格 as shown: name and code, or empty for a strategy about the whole customer. */
    public String specLabel() {
        return specCode == null ? "" : (specName == null ? specCode : specName + "（" + specCode + "）");
    }
}
