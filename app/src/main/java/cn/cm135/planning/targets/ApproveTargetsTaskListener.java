package cn.cm135.planning.targets;

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
 * User task "审批客户经理目标" (Task_ApproveTargets). On create it shows the submitted targets next
 * to the forecast and the last 12 months of the customer manager's sales; on complete it records
 * the market manager's decision ({@code targetsDecision} = approve | reject, with a reason)
 * as the boolean {@code targetsApproved} that the gateway reads.
 */
@Component
class ApproveTargetsTaskListener extends ApprovalTaskListener {

    static final String DECISION = "targetsDecision";
    static final String REASON = "rejectionReason";
    static final String APPROVED = "targetsApproved";

    private final TargetService targets;
    private final ObjectMapper json;

    ApproveTargetsTaskListener(TargetService targets, Organization organization, ObjectMapper json) {
        super(new ApprovalForm("审批客户经理目标", "批准", DECISION, REASON, APPROVED), organization);
        this.targets = targets;
        this.json = json;
    }

    @Override
    protected void show(DelegateTask task, String customerManagerId, YearMonth month) {
        MonthlyTarget target = targets.get(customerManagerId, month);
        Map<String, Object> shown = new HashMap<>(TargetViews.values("forecast", target.forecast()));
        shown.put("forecastBasis", target.getForecastBasis());
        task.setVariablesLocal(shown);
        task.setVariableLocal("history", FormData.json(json, historyRows(targets.history(customerManagerId, month))));
    }

    @Override
    protected void approve(String customerManagerId, YearMonth month, String marketManagerId) {
        targets.approve(customerManagerId, month, marketManagerId);
    }

    @Override
    protected void reject(String customerManagerId, YearMonth month, String marketManagerId, String reason) {
        targets.reject(customerManagerId, month, marketManagerId, reason);
    }

    // 单条值 as text, so the table shows 197.80 rather than the JavaScript number 197.8.
    private static List<Map<String, Object>> historyRows(List<TargetForecast.MonthSales> rows) {
        return rows.stream().map(row -> Map.<String, Object>of("month", row.month(), "volume", row.volume(),
                "unitValue", row.unitValue().toPlainString())).toList();
    }
}
