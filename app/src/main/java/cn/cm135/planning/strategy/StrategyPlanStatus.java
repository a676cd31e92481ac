package cn.cm135.planning.strategy;

/** Life cycle of a month's strategy plan: draft -> submitted -> approved | rejected -> locked. */
public enum StrategyPlanStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, LOCKED;

    /** An approved plan is what the month's visits carry out; no path may change its strategies any more. */
    boolean isFrozen() {
        return this == APPROVED || this == LOCKED;
    }

    /** 中文 name for messages. */
    String label() {
        return switch (this) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "已提交";
            case APPROVED -> "已审核";
            case REJECTED -> "已驳回";
            case LOCKED -> "已锁定";
        };
    }
}
