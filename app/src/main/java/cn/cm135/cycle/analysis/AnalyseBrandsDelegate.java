package cn.cm135.cycle.analysis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cm135.cycle.MonthlyAnalyses;
import cn.cm135.process.CycleVariables;

/**
 * Service task "月度品牌状态分析计算" (Task_AnalyseBrands): once per analysed month for the whole marketing
 * centre. In a customer manager's first month their areas are analysed again when another instance ran
 * the month first, because their step 3 may have backfilled the targets after that run.
 */
@Component
class AnalyseBrandsDelegate implements JavaDelegate {

    private final MonthlyAnalyses analyses;

    AnalyseBrandsDelegate(MonthlyAnalyses analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var month = CycleVariables.analysedMonth(execution);
        boolean ranNow = analyses.ensureBrands(month);
        if (!ranNow && Boolean.TRUE.equals(execution.getVariable(CycleVariables.FIRST_MONTH))) {
            analyses.analyseAgainFor(MonthlyAnalyses.BRANDS, month, CycleVariables.customerManagerId(execution));
        }
    }
}
