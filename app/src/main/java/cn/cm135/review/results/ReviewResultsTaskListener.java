package cn.cm135.review.results;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.organization.Organization;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.approval.ApprovalTaskListener;
import cn.cm135.tasklist.FormData;

/**
 * User task "结果审核" (Task_ApproveResults, step 14, the market manager). On create it shows what the
 * customer manager carried out: strategies ★ done / open / dropped, ● ad-hoc tasks, planned vs done visits.
 * On complete it records the decision ({@code resultsDecision} = approve | reject, with
 * {@code resultsRejectionReason}) and sets the process variable {@code resultsApproved} the gateway reads;
 * approved results are locked at once.
 */
@Component
class ReviewResultsTaskListener extends ApprovalTaskListener {

    static final String DECISION = "resultsDecision";
    static final String REASON = "resultsRejectionReason";
    static final String APPROVED = "resultsApproved";

    private final ResultService results;
    private final MonthExecutionQuery execution;
    private final ObjectMapper json;

    ReviewResultsTaskListener(ResultService results, MonthExecutionQuery execution, Organization organization,
            ObjectMapper json) {
        super(new ApprovalForm("结果审核", "审核通过", DECISION, REASON, APPROVED), organization);
        this.results = results;
        this.execution = execution;
        this.json = json;
    }

    @Override
    protected void show(DelegateTask task, String customerManagerId, YearMonth month) {
        MonthExecution done = execution.of(customerManagerId, month);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("resultsMonth", month.toString());
        shown.put("strategiesDone", (long) done.strategiesDone());
        shown.put("strategiesOpen", (long) done.strategiesOpen());
        shown.put("strategiesDropped", (long) done.strategiesDropped());
        shown.put("adHocCount", (long) done.adHocTasks().size());
        shown.put("plannedVisits", done.plannedVisits() == null ? "—（拜访计划未确定）" : done.plannedVisits().toString());
        shown.put("doneVisits", (long) done.doneVisits());
        task.setVariablesLocal(shown);
        task.setVariableLocal("adHocRows", FormData.json(json, MarkRows.adHocRows(done.adHocTasks())));
    }

    // The market manager may have decided meanwhile through REST: the task then records the same decision.
    @Override
    protected void approve(String customerManagerId, YearMonth month, String marketManagerId) {
        if (!results.get(customerManagerId, month).approval().status().isFrozen()) {
            results.approve(customerManagerId, month, marketManagerId);
        }
    }

    @Override
    protected void reject(String customerManagerId, YearMonth month, String marketManagerId, String reason) {
        if (results.get(customerManagerId, month).approval().status() != ApprovalStatus.REJECTED) {
            results.reject(customerManagerId, month, marketManagerId, reason);
        }
    }
}
