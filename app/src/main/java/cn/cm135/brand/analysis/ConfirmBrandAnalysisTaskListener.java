package cn.cm135.brand.analysis;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.customer.analysis.CustomerMonthResult;
import cn.cm135.tasklist.AnalysisTables;
import cn.cm135.tasklist.ConfirmAnalysisTaskListener;

/**
 * User task "月度品牌状态分析" (Task_ConfirmBrandAnalysis). On create it shows the brand rows of the
 * customer manager's areas as a task-local table ({@code brandRows}); on complete it stores the required
 * {@code brandConclusions} and locks the analysis (确定后不能修改).
 */
@Component
class ConfirmBrandAnalysisTaskListener extends ConfirmAnalysisTaskListener<BrandMonthResult> {

    static final String CONCLUSIONS = "brandConclusions";

    private final BrandAnalysisService brands;
    private final JdbcTemplate jdbc;

    ConfirmBrandAnalysisTaskListener(BrandAnalysisService brands, JdbcTemplate jdbc, ObjectMapper json) {
        super(new ConfirmationForm("月度品牌状态分析", "brandRows", CONCLUSIONS, "品牌分析结论"), json);
        this.brands = brands;
        this.jdbc = jdbc;
    }

    @Override
    protected List<BrandMonthResult> rows(YearMonth month, String customerManagerId) {
        return brands.rows(month, customerManagerId);
    }

    @Override
    protected boolean warned(BrandMonthResult row) {
        return row.warning();
    }

    @Override
    protected void confirm(YearMonth month, String customerManagerId, String conclusions) {
        brands.conclude(month, customerManagerId, conclusions);
        brands.lock(month, customerManagerId);
    }

    @Override
    protected List<Map<String, Object>> table(List<BrandMonthResult> rows) {
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
