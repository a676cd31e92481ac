package cn.cm135.planning.approval;

import java.time.LocalDateTime;

import cn.cm135.rules.Refusal;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The approval life cycle a market manager runs on a customer manager's monthly record (targets, strategy
 * plan, work plan, month results): its state, the last decision and why a rejection was made. Embedded in the
 * record's entity (the four tables share these columns); every rule of 确定后不能修改 is here, so the four
 * records refuse alike. Move it through {@link Approvals}, which also keeps the history of decisions.
 */
@Embeddable
public class Approval {

    static final int REASON_MAX = 500;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus status = ApprovalStatus.DRAFT;

    private String rejectionReason;
    private LocalDateTime submittedAt;
    private String decidedBy;
    private LocalDateTime decidedAt;

    /** @throws Refusal LOCKED while the record waits for a decision or once it is approved */
    public void requireEditable(ApprovalSubject subject) {
        if (status.isFrozen()) {
            String state = subject.kind().approvedLabel() + (status == ApprovalStatus.LOCKED ? "并已锁定" : "");
            throw Refusal.locked(subject.what() + state + "，不能再修改");
        }
        if (status == ApprovalStatus.SUBMITTED) {
            throw Refusal.locked(subject.what() + "已提交，正等待市场经理审核，不能修改");
        }
    }

    /**
     * For what the record stands for rather than the record itself (the month's marks behind its results):
     * closed from submission on, not only once approved.
     *
     * @throws Refusal LOCKED while submitted or once approved
     */
    public void requireNotUnderReview(ApprovalSubject subject) {
        if (status == ApprovalStatus.SUBMITTED || status.isFrozen()) {
            String state = status == ApprovalStatus.SUBMITTED ? "已提交审核" : subject.kind().approvedLabel();
            throw Refusal.locked(subject.what() + state + "，确定后不能修改");
        }
    }

    /** @throws Refusal LOCKED unless approved: what the record plans may only be carried out then */
    public void requireApproved(ApprovalSubject subject, String action) {
        if (!status.isFrozen()) {
            throw Refusal.locked(subject.what() + "尚未审核通过（" + status.label() + "），不能" + action);
        }
    }

    void submit(ApprovalSubject subject, LocalDateTime at) {
        requireEditable(subject);
        status = ApprovalStatus.SUBMITTED;
        submittedAt = at;
    }

    void approve(ApprovalSubject subject, String by, LocalDateTime at) {
        requireStatus(subject, ApprovalStatus.SUBMITTED, subject.kind().approveVerb());
        status = ApprovalStatus.APPROVED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = null;
    }

    void reject(ApprovalSubject subject, String by, String reason, LocalDateTime at) {
        String field = subject.kind().reasonField();
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid(field, "驳回时必须填写驳回原因");
        }
        if (reason.strip().length() > REASON_MAX) {
            throw Refusal.invalid(field, "驳回原因最多 " + REASON_MAX + " 字");
        }
        requireStatus(subject, ApprovalStatus.SUBMITTED, "驳回");
        status = ApprovalStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = reason.strip();
    }

    /** Locks an approved record; locking a locked one changes nothing. */
    void lock(ApprovalSubject subject) {
        if (status != ApprovalStatus.LOCKED) {
            requireStatus(subject, ApprovalStatus.APPROVED, "锁定");
            status = ApprovalStatus.LOCKED;
        }
    }

    private void requireStatus(ApprovalSubject subject, ApprovalStatus expected, String action) {
        if (status != expected) {
            String state = status == ApprovalStatus.APPROVED ? subject.kind().approvedLabel() : status.label();
            throw Refusal.locked(subject.what() + "状态为" + state + "，不能" + action);
        }
    }

    public ApprovalStatus status() {
        return status;
    }

    /** The reason of the last rejection, while the record is rejected and being reworked; else null. */
    public String pendingRejectionReason() {
        return status == ApprovalStatus.REJECTED ? rejectionReason : null;
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
