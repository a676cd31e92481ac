package cn.cm135.customer.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.process.CycleVariables;
import cn.cm135.process.ImprovementMeasures;
import cn.cm135.tasklist.AnalysisTables;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "客户经营状态分析" (Task_ReviewCustomerAnalysis). On create it shows the customer manager's
 * customers of the analysed month as task-local variables: how many are 优/良/中/差, how many are warned,
 * and the warned customers as a table ({@code warnedCustomers}). On complete the month's analysis of
 * their customers is locked (确定后不能修改). It also shows last month's improvement measures
 * ({@code lastMonthImprovements}, from the finished 月度工作总结 of the analysed month).
 */
@Component
class ReviewCustomerAnalysisTaskListener extends StepTaskListener {

    static final String NO_SUMMARY = "上月工作总结尚未完成";

    static final Map<String, String> LEVEL_VARIABLES = Map.of(
            "优", "levelExcellent", "良", "levelGood", "中", "levelFair", "差", "levelPoor");

    private final CustomerAnalysisService customers;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ImprovementMeasures improvements;

    ReviewCustomerAnalysisTaskListener(CustomerAnalysisService customers, NamedParameterJdbcTemplate jdbc,
            ObjectMapper json, ImprovementMeasures improvements) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.json = json;
        this.improvements = improvements;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        var month = CycleVariables.analysedMonth(task);
        List<CustomerMonthResult> rows = customers.forCustomerManager(month, customerManagerId);
        Map<String, Object> shown = new HashMap<>();
        LEVEL_VARIABLES.values().forEach(variable -> shown.put(variable, 0L));
        rows.forEach(row -> shown.merge(LEVEL_VARIABLES.get(row.capabilityLevel()), 1L, (a, b) -> (Long) a + 1));
        List<CustomerMonthResult> warned = rows.stream().filter(CustomerMonthResult::warning).toList();
        shown.put("analysedMonth", month.toString());
        shown.put("customerCount", (long) rows.size());
        shown.put("warnedCount", (long) warned.size());
        shown.put("lastMonthImprovements", improvements.of(customerManagerId, month).orElse(NO_SUMMARY));
        task.setName("客户经营状态分析（" + month + "）");
        task.setVariablesLocal(shown);
        task.setVariableLocal("warnedCustomers", FormData.json(json, table(warned)));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        customers.lock(CycleVariables.analysedMonth(task), CycleVariables.customerManagerId(task));
    }

    private List<Map<String, Object>> table(List<CustomerMonthResult> warned) {
        Map<Long, String[]> names = new HashMap<>();
        if (!warned.isEmpty()) {
            jdbc.query("select id, licence_no, name from retail_customer where id in (:ids)",
                    new MapSqlParameterSource("ids", warned.stream().map(CustomerMonthResult::customerId).toList()),
                    rs -> {
                        names.put(rs.getLong("id"), new String[] {rs.getString("licence_no"), rs.getString("name")});
                    });
        }
        return warned.stream().map(row -> {
            String[] name = names.getOrDefault(row.customerId(), new String[] {"", ""});
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("licence", name[0]);
            line.put("name", name[1]);
            line.put("volume", row.volume());
            line.put("momGrowth", CustomerMonthResult.percentText(row.momGrowth()));
            line.put("score", AnalysisTables.number(row.capabilityScore(), 2));
            line.put("level", row.capabilityLevel());
            return line;
        }).toList();
    }
}
