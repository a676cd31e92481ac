package cn.cm135.cycle.deadline;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.cm135.process.CycleVariables;

/**
 * Service task "提醒客户经理" (Task_RemindOverdue), fired by the due-date timer: the customer manager's
 * open tasks of the month rise to the top of Tasklist (priority {@value #OVERDUE_PRIORITY}) and carry a
 * comment saying the plan is overdue. The 已逾期 filter lists them too, by their due date.
 */
@Component
class RemindOverdueDelegate implements JavaDelegate {

    static final int OVERDUE_PRIORITY = 80;

    private final Clock clock;

    RemindOverdueDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        String customerManagerId = CycleVariables.customerManagerId(execution);
        Date due = (Date) execution.getVariable(CycleVariables.PLAN_DUE_DATE);
        String message = "计划已到截止时间（" + Supervision.due(due, clock.getZone())
                + "），请尽快完成；逾期两个工作日将转市场经理督办。";
        for (Task task : OpenPlanTasks.of(tasks, execution.getProcessInstanceId(), customerManagerId)) {
            task.setPriority(OVERDUE_PRIORITY);
            tasks.saveTask(task);
            tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
        }
    }
}
