package cn.cm135.planning.targets;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.process.CycleVariables;

/** Service task "锁定目标" (Task_LockTargets): approved targets become the month's fixed contract. */
@Component
class LockTargetsDelegate implements JavaDelegate {

    private final TargetService targets;

    LockTargetsDelegate(TargetService targets) {
        this.targets = targets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        targets.lock(CycleVariables.customerManagerId(execution), CycleVariables.period(execution));
    }
}
