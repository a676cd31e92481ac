package cn.cm135.planning.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A customer manager's record of one month that the market manager approves, with a row id (targets, strategy
 * plan, work plan; the month results are keyed by customer manager and month instead). Its tables share these
 * columns: id, customer_manager_id, period, the {@link Approval}'s and version.
 */
@MappedSuperclass
public abstract class MonthlyRecord implements Approvable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_manager_id", nullable = false)
    private String customerManagerId;

    @Column(nullable = false)
    private String period;

    @Embedded
    private Approval approval = new Approval();

    @Version
    private int version;

    protected MonthlyRecord() {
    }

    protected MonthlyRecord(String customerManagerId, String period) {
        this.customerManagerId = customerManagerId;
        this.period = period;
    }

    /** Which of the four records this is. */
    protected abstract ApprovalKind approvalKind();

    public Long getId() {
        return id;
    }

    public String getCustomerManagerId() {
        return customerManagerId;
    }

    public String getPeriod() {
        return period;
    }

    public ApprovalStatus getStatus() {
        return approval.status();
    }

    @Override
    public Approval approval() {
        return approval;
    }

    @Override
    public ApprovalSubject approvalSubject() {
        return new ApprovalSubject(approvalKind(), customerManagerId, period);
    }
}
