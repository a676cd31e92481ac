package cn.cm135.planning.approval;

import java.time.LocalDateTime;

import cn.cm135.rules.Refusal;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The approval life cycle a market manager runs on a customer manager's monthly artefact (a monthly work
 * plan, month-end results): who decided what, when, and why a rejection was made. Embedded in the
 * artefact's entity; every change is refused once approved (确定后不能修改) or while it waits for a decision.
 */
@Embeddable
public class Approval {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus status = ApprovalStatus.DRAFT;

    private String rejectionReason;
    private LocalDateTime submittedAt;
    private String decidedBy;
    private LocalDateTime decidedAt;

    /** @param what names the artefact in messages, e.g. "cm01 的 2026-11 月度工作计划" */
    public void requireEditable(String what) {
        if (status.isFrozen()) {
            throw Refusal.locked(what + "已批准（" + status.label() + "），不能再修改");
        }
        if (status == ApprovalStatus.SUBMITTED) {
            throw Refusal.locked(what + "已提交，正等待市场经理审核，不能修改");
        }
    }

    public void submit(String what, LocalDateTime at) {
        requireEditable(what);
        status = ApprovalStatus.SUBMITTED;
        submittedAt = at;
    }

    public void approve(String what, String by, LocalDateTime at) {
        requireStatus(what, ApprovalStatus.SUBMITTED, "审核通过");
        status = ApprovalStatus.APPROVED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = null;
    }

    public void reject(String what, String by, String reason, LocalDateTime at) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("rejectionReason", "驳回时必须填写驳回原因");
        }
        if (reason.strip().length() > 500) {
            throw Refusal.invalid("rejectionReason", "驳回原因最多 500 字");
        }
        requireStatus(what, ApprovalStatus.SUBMITTED, "驳回");
        status = ApprovalStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = reason.strip();
    }

    /** Locks an approved artefact; locking a locked one changes nothing. */
    public void lock(String what) {
        if (status != ApprovalStatus.LOCKED) {
            requireStatus(what, ApprovalStatus.APPROVED, "锁定");
            status = ApprovalStatus.LOCKED;
        }
    }

    private void requireStatus(String what, ApprovalStatus expected, String action) {
        if (status != expected) {
            throw Refusal.locked(what + "的状态为「" + status.label() + "」，不能" + action);
        }
    }

    public ApprovalStatus status() {
        return status;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public LocalDateTime submittedAt() {
        return submittedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public LocalDateTime decidedAt() {
        return decidedAt;
    }
}
