package cn.cm135.cycle.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.cycle.CycleVariables;
import cn.cm135.market.analysis.MarketAnalysisService;
import cn.cm135.market.analysis.MarketMonthResult;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "市场分析" (Task_ConfirmMarketAnalysis). On create it shows the customer manager's areas as a
 * task-local table ({@code marketRows}); on complete it stores the required {@code marketConclusions} on
 * each of their areas and locks them (确定后不能修改).
 */
@Component
class ConfirmMarketAnalysisTaskListener extends StepTaskListener {

    static final String CONCLUSIONS = "marketConclusions";

    private final MarketAnalysisService market;
    private final ObjectMapper json;

    ConfirmMarketAnalysisTaskListener(MarketAnalysisService market, ObjectMapper json) {
        this.market = market;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.analysedMonth(task);
        List<MarketMonthResult> rows = market.rows(month, customerManagerId);
        AnalysisTables.show(task, json, "市场分析", month, rows.stream().filter(MarketMonthResult::warning).count(),
                "marketRows", table(rows));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.analysedMonth(task);
        List<MarketMonthResult> rows = market.rows(month, customerManagerId);
        String conclusions = AnalysisTables.requiredConclusions(task, CONCLUSIONS, "市场分析结论");
        for (MarketMonthResult row : rows) {
            market.conclude(month, row.areaCode(), conclusions);
            market.lock(month, row.areaCode());
        }
    }

    private static List<Map<String, Object>> table(List<MarketMonthResult> rows) {
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
