package cn.cm135.planning.approval;

/**
 * The four monthly records a market manager approves, and how their messages name them. The words differ
 * because the method's own forms differ: targets are 批准ed (审批), the others 审核ed.
 */
public enum ApprovalKind {
    TARGETS("月目标", "已批准", "审批", "rejectionReason"),
    STRATEGY_PLAN("月服务策略计划", "已审核", "审核", "strategiesRejectionReason"),
    WORK_PLAN("月度工作计划", "已批准", "审核通过", "rejectionReason"),
    MONTH_RESULTS("月工作结果", "已审核通过", "审核通过", "rejectionReason");

    private final String noun;
    private final String approvedLabel;
    private final String approveVerb;
    private final String reasonField;

    ApprovalKind(String noun, String approvedLabel, String approveVerb, String reasonField) {
        this.noun = noun;
        this.approvedLabel = approvedLabel;
        this.approveVerb = approveVerb;
        this.reasonField = reasonField;
    }

    /** e.g. "月目标", read after "cm01 的 2026-11 ". */
    String noun() {
        return noun;
    }

    /** The state of an approved record in messages ("已批准"). */
    String approvedLabel() {
        return approvedLabel;
    }

    /** The market manager's act in messages ("不能审批"). */
    String approveVerb() {
        return approveVerb;
    }

    /** The input a refused rejection reason is reported against (the REST body's or the form's field). */
    String reasonField() {
        return reasonField;
    }
}
