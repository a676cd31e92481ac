package cn.cm135.cycle.deadline;

import java.time.Clock;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.weeks.CycleWeeks;
import cn.cm135.organization.Organization;
import cn.cm135.process.CycleVariables;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User tasks "督办逾期日拜访记录" (Task_SuperviseOverdueVisits) and "督办逾期周工作小结"
 * (Task_SuperviseOverdueWeekSummary), started by a boundary timer {@code cm135.cycle.work-escalation-working-days}
 * after the step was due. On create they name the customer manager and the overdue record; on complete the market
 * manager's 督办意见 ({@code supervisionNote}) is required, kept as a comment of the month and shown on the overdue
 * task itself, where the customer manager reads it.
 */
@Component
class SuperviseOverdueWorkTaskListener extends StepTaskListener {

    static final String NOTE = Supervision.NOTE;

    private final Organization organization;
    private final CycleWeeks weeks;
    private final Clock clock;

    SuperviseOverdueWorkTaskListener(Organization organization, CycleWeeks weeks, Clock clock) {
        this.organization = organization;
        this.weeks = weeks;
        this.clock = clock;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        TaskService tasks = task.getProcessEngineServices().getTaskService();
        Task overdue = overdueTask(task, tasks);
        String customerManagerId = CycleVariables.customerManagerId(task);
        String name = organization.nameOf(customerManagerId).orElse(customerManagerId);
        boolean visits = "Task_SuperviseOverdueVisits".equals(task.getTaskDefinitionKey());
        String what = visits ? "日拜访记录（" + task.getVariable("visitDate") + "）"
                : "周工作小结（" + task.getVariable("weekStart") + " 周）";
        task.setName("督办逾期" + what.replace("（", "：" + name + "（"));
        task.setVariableLocal("customerManagerName", name);
        task.setVariableLocal("overdueWork", what + (overdue == null ? "" : "，截止 "
                + Supervision.due(overdue.getDueDate(), clock.getZone())));
        task.setVariableLocal("escalationDays", weeks.escalationWorkingDays());
        FormData.editable(task, NOTE, null);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        TaskService tasks = task.getProcessEngineServices().getTaskService();
        Task overdue = overdueTask(task, tasks);
        tasks.createComment(overdue == null ? null : overdue.getId(), task.getProcessInstanceId(),
                Supervision.requiredNote(task));
    }

    /** The overdue step of the same day (visitDate) or week (weekStart) as this task, if it is still open. */
    private static Task overdueTask(DelegateTask task, TaskService tasks) {
        boolean visits = "Task_SuperviseOverdueVisits".equals(task.getTaskDefinitionKey());
        String scopeVariable = visits ? "visitDate" : "weekStart";
        Object scope = task.getVariable(scopeVariable);
        return tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(visits ? "Task_RecordVisits" : "Task_SummarizeWeek").list().stream()
                .filter(t -> scope != null && scope.equals(tasks.getVariable(t.getId(), scopeVariable)))
                .findFirst().orElse(null);
    }
}
