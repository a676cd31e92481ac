package cn.cm135.market.analysis;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.tasklist.AnalysisTables;
import cn.cm135.tasklist.ConfirmAnalysisTaskListener;

/**
 * User task "市场分析" (Task_ConfirmMarketAnalysis). On create it shows the customer manager's areas as a
 * task-local table ({@code marketRows}); on complete it stores the required {@code marketConclusions} on
 * each of their areas and locks them (确定后不能修改).
 */
@Component
class ConfirmMarketAnalysisTaskListener extends ConfirmAnalysisTaskListener<MarketMonthResult> {

    static final String CONCLUSIONS = "marketConclusions";

    private final MarketAnalysisService market;

    ConfirmMarketAnalysisTaskListener(MarketAnalysisService market, ObjectMapper json) {
        super(new ConfirmationForm("市场分析", "marketRows", CONCLUSIONS, "市场分析结论"), json);
        this.market = market;
    }

    @Override
    protected List<MarketMonthResult> rows(YearMonth month, String customerManagerId) {
        return market.rows(month, customerManagerId);
    }

    @Override
    protected boolean warned(MarketMonthResult row) {
        return row.warning();
    }

    /** The same conclusions on each of the customer manager's areas, each then locked. */
    @Override
    protected void confirm(YearMonth month, String customerManagerId, String conclusions) {
        for (MarketMonthResult row : market.rows(month, customerManagerId)) {
            market.conclude(month, row.areaCode(), conclusions);
            market.lock(month, row.areaCode());
        }
    }

    @Override
    protected List<Map<String, Object>> table(List<MarketMonthResult> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("area", row.areaCode());
            line.put("priceIndex", AnalysisTables.number(row.priceIndex(), 4));
            line.put("socialInventory", AnalysisTables.number(row.socialInventory(), 2));
            line.put("stockSalesRatio", AnalysisTables.number(row.stockSalesRatio(), 2));
            line.put("daysOfStock", AnalysisTables.number(row.daysOfStock(), 1));
            line.put("unitValue", AnalysisTables.number(row.unitValue(), 2));
            line.put("warning", AnalysisTables.warning(row.warning()));
            return line;
        }).toList();
    }
}
