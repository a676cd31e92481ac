package cn.cm135.planning.approval;

/** draft → submitted → approved | rejected (with reason) → locked; rejected goes back to editing. */
public enum ApprovalStatus {
    DRAFT("草稿"), SUBMITTED("已提交"), APPROVED("已批准"), REJECTED("已驳回"), LOCKED("已锁定");

    private final String label;

    ApprovalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Approved or locked: 确定后不能修改. */
    public boolean isFrozen() {
        return this == APPROVED || this == LOCKED;
    }
}
