package cn.cm135.planning.strategy;

import java.time.LocalDateTime;

import cn.cm135.planning.approval.Approvable;
import cn.cm135.planning.approval.Approval;
import cn.cm135.planning.approval.ApprovalKind;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.approval.ApprovalSubject;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One customer manager's strategy plan (服务策略计划) for one month, with the market manager's approval (计划审核). The
 * strategies themselves are rows of {@code service_strategy}; this record says whether they may change.
 */
@Entity
@Table(name = "strategy_plan")
public class StrategyPlan implements Approvable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_manager_id", nullable = false)
    private String customerManagerId;

    @Column(nullable = false)
    private String period;

    @Embedded
    private Approval approval = new Approval();

    private LocalDateTime generatedAt;
    private Integer customers;

    @Version
    private int version;

    protected StrategyPlan() {
    }

    StrategyPlan(String customerManagerId, String period) {
        this.customerManagerId = customerManagerId;
        this.period = period;
    }

    void generated(int evaluatedCustomers, LocalDateTime at) {
        requireEditable();
        customers = evaluatedCustomers;
        generatedAt = at;
    }

    /** Refuses any change of the plan's strategies unless it is a draft or was rejected. */
    void requireEditable() {
        approval.requireEditable(approvalSubject());
    }

    /** Strategies of an approved plan are carried out on visits (★ done); before that they are only planned. */
    void requireApproved() {
        approval.requireApproved(approvalSubject(), "标注完成");
    }

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

    public LocalDateTime getGeneratedAt() {
        return generatedAt;
    }

    public Integer getCustomers() {
        return customers;
    }

    @Override
    public Approval approval() {
        return approval;
    }

    @Override
    public ApprovalSubject approvalSubject() {
        return new ApprovalSubject(ApprovalKind.STRATEGY_PLAN, customerManagerId, period);
    }
}
