package cn.cm135.planning.strategy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.process.CycleVariables;

/** Service task "锁定服务策略" (Task_LockStrategies): the approved plan becomes the month's fixed plan. */
@Component
class LockStrategiesDelegate implements JavaDelegate {

    private final StrategyService strategies;

    LockStrategiesDelegate(StrategyService strategies) {
        this.strategies = strategies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        strategies.lockPlan(CycleVariables.customerManagerId(execution), CycleVariables.period(execution));
    }
}
