package cn.cm135.planning.approval;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.rules.Refusal;

/**
 * Moves an {@link Approvable} record through its approval and keeps each decision in
 * {@code approval_decision}. The record's own service loads it, checks its own values, calls here and
 * saves it; a refusal changes nothing here, so the caller's transaction may go on.
 */
@Service
@Transactional(noRollbackFor = Refusal.class)
public class Approvals {

    private final ApprovalDecisionRepository decisions;
    private final Clock clock;

    Approvals(ApprovalDecisionRepository decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The customer manager hands the record to the market manager. */
    public void submit(Approvable record) {
        ApprovalSubject subject = record.approvalSubject();
        LocalDateTime now = now();
        record.approval().submit(subject, now);
        decisions.save(new ApprovalDecision(subject, ApprovalStatus.SUBMITTED, subject.customerManagerId(), now, null));
    }

    public void approve(Approvable record, String by) {
        ApprovalSubject subject = record.approvalSubject();
        LocalDateTime now = now();
        record.approval().approve(subject, by, now);
        decisions.save(new ApprovalDecision(subject, ApprovalStatus.APPROVED, by, now, null));
    }

    /** @throws Refusal INVALID without a reason or with one over 500 字 */
    public void reject(Approvable record, String by, String reason) {
        ApprovalSubject subject = record.approvalSubject();
        LocalDateTime now = now();
        record.approval().reject(subject, by, reason, now);
        decisions.save(new ApprovalDecision(subject, ApprovalStatus.REJECTED, by, now, reason.strip()));
    }

    /** The approved record becomes the month's fixed one; not a decision of its own, so not in the history. */
    public void lock(Approvable record) {
        record.approval().lock(record.approvalSubject());
    }

    /** Every submission and decision on the record, oldest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<ApprovalDecision> history(ApprovalSubject subject) {
        return decisions.findBySubjectAndCustomerManagerIdAndPeriodOrderByIdAsc(subject.kind(),
                subject.customerManagerId(), subject.period());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
