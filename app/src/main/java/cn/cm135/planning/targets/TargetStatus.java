package cn.cm135.planning.targets;

/** Life cycle of a month's targets: draft -> submitted -> approved | rejected -> locked. */
public enum TargetStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, LOCKED;

    /** Approved targets are the contract for the month; no path may change them any more. */
    boolean isFrozen() {
        return this == APPROVED || this == LOCKED;
    }
}
