package cn.cm135.planning.targets;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.process.CycleVariables;

/** Service task "预测本月目标" (Task_PrefillTargets): drafts the month's targets from the forecast. */
@Component
class PrefillTargetsDelegate implements JavaDelegate {

    private final TargetService targets;

    PrefillTargetsDelegate(TargetService targets) {
        this.targets = targets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        targets.prefill(CycleVariables.customerManagerId(execution), CycleVariables.period(execution));
    }
}
