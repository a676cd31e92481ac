package cn.cm135.customer.analysis;

import java.time.YearMonth;

import org.springframework.stereotype.Component;

import cn.cm135.process.MonthStartAnalysis;

/** Step 5 经营效果与经营能力, as the monthly cycle runs it once per month for the whole marketing centre. */
@Component
class CustomerMonthStartAnalysis implements MonthStartAnalysis {

    private final CustomerAnalysisService analysis;

    CustomerMonthStartAnalysis(CustomerAnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public String kind() {
        return CUSTOMERS;
    }

    @Override
    public void analyse(YearMonth month) {
        analysis.analyse(month);
    }
}
