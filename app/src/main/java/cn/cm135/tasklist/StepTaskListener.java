package cn.cm135.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The listener of one step's user task, bound in the BPMN twice to the same bean, as
 * {@code <camunda:taskListener event="create"/>} and {@code event="complete"}: {@link #onCreate} fills the
 * form when the task opens, {@link #onComplete} records what was submitted. A
 * {@link cn.cm135.rules.Refusal} thrown from {@code onComplete} keeps the task open and rolls back what the
 * step wrote, as the engine completes the task in the same transaction.
 */
public abstract class StepTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        String event = task.getEventName();
        if (EVENTNAME_CREATE.equals(event)) {
            onCreate(task);
        } else if (EVENTNAME_COMPLETE.equals(event)) {
            onComplete(task);
        }
        // Any other event is ignored: a step binds only these two, and an assignment, update or delete
        // (a boundary timer cancelling the task) must neither fill the form again nor record it.
    }

    /** The task has opened: show the step's figures and the values it proposes. */
    protected void onCreate(DelegateTask task) {
    }

    /** The task is being completed: check and store what was submitted. */
    protected void onComplete(DelegateTask task) {
    }
}
