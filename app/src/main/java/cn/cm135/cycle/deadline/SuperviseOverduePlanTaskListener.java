package cn.cm135.cycle.deadline;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.cm135.organization.Organization;
import cn.cm135.process.CycleVariables;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "督办逾期计划" (Task_SuperviseOverduePlan). On create it names the customer manager and lists
 * their unfinished steps; on complete the market manager's 督办意见 ({@code supervisionNote}) is required
 * and kept as a comment of the cycle instance, next to the reminder.
 */
@Component
class SuperviseOverduePlanTaskListener extends StepTaskListener {

    static final String NOTE = Supervision.NOTE;

    private final Organization organization;

    SuperviseOverduePlanTaskListener(Organization organization) {
        this.organization = organization;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var tasks = task.getProcessEngineServices().getTaskService();
        String name = organization.nameOf(customerManagerId).orElse(customerManagerId);
        task.setName("督办逾期计划：" + name + "（" + CycleVariables.period(task) + "）");
        task.setVariableLocal("customerManagerName", name);
        task.setVariableLocal("openSteps", OpenPlanTasks.of(tasks, task.getProcessInstanceId(), customerManagerId)
                .stream().map(t -> "· " + t.getName()).collect(Collectors.joining("\n")));
        FormData.editable(task, NOTE, null);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        var tasks = task.getProcessEngineServices().getTaskService();
        tasks.createComment(null, task.getProcessInstanceId(), Supervision.requiredNote(task));
    }
}
