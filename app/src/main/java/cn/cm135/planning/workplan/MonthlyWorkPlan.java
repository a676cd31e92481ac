package cn.cm135.planning.workplan;

import cn.cm135.planning.approval.ApprovalKind;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.approval.MonthlyRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One customer manager's work plan of one month, with its approval(). */
@Entity
@Table(name = "monthly_work_plan")
public class MonthlyWorkPlan extends MonthlyRecord {

    private int customersTop;
    private int customersMiddle;
    private int customersBase;
    private int visitsTop;
    private int visitsMiddle;
    private int visitsBase;
    private String customerWork;
    private String brandWork;
    private String marketWork;
    private String improvementMeasures;

    protected MonthlyWorkPlan() {
    }

    MonthlyWorkPlan(String customerManagerId, String period) {
        super(customerManagerId, period);
    }

    /** The system's proposal replaces the text only while the customer manager hasn't submitted anything. */
    void propose(WorkPlanDraft draft) {
        customersTop = draft.customersTop();
        customersMiddle = draft.customersMiddle();
        customersBase = draft.customersBase();
        if (approval().status() == ApprovalStatus.DRAFT) {
            setValues(draft.values());
        }
    }

    void edit(WorkPlanValues values) {
        approval().requireEditable(approvalSubject());
        setValues(values);
    }

    private void setValues(WorkPlanValues v) {
        visitsTop = v.visitsTop();
        visitsMiddle = v.visitsMiddle();
        visitsBase = v.visitsBase();
        customerWork = v.customerWork();
        brandWork = v.brandWork();
        marketWork = v.marketWork();
        improvementMeasures = v.improvementMeasures();
    }

    public WorkPlanValues values() {
        return new WorkPlanValues(visitsTop, visitsMiddle, visitsBase, customerWork, brandWork, marketWork,
                improvementMeasures);
    }

    @Override
    protected ApprovalKind approvalKind() {
        return ApprovalKind.WORK_PLAN;
    }

    public int getCustomersTop() {
        return customersTop;
    }

    public int getCustomersMiddle() {
        return customersMiddle;
    }

    public int getCustomersBase() {
        return customersBase;
    }
}
