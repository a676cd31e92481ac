package cn.cm135.cycle.analysis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.CycleVariables;
import cn.cm135.cycle.MonthlyAnalyses;

/** Service task "月度品牌状态分析计算" (Task_AnalyseBrands): once per analysed month for the whole marketing centre. */
@Component
class AnalyseBrandsDelegate implements JavaDelegate {

    private final MonthlyAnalyses analyses;

    AnalyseBrandsDelegate(MonthlyAnalyses analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        analyses.ensureBrands(CycleVariables.analysedMonth(execution));
    }
}
