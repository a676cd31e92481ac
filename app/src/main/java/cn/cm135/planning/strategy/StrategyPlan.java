package cn.cm135.planning.strategy;

import java.time.LocalDateTime;

import cn.cm135.planning.approval.ApprovalKind;
import cn.cm135.planning.approval.MonthlyRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One customer manager's strategy plan (服务策略计划) for one month, with the market manager's approval (计划审核). The
 * strategies themselves are rows of {@code service_strategy}; this record says whether they may change.
 */
@Entity
@Table(name = "strategy_plan")
public class StrategyPlan extends MonthlyRecord {

    private LocalDateTime generatedAt;
    private Integer customers;

    protected StrategyPlan() {
    }

    StrategyPlan(String customerManagerId, String period) {
        super(customerManagerId, period);
    }

    void generated(int evaluatedCustomers, LocalDateTime at) {
        requireEditable();
        customers = evaluatedCustomers;
        generatedAt = at;
    }

    /** Refuses any change of the plan's strategies unless it is a draft or was rejected. */
    void requireEditable() {
        approval().requireEditable(approvalSubject());
    }

    /** Strategies of an approved plan are carried out on visits (★ done); before that they are only planned. */
    void requireApproved() {
        approval().requireApproved(approvalSubject(), "标注完成");
    }

    public LocalDateTime getGeneratedAt() {
        return generatedAt;
    }

    public Integer getCustomers() {
        return customers;
    }

    @Override
    protected ApprovalKind approvalKind() {
        return ApprovalKind.STRATEGY_PLAN;
    }
}
