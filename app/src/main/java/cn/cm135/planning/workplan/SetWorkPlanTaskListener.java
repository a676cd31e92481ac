package cn.cm135.planning.workplan;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.process.CycleVariables;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "月度工作计划" (Task_SetWorkPlan, step 10). On create it drafts the plan from the analysis (or
 * reopens the rejected one, with the market manager's reason); on complete (确定) it submits the edited
 * values for approval.
 */
@Component
class SetWorkPlanTaskListener extends StepTaskListener {

    static final String[] EDITABLE = {"visitsTop", "visitsMiddle", "visitsBase", "customerWork", "brandWork",
            "marketWork", "improvementMeasures"};

    private final WorkPlanService plans;
    private final WorkPlanBands bands;

    SetWorkPlanTaskListener(WorkPlanService plans, WorkPlanBands bands) {
        this.plans = plans;
        this.bands = bands;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.period(task);
        MonthlyWorkPlan plan = plans.prepare(customerManagerId, month);
        task.setName("月度工作计划（" + month + "）");
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("planMonth", month.toString());
        shown.put("customersTop", (long) plan.getCustomersTop());
        shown.put("customersMiddle", (long) plan.getCustomersMiddle());
        shown.put("customersBase", (long) plan.getCustomersBase());
        shown.putAll(bandLabels(bands));
        shown.put("frequencyTop", (long) bands.frequency(WorkPlanBands.TOP));
        shown.put("frequencyMiddle", (long) bands.frequency(WorkPlanBands.MIDDLE));
        shown.put("frequencyBase", (long) bands.frequency(WorkPlanBands.BASE));
        shown.put("visitsBasis", visitsBasis(plan));
        shown.put("rejected", plan.approval().status() == ApprovalStatus.REJECTED);
        shown.put("workPlanRejectionReason", plan.approval().rejectionReason());
        task.setVariablesLocal(shown);
        WorkPlanValues v = plan.values();
        Object[] values = {(long) v.visitsTop(), (long) v.visitsMiddle(), (long) v.visitsBase(), v.customerWork(),
                v.brandWork(), v.marketWork(), v.improvementMeasures()};
        for (int i = 0; i < EDITABLE.length; i++) {
            FormData.editable(task, EDITABLE[i], values[i]);
        }
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.period(task);
        Object[] edited = FormData.editedValues(task, EDITABLE);
        plans.submit(customerManagerId, month, new WorkPlanValues(
                FormData.integer(edited[0], EDITABLE[0], WorkPlanService.visitsLabel(bands, WorkPlanBands.TOP)),
                FormData.integer(edited[1], EDITABLE[1], WorkPlanService.visitsLabel(bands, WorkPlanBands.MIDDLE)),
                FormData.integer(edited[2], EDITABLE[2], WorkPlanService.visitsLabel(bands, WorkPlanBands.BASE)),
                text(edited[3]), text(edited[4]), text(edited[5]), text(edited[6])));
    }

    /**
     * How the draft's visits came about, in one line: each band's customers × its visits (the grade rule), the
     * customer manager's changes to the draft, and the sum. A customer without a grade counts in the lowest band at
     * the rule's no-grade visits, so the band sums are the composer's, not customers × frequency.
     */
    private String visitsBasis(MonthlyWorkPlan plan) {
        WorkPlanValues v = plan.values();
        int total = v.visitsTop() + v.visitsMiddle() + v.visitsBase();
        return "计划拜访合计 " + total + " 次：" + bands.label(WorkPlanBands.TOP) + " " + plan.getCustomersTop() + " 户 "
                + v.visitsTop() + " 次、" + bands.label(WorkPlanBands.MIDDLE) + " " + plan.getCustomersMiddle() + " 户 "
                + v.visitsMiddle() + " 次、" + bands.label(WorkPlanBands.BASE) + " " + plan.getCustomersBase() + " 户 "
                + v.visitsBase() + " 次。建议值按档位规则（" + bands.rule().gradeRuleText() + "）逐户合计；"
                + "下一步的客户拜访计划再为有经营分析指导或品牌策略的客户加访。";
    }

    /** The bands' labels the forms show ({@code {{bandTop}}} …), computed from the configured rule. */
    static Map<String, Object> bandLabels(WorkPlanBands bands) {
        return Map.of("bandTop", bands.label(WorkPlanBands.TOP), "bandMiddle", bands.label(WorkPlanBands.MIDDLE),
                "bandBase", bands.label(WorkPlanBands.BASE));
    }

    private static String text(Object raw) {
        return raw == null ? null : raw.toString();
    }
}
