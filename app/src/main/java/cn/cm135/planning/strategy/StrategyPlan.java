package cn.cm135.planning.strategy;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One customer manager's strategy plan (服务策略计划) for one month, guarding its own life cycle. The
 * strategies themselves are rows of {@code service_strategy}; this record says whether they may change.
 */
@Entity
@Table(name = "strategy_plan")
public class StrategyPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_manager_id", nullable = false)
    private String customerManagerId;

    @Column(nullable = false)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StrategyPlanStatus status;

    private LocalDateTime generatedAt;
    private Integer customers;
    private String rejectionReason;
    private LocalDateTime submittedAt;
    private String decidedBy;
    private LocalDateTime decidedAt;

    @Version
    private int version;

    protected StrategyPlan() {
    }

    StrategyPlan(String customerManagerId, String period) {
        this.customerManagerId = customerManagerId;
        this.period = period;
        this.status = StrategyPlanStatus.DRAFT;
    }

    void generated(int evaluatedCustomers, LocalDateTime at) {
        requireEditable();
        customers = evaluatedCustomers;
        generatedAt = at;
    }

    /** Refuses any change of the plan's strategies unless it is a draft or was rejected. */
    void requireEditable() {
        if (status.isFrozen()) {
            throw StrategyException.frozen("%s 的 %s 月服务策略计划%s，不能再修改".formatted(customerManagerId, period,
                    status.label()));
        }
        if (status == StrategyPlanStatus.SUBMITTED) {
            throw StrategyException.frozen("%s 的 %s 月服务策略计划已提交，正等待市场经理审核，不能修改"
                    .formatted(customerManagerId, period));
        }
    }

    /** Strategies of an approved plan are carried out on visits (★ done); before that they are only planned. */
    void requireApproved() {
        if (!status.isFrozen()) {
            throw StrategyException.frozen("%s 的 %s 月服务策略计划尚未审核通过（%s），不能标注完成"
                    .formatted(customerManagerId, period, status.label()));
        }
    }

    void submit(LocalDateTime at) {
        requireEditable();
        status = StrategyPlanStatus.SUBMITTED;
        submittedAt = at;
    }

    void approve(String by, LocalDateTime at) {
        requireStatus(StrategyPlanStatus.SUBMITTED, "审核");
        status = StrategyPlanStatus.APPROVED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = null;
    }

    void reject(String by, String reason, LocalDateTime at) {
        requireStatus(StrategyPlanStatus.SUBMITTED, "驳回");
        status = StrategyPlanStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = reason;
    }

    void lock() {
        if (status != StrategyPlanStatus.LOCKED) {
            requireStatus(StrategyPlanStatus.APPROVED, "锁定");
            status = StrategyPlanStatus.LOCKED;
        }
    }

    private void requireStatus(StrategyPlanStatus expected, String action) {
        if (status != expected) {
            throw StrategyException.frozen("%s 的 %s 月服务策略计划%s，不能%s".formatted(customerManagerId, period,
                    status.label(), action));
        }
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

    public StrategyPlanStatus getStatus() {
        return status;
    }

    public LocalDateTime getGeneratedAt() {
        return generatedAt;
    }

    public Integer getCustomers() {
        return customers;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }
}
