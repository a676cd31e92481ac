package cn.cm135.planning.workplan;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.CycleVariables;
import cn.cm135.organization.Organization;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "审核月度工作计划" (Task_ApproveWorkPlan, step 10). On create it shows the submitted plan; on
 * complete it records the market manager's decision ({@code workPlanDecision} = approve | reject, with
 * {@code workPlanRejectionReason}) as the boolean {@code workPlanApproved} the gateway reads. An approved
 * plan is locked at once: the implementation phase works from it.
 */
@Component
class ApproveWorkPlanTaskListener extends StepTaskListener {

    static final String DECISION = "workPlanDecision";
    static final String REASON = "workPlanRejectionReason";
    static final String APPROVED = "workPlanApproved";

    private final WorkPlanService plans;
    private final Organization organization;
    private final WorkPlanBands bands;

    ApproveWorkPlanTaskListener(WorkPlanService plans, Organization organization, WorkPlanBands bands) {
        this.plans = plans;
        this.organization = organization;
        this.bands = bands;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.period(task);
        MonthlyWorkPlan plan = plans.get(customerManagerId, month);
        String name = organization.nameOf(customerManagerId).orElse(customerManagerId);
        task.setName("审核月度工作计划：" + name + "（" + month + "）");
        WorkPlanValues v = plan.values();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("customerManagerName", name);
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
        FormData.editable(task, DECISION, null);
        FormData.editable(task, REASON, null);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.period(task);
        Object decision = FormData.edited(task, DECISION);
        Object reason = FormData.edited(task, REASON);
        if ("approve".equals(decision)) {
            plans.approve(customerManagerId, month, task.getAssignee());
            plans.lock(customerManagerId, month);
        } else if ("reject".equals(decision)) {
            plans.reject(customerManagerId, month, task.getAssignee(), reason == null ? null : reason.toString());
        } else {
            throw Refusal.invalid(DECISION, "请选择“审核通过”或“驳回”（workPlanDecision = approve | reject），收到 " + decision);
        }
        task.getExecution().setVariable(APPROVED, "approve".equals(decision));
    }
}
