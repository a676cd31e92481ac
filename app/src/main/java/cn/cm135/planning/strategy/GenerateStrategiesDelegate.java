package cn.cm135.planning.strategy;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.process.CycleVariables;

/**
 * Service task "生成服务策略" (Task_GenerateStrategies, 计划新增): evaluates the {@code service-strategy} table
 * deployed when the month started for every customer of the customer manager and stores the month's strategies.
 */
@Component
class GenerateStrategiesDelegate implements JavaDelegate {

    private final StrategyService strategies;

    GenerateStrategiesDelegate(StrategyService strategies) {
        this.strategies = strategies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The rules in force when the month started: a table deployed mid-month applies from the next month on.
        Date monthStarted = execution.getProcessEngineServices().getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId()).singleResult()
                .getStartTime();
        strategies.generate(CycleVariables.customerManagerId(execution), CycleVariables.period(execution), monthStarted);
    }
}
