package cn.cm135.planning.approval;

/** Which record an approval belongs to: one of each kind per customer manager and month. */
public record ApprovalSubject(ApprovalKind kind, String customerManagerId, String period) {

    /** Names the record in refusals, e.g. "cm01 的 2026-11 月度工作计划". */
    public String what() {
        return customerManagerId + " 的 " + period + " " + kind.noun();
    }
}
