package cn.cm135.planning.targets;

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
 * User task "审批客户经理目标" (Task_ApproveTargets). On create it shows the submitted targets next
 * to the forecast and the last 12 months of the customer manager's sales; on complete it records
 * the market manager's decision ({@code targetsDecision} = approve | reject, with a reason)
 * as the boolean {@code targetsApproved} that the gateway reads.
 */
@Component
class ApproveTargetsTaskListener extends StepTaskListener {

    static final String DECISION = "targetsDecision";
    static final String REASON = "rejectionReason";
    static final String APPROVED = "targetsApproved";

    private final TargetService targets;
    private final Organization organization;
    private final ObjectMapper json;

    ApproveTargetsTaskListener(TargetService targets, Organization organization, ObjectMapper json) {
        this.targets = targets;
        this.organization = organization;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.period(task);
        MonthlyTarget target = targets.get(customerManagerId, month);
        Map<String, Object> shown = new HashMap<>(TargetViews.values("forecast", target.forecast()));
        shown.put("forecastBasis", target.getForecastBasis());
        String name = organization.nameOf(customerManagerId).orElse(customerManagerId);
        shown.put("customerManagerName", name);
        // A market manager with a dozen people tells the approvals apart in the list by this name.
        task.setName("审批客户经理目标：" + name + "（" + month + "）");
        task.setVariablesLocal(shown);
        task.setVariableLocal("history", SpinValues.jsonValue(toJson(targets.history(customerManagerId, month))));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.period(task);
        String decision = FormValues.text(task, DECISION);
        if ("approve".equals(decision)) {
            targets.approve(customerManagerId, month, task.getAssignee());
        } else if ("reject".equals(decision)) {
            targets.reject(customerManagerId, month, task.getAssignee(), FormValues.text(task, REASON));
        } else {
            throw new TargetException(TargetException.Kind.INVALID, DECISION,
                    "请选择“批准”或“驳回”（targetsDecision = approve | reject），收到 " + decision);
        }
        // The gateway reads the checked outcome; the raw form answers go, so that a second
        // approval after a rejection opens with an empty form.
        task.getExecution().setVariable(APPROVED, "approve".equals(decision));
        task.getExecution().removeVariables(List.of(DECISION, REASON));
    }

    // 单条值 as text, so the table shows 197.80 rather than the JavaScript number 197.8.
    private String toJson(List<TargetForecast.MonthSales> rows) {
        List<Map<String, Object>> table = rows.stream().map(row -> Map.<String, Object>of("month", row.month(),
                "volume", row.volume(), "unitValue", row.unitValue().toPlainString())).toList();
        try {
            return json.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
