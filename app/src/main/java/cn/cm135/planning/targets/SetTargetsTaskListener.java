package cn.cm135.planning.targets;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.cm135.process.CycleVariables;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "制定客户经理目标" (Task_SetTargets). On create it shows the draft (values, forecast,
 * the market manager's reason if the last submission was rejected) as task-local variables; on
 * complete it submits what the customer manager entered, re-checked by {@link TargetService}.
 */
@Component
class SetTargetsTaskListener extends StepTaskListener {

    private final TargetService targets;

    SetTargetsTaskListener(TargetService targets) {
        this.targets = targets;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.period(task);
        MonthlyTarget target = targets.get(customerManagerId, month);
        task.setName("制定客户经理目标（" + month + "）");
        // The editable values go on the process scope: Tasklist's submit-form writes a field back
        // to a task-local variable of the same name, but the REST complete call writes it to the
        // process scope, so only process-scope fields read back the same on both paths.
        task.getExecution().setVariables(TargetViews.values("", target.values()));
        Map<String, Object> shown = new HashMap<>(TargetViews.values("forecast", target.forecast()));
        shown.put("forecastBasis", target.getForecastBasis());
        shown.put("rejectionReason", target.approval().pendingRejectionReason());
        task.setVariablesLocal(shown);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        targets.submit(CycleVariables.customerManagerId(task), CycleVariables.period(task), FormValues.targetValues(task));
    }
}
