package cn.cm135.review.results;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.cycle.CycleVariables;
import cn.cm135.organization.Organization;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "结果审核" (Task_ApproveResults, step 14, the market manager). On create it shows what the
 * customer manager carried out: strategies ★ done / open / dropped, ● ad-hoc tasks, planned vs done visits.
 * On complete it records the decision ({@code resultsDecision} = approve | reject, with
 * {@code resultsRejectionReason}) and sets the process variable {@code resultsApproved} the gateway reads;
 * approved results are locked at once.
 */
@Component
class ReviewResultsTaskListener extends StepTaskListener {

    static final String DECISION = "resultsDecision";
    static final String REASON = "resultsRejectionReason";
    static final String APPROVED = "resultsApproved";

    private final ResultService results;
    private final MonthExecutionQuery execution;
    private final Organization organization;
    private final ObjectMapper json;

    ReviewResultsTaskListener(ResultService results, MonthExecutionQuery execution, Organization organization,
            ObjectMapper json) {
        this.results = results;
        this.execution = execution;
        this.organization = organization;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        String name = organization.nameOf(customerManagerId).orElse(customerManagerId);
        task.setName("结果审核：" + name + "（" + month + "）");
        MonthExecution done = execution.of(customerManagerId, month);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("customerManagerName", name);
        shown.put("resultsMonth", month.toString());
        shown.put("strategiesDone", (long) done.strategiesDone());
        shown.put("strategiesOpen", (long) done.strategiesOpen());
        shown.put("strategiesDropped", (long) done.strategiesDropped());
        shown.put("adHocCount", (long) done.adHocTasks().size());
        shown.put("plannedVisits", done.plannedVisits() == null ? "—（拜访计划未确定）" : done.plannedVisits().toString());
        shown.put("doneVisits", (long) done.doneVisits());
        task.setVariablesLocal(shown);
        task.setVariableLocal("adHocRows", FormData.json(json, MarkRows.adHocRows(done.adHocTasks())));
        FormData.editable(task, DECISION, null);
        FormData.editable(task, REASON, null);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        Object decision = FormData.edited(task, DECISION);
        Object reason = FormData.edited(task, REASON);
        String marketManagerId = task.getAssignee() != null ? task.getAssignee()
                : (String) task.getVariable(CycleVariables.MARKET_MANAGER_ID);
        ApprovalStatus status = results.get(customerManagerId, month).approval().status();
        if ("approve".equals(decision)) {
            // Approved meanwhile through REST: the task records the same decision.
            if (!status.isFrozen()) {
                results.approve(customerManagerId, month, marketManagerId);
            }
        } else if ("reject".equals(decision)) {
            if (status != ApprovalStatus.REJECTED) {
                results.reject(customerManagerId, month, marketManagerId, reason == null ? null : reason.toString());
            }
        } else {
            throw Refusal.invalid(DECISION, "请选择“审核通过”或“驳回”（resultsDecision = approve | reject），收到 " + decision);
        }
        task.getExecution().setVariable(APPROVED, "approve".equals(decision));
    }
}
