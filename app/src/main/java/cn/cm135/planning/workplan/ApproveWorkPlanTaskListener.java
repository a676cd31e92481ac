package cn.cm135.planning.workplan;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.cm135.organization.Organization;
import cn.cm135.planning.approval.ApprovalTaskListener;

/**
 * User task "审核月度工作计划" (Task_ApproveWorkPlan, step 10). On create it shows the submitted plan; on
 * complete it records the market manager's decision ({@code workPlanDecision} = approve | reject, with
 * {@code workPlanRejectionReason}) as the boolean {@code workPlanApproved} the gateway reads. An approved
 * plan is locked at once: the implementation phase works from it.
 */
@Component
class ApproveWorkPlanTaskListener extends ApprovalTaskListener {

    static final String DECISION = "workPlanDecision";
    static final String REASON = "workPlanRejectionReason";
    static final String APPROVED = "workPlanApproved";

    private final WorkPlanService plans;
    private final WorkPlanBands bands;

    ApproveWorkPlanTaskListener(WorkPlanService plans, Organization organization, WorkPlanBands bands) {
        super(new ApprovalForm("审核月度工作计划", "审核通过", DECISION, REASON, APPROVED), organization);
        this.plans = plans;
        this.bands = bands;
    }

    @Override
    protected void show(DelegateTask task, String customerManagerId, YearMonth month) {
        MonthlyWorkPlan plan = plans.get(customerManagerId, month);
        WorkPlanValues v = plan.values();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("planMonth", month.toString());
        shown.put("customersTop", (long) plan.getCustomersTop());
        shown.put("customersMiddle", (long) plan.getCustomersMiddle());
        shown.put("customersBase", (long) plan.getCustomersBase());
        shown.putAll(SetWorkPlanTaskListener.bandLabels(bands));
        shown.put("plannedTop", (long) v.visitsTop());
        shown.put("plannedMiddle", (long) v.visitsMiddle());
        shown.put("plannedBase", (long) v.visitsBase());
        shown.put("plannedVisits", (long) (v.visitsTop() + v.visitsMiddle() + v.visitsBase()));
        shown.put("plannedCustomerWork", v.customerWork());
        shown.put("plannedBrandWork", v.brandWork());
        shown.put("plannedMarketWork", v.marketWork());
        shown.put("plannedImprovementMeasures", v.improvementMeasures() == null ? "（无）" : v.improvementMeasures());
        task.setVariablesLocal(shown);
    }

    @Override
    protected void approve(String customerManagerId, YearMonth month, String marketManagerId) {
        plans.approve(customerManagerId, month, marketManagerId);
        plans.lock(customerManagerId, month);
    }

    @Override
    protected void reject(String customerManagerId, YearMonth month, String marketManagerId, String reason) {
        plans.reject(customerManagerId, month, marketManagerId, reason);
    }
}
