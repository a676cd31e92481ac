package cn.cm135.cycle.deadline;

import java.time.Clock;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.weeks.CycleWeeks;

/**
 * The reminder of a step of the weeks and the month end (12 周工作安排, 13 日拜访记录, 14 任务执行标注与结果提交,
 * 15 周工作小结, 16 月度工作总结): a {@code timeout} task listener whose timer is the task's due date. The task
 * rises to the top of Tasklist (priority {@value RemindOverdueDelegate#OVERDUE_PRIORITY}, as in the plan phase)
 * and carries a comment the customer manager reads in the task; 13 and 15 say when the market manager steps in.
 */
@Component
class OverdueReminderTaskListener implements TaskListener {

    /** The steps that a boundary timer escalates to the market manager (督办) after they were reminded. */
    static final Set<String> ESCALATED = Set.of("Task_RecordVisits", "Task_SummarizeWeek");

    private final Clock clock;
    private final CycleWeeks weeks;

    OverdueReminderTaskListener(Clock clock, CycleWeeks weeks) {
        this.clock = clock;
        this.weeks = weeks;
    }

    @Override
    public void notify(DelegateTask task) {
        String message = "「" + task.getName() + "」已到截止时间（" + Supervision.due(task.getDueDate(), clock.getZone()) + "），请尽快完成"
                + (ESCALATED.contains(task.getTaskDefinitionKey())
                        ? "；逾期 " + weeks.escalationWorkingDays() + " 个工作日将转市场经理督办。" : "。");
        task.setPriority(RemindOverdueDelegate.OVERDUE_PRIORITY);
        task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                message);
    }
}
