package cn.cm135.cycle.deadline;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** The customer manager's tasks of a cycle instance that are still open, by creation time. */
final class OpenPlanTasks {

    private OpenPlanTasks() {
    }

    static List<Task> of(TaskService tasks, String processInstanceId, String customerManagerId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskAssignee(customerManagerId)
                .orderByTaskCreateTime().asc().list();
    }
}
