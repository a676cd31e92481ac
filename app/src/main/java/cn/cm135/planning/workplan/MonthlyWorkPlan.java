package cn.cm135.planning.workplan;

import cn.cm135.planning.approval.Approvable;
import cn.cm135.planning.approval.Approval;
import cn.cm135.planning.approval.ApprovalKind;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.approval.ApprovalSubject;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One customer manager's work plan of one month, with its approval. */
@Entity
@Table(name = "monthly_work_plan")
public class MonthlyWorkPlan implements Approvable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_manager_id", nullable = false)
    private String customerManagerId;

    @Column(nullable = false)
    private String period;

    @Embedded
    private Approval approval = new Approval();

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

    @Version
    private int version;

    protected MonthlyWorkPlan() {
    }

    MonthlyWorkPlan(String customerManagerId, String period) {
        this.customerManagerId = customerManagerId;
        this.period = period;
    }

    /** The system's proposal replaces the text only while the customer manager hasn't submitted anything. */
    void propose(WorkPlanDraft draft) {
        customersTop = draft.customersTop();
        customersMiddle = draft.customersMiddle();
        customersBase = draft.customersBase();
        if (approval.status() == ApprovalStatus.DRAFT) {
            setValues(draft.values());
        }
    }

    void edit(WorkPlanValues values) {
        approval.requireEditable(approvalSubject());
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
    public Approval approval() {
        return approval;
    }

    @Override
    public ApprovalSubject approvalSubject() {
        return new ApprovalSubject(ApprovalKind.WORK_PLAN, customerManagerId, period);
    }

    public String getCustomerManagerId() {
        return customerManagerId;
    }

    public String getPeriod() {
        return period;
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
