package cn.cm135.market.analysis;

import java.time.YearMonth;

import org.springframework.stereotype.Component;

import cn.cm135.process.MonthStartAnalysis;

/** Step 8 市场分析, as the monthly cycle runs it once per month for the whole marketing centre. */
@Component
class MarketMonthStartAnalysis implements MonthStartAnalysis {

    private final MarketAnalysisService analysis;

    MarketMonthStartAnalysis(MarketAnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public String kind() {
        return MARKET;
    }

    @Override
    public void analyse(YearMonth month) {
        analysis.analyse(month);
    }
}
