package cn.cm135.planning.strategy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.cycle.CycleVariables;
import cn.cm135.organization.Organization;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "审核服务策略" (Task_ApproveStrategies, 计划审核). On create it shows the submitted plan: counts per
 * strategy type ({@code strategySummary}) and the customer manager's adjustments ({@code strategyAdjustments});
 * on complete it records the market manager's decision ({@code strategiesDecision} = approve | reject, with
 * {@code strategiesRejectionReason}) as the boolean {@code strategiesApproved} that the gateway reads.
 */
@Component
class ApproveStrategiesTaskListener extends StepTaskListener {

    static final String DECISION = "strategiesDecision";
    static final String REASON = "strategiesRejectionReason";
    static final String APPROVED = "strategiesApproved";

    private final StrategyService strategies;
    private final Organization organization;
    private final ObjectMapper json;

    ApproveStrategiesTaskListener(StrategyService strategies, Organization organization, ObjectMapper json) {
        this.strategies = strategies;
        this.organization = organization;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        StrategyPlan plan = strategies.plan(customerManagerId, month);
        List<Strategy> list = strategies.strategies(customerManagerId, month);
        String name = organization.nameOf(customerManagerId).orElse(customerManagerId);
        task.setName("审核服务策略：" + name + "（" + month + "）");
        Map<String, Object> shown = new HashMap<>(StrategyViews.counts(list));
        shown.put("customerManagerName", name);
        shown.put("customerCount", plan.getCustomers() == null ? 0L : plan.getCustomers().longValue());
        task.setVariablesLocal(shown);
        task.setVariableLocal("strategySummary", SpinValues.jsonValue(write(StrategyViews.summary(list))));
        task.setVariableLocal("strategyAdjustments", SpinValues.jsonValue(write(StrategyViews.adjustments(list))));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        Object raw = task.getVariable(DECISION);
        String decision = raw == null ? null : raw.toString();
        if ("approve".equals(decision)) {
            strategies.approve(customerManagerId, month, task.getAssignee());
        } else if ("reject".equals(decision)) {
            Object reason = task.getVariable(REASON);
            strategies.reject(customerManagerId, month, task.getAssignee(), reason == null ? null : reason.toString());
        } else {
            throw StrategyException.badInput(DECISION,
                    "请选择“审核通过”或“驳回”（strategiesDecision = approve | reject），收到 " + decision);
        }
        // The gateway reads the checked outcome; the raw answers go, so a second review opens with an empty form.
        task.getExecution().setVariable(APPROVED, "approve".equals(decision));
        task.getExecution().removeVariables(List.of(DECISION, REASON));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
