package cn.cm135.planning.strategy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.organization.Organization;
import cn.cm135.planning.approval.ApprovalTaskListener;
import cn.cm135.tasklist.FormData;

/**
 * User task "审核服务策略" (Task_ApproveStrategies, 计划审核). On create it shows the submitted plan: counts per
 * strategy type ({@code strategySummary}) and the customer manager's adjustments ({@code strategyAdjustments});
 * on complete it records the market manager's decision ({@code strategiesDecision} = approve | reject, with
 * {@code strategiesRejectionReason}) as the boolean {@code strategiesApproved} that the gateway reads.
 */
@Component
class ApproveStrategiesTaskListener extends ApprovalTaskListener {

    static final String DECISION = "strategiesDecision";
    static final String REASON = "strategiesRejectionReason";
    static final String APPROVED = "strategiesApproved";

    private final StrategyService strategies;
    private final ObjectMapper json;

    ApproveStrategiesTaskListener(StrategyService strategies, Organization organization, ObjectMapper json) {
        super(new ApprovalForm("审核服务策略", "审核通过", DECISION, REASON, APPROVED), organization);
        this.strategies = strategies;
        this.json = json;
    }

    @Override
    protected void show(DelegateTask task, String customerManagerId, YearMonth month) {
        StrategyPlan plan = strategies.plan(customerManagerId, month);
        List<Strategy> list = strategies.strategies(customerManagerId, month);
        Map<String, Object> shown = new HashMap<>(StrategyViews.counts(list));
        shown.put("customerCount", plan.getCustomers() == null ? 0L : plan.getCustomers().longValue());
        task.setVariablesLocal(shown);
        task.setVariableLocal("strategySummary", FormData.json(json, StrategyViews.summary(list)));
        task.setVariableLocal("strategyAdjustments", FormData.json(json, StrategyViews.adjustments(list)));
    }

    @Override
    protected void approve(String customerManagerId, YearMonth month, String marketManagerId) {
        strategies.approve(customerManagerId, month, marketManagerId);
    }

    @Override
    protected void reject(String customerManagerId, YearMonth month, String marketManagerId, String reason) {
        strategies.reject(customerManagerId, month, marketManagerId, reason);
    }
}
