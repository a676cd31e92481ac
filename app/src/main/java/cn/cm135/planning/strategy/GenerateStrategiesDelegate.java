package cn.cm135.planning.strategy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.CycleVariables;

/**
 * Service task "生成服务策略" (Task_GenerateStrategies, 计划新增): evaluates the latest deployed
 * {@code service-strategy} table for every customer of the customer manager and stores the month's strategies.
 */
@Component
class GenerateStrategiesDelegate implements JavaDelegate {

    private final StrategyService strategies;

    GenerateStrategiesDelegate(StrategyService strategies) {
        this.strategies = strategies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        strategies.generate(CycleVariables.customerManagerId(execution), CycleVariables.period(execution));
    }
}
