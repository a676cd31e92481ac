package cn.cm135.cycle.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.brand.analysis.BrandAnalysisService;
import cn.cm135.brand.analysis.BrandMonthResult;
import cn.cm135.customer.analysis.CustomerMonthResult;
import cn.cm135.cycle.CycleVariables;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "月度品牌状态分析" (Task_ConfirmBrandAnalysis). On create it shows the brand rows of the
 * customer manager's areas as a task-local table ({@code brandRows}); on complete it stores the required
 * {@code brandConclusions} and locks the analysis (确定后不能修改).
 */
@Component
class ConfirmBrandAnalysisTaskListener extends StepTaskListener {

    static final String CONCLUSIONS = "brandConclusions";

    private final BrandAnalysisService brands;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ConfirmBrandAnalysisTaskListener(BrandAnalysisService brands, JdbcTemplate jdbc, ObjectMapper json) {
        this.brands = brands;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.analysedMonth(task);
        List<BrandMonthResult> rows = brands.rows(month, customerManagerId);
        AnalysisTables.show(task, json, "月度品牌状态分析", month, rows.stream().filter(BrandMonthResult::warning).count(),
                "brandRows", table(rows));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.analysedMonth(task);
        String conclusions = AnalysisTables.requiredConclusions(task, CONCLUSIONS, "品牌分析结论");
        brands.conclude(month, customerManagerId, conclusions);
        brands.lock(month, customerManagerId);
    }

    private List<Map<String, Object>> table(List<BrandMonthResult> rows) {
        Map<String, String> specNames = new HashMap<>();
        jdbc.query("select code, name from cigarette_spec", rs -> {
            specNames.put(rs.getString("code"), rs.getString("name"));
        });
        return rows.stream().map(row -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("area", row.areaCode());
            line.put("spec", specNames.getOrDefault(row.specCode(), row.specCode()));
            line.put("volume", row.volume());
            line.put("growth", CustomerMonthResult.percentText(
                    row.momIndex() == null ? null : row.momIndex().subtract(java.math.BigDecimal.ONE)));
            line.put("distributionRate", AnalysisTables.percent(row.distributionRate()));
            line.put("repurchaseRate", AnalysisTables.percent(row.repurchaseRate()));
            line.put("shelfRate", AnalysisTables.percent(row.shelfRate()));
            line.put("status", row.status());
            line.put("warning", AnalysisTables.warning(row.warning()));
            return line;
        }).toList();
    }
}
