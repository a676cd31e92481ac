package cn.cm135.cycle.analysis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.MonthlyAnalyses;
import cn.cm135.process.CycleVariables;

/** Service task "市场分析计算" (Task_AnalyseMarket): once per analysed month for the whole marketing centre. */
@Component
class AnalyseMarketDelegate implements JavaDelegate {

    private final MonthlyAnalyses analyses;

    AnalyseMarketDelegate(MonthlyAnalyses analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        analyses.ensureMarket(CycleVariables.analysedMonth(execution));
    }
}
