package cn.cm135.planning.approval;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.cm135.organization.Organization;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * The market manager's approval task of one record (审批客户经理目标, 审核服务策略, 审核月度工作计划, 结果审核):
 * one shape for all four. On create the task is named after the customer manager, the subclass shows the
 * submitted record and the decision fields open empty; on complete the decision ({@code approve} |
 * {@code reject} with a reason) goes to the record's service and the gateway's boolean is set. The raw answers
 * leave the process with the task, so a second approval after a rejection opens with an empty form.
 */
public abstract class ApprovalTaskListener extends StepTaskListener {

    /** The task's title and the process variables of its form and gateway. */
    public record ApprovalForm(String title, String approveLabel, String decision, String reason,
            String approved) {
    }

    private final ApprovalForm form;
    private final Organization organization;

    protected ApprovalTaskListener(ApprovalForm form, Organization organization) {
        this.form = form;
        this.organization = organization;
    }

    @Override
    protected final void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        String name = organization.nameOf(customerManagerId).orElse(customerManagerId);
        // A market manager with a dozen people tells the approvals apart in the list by this name.
        task.setName(form.title() + "：" + name + "（" + month + "）");
        task.setVariableLocal("customerManagerName", name);
        show(task, customerManagerId, month);
        FormData.editable(task, form.decision(), null);
        FormData.editable(task, form.reason(), null);
    }

    @Override
    protected final void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        Object decision = FormData.edited(task, form.decision());
        Object reason = FormData.edited(task, form.reason());
        String marketManagerId = task.getAssignee() != null ? task.getAssignee()
                : (String) task.getVariable(CycleVariables.MARKET_MANAGER_ID);
        boolean approved = "approve".equals(decision);
        if (approved) {
            approve(customerManagerId, month, marketManagerId);
        } else if ("reject".equals(decision)) {
            reject(customerManagerId, month, marketManagerId, reason == null ? null : reason.toString());
        } else {
            throw Refusal.invalid(form.decision(), "请选择“%s”或“驳回”（%s = approve | reject），收到 %s"
                    .formatted(form.approveLabel(), form.decision(), decision));
        }
        task.getExecution().setVariable(form.approved(), approved);
    }

    /** Sets the task-local variables that show the submitted record. */
    protected abstract void show(DelegateTask task, String customerManagerId, YearMonth month);

    protected abstract void approve(String customerManagerId, YearMonth month, String marketManagerId);

    protected abstract void reject(String customerManagerId, YearMonth month, String marketManagerId, String reason);
}
