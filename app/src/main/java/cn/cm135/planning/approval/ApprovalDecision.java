package cn.cm135.planning.approval;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One step of an approval, kept for good: a submission, an approval or a rejection with its reason. The
 * record's own columns hold only the last decision; a month rejected twice tells its story here.
 */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalKind subject;

    @Column(name = "customer_manager_id", nullable = false)
    private String customerManagerId;

    @Column(nullable = false)
    private String period;

    /** The state the decision moved the record to: SUBMITTED, APPROVED or REJECTED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus decision;

    private String decidedBy;

    @Column(nullable = false)
    private LocalDateTime decidedAt;

    private String reason;

    protected ApprovalDecision() {
    }

    ApprovalDecision(ApprovalSubject subject, ApprovalStatus decision, String by, LocalDateTime at, String reason) {
        this.subject = subject.kind();
        this.customerManagerId = subject.customerManagerId();
        this.period = subject.period();
        this.decision = decision;
        this.decidedBy = by;
        this.decidedAt = at;
        this.reason = reason;
    }

    public ApprovalStatus decision() {
        return decision;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public LocalDateTime decidedAt() {
        return decidedAt;
    }

    public String reason() {
        return reason;
    }
}
