package cn.cm135.cycle.analysis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.MonthlyAnalyses;
import cn.cm135.process.CycleVariables;

/** Service task "计算经营效果与经营能力" (Task_AnalyseCustomers): once per analysed month for the whole marketing centre. */
@Component
class AnalyseCustomersDelegate implements JavaDelegate {

    private final MonthlyAnalyses analyses;

    AnalyseCustomersDelegate(MonthlyAnalyses analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        analyses.ensureCustomers(CycleVariables.analysedMonth(execution));
    }
}
