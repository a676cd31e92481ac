package cn.cm135.brand.analysis;

import java.time.YearMonth;

import org.springframework.stereotype.Component;

import cn.cm135.process.MonthStartAnalysis;

/** Step 6 月度品牌状态分析, as the monthly cycle runs it once per month for the whole marketing centre. */
@Component
class BrandMonthStartAnalysis implements MonthStartAnalysis {

    private final BrandAnalysisService analysis;

    BrandMonthStartAnalysis(BrandAnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public String kind() {
        return BRANDS;
    }

    @Override
    public void analyse(YearMonth month) {
        analysis.analyse(month);
    }

    /** Step 3 backfilled this customer manager's brand targets after the month was analysed. */
    @Override
    public void analyseAgainFor(YearMonth month, String customerManagerId) {
        analysis.reanalyse(month, customerManagerId);
    }
}
