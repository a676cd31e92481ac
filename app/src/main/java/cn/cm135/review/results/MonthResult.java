package cn.cm135.review.results;

import java.io.Serializable;
import java.util.Objects;

import cn.cm135.planning.approval.Approvable;
import cn.cm135.planning.approval.Approval;
import cn.cm135.planning.approval.ApprovalKind;
import cn.cm135.planning.approval.ApprovalSubject;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer manager's month results (结果提交 / 结果审核, step 14), with the market manager's approval. */
@Entity
@Table(name = "month_result")
@IdClass(MonthResult.Key.class)
public class MonthResult implements Approvable {

    /** The primary key: one result per customer manager and month. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String customerManagerId;
        private String period;

        protected Key() {
        }

        Key(String customerManagerId, String period) {
            this.customerManagerId = customerManagerId;
            this.period = period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.customerManagerId.equals(customerManagerId) && k.period.equals(period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerManagerId, period);
        }
    }

    @Id
    @Column(name = "customer_manager_id")
    private String customerManagerId;

    @Id
    private String period;

    @Embedded
    private Approval approval = new Approval();

    /** Null until stored, so that saving a new result inserts it. */
    @Version
    private Integer version;

    protected MonthResult() {
    }

    MonthResult(String customerManagerId, String period) {
        this.customerManagerId = customerManagerId;
        this.period = period;
    }

    @Override
    public Approval approval() {
        return approval;
    }

    @Override
    public ApprovalSubject approvalSubject() {
        return new ApprovalSubject(ApprovalKind.MONTH_RESULTS, customerManagerId, period);
    }

    public String getCustomerManagerId() {
        return customerManagerId;
    }

    public String getPeriod() {
        return period;
    }
}
