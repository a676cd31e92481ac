package cn.cm135.review.month;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.process.CycleVariables;
import cn.cm135.review.results.MarkRows;
import cn.cm135.review.results.MonthExecution;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.ProgressBar;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "月度工作总结" (Task_SummarizeMonth, step 16). On create it computes and shows the month's facts
 * (sales against targets, brand targets, market, visits, strategies, ● tasks); on complete it stores the
 * customer manager's five texts, of which 改进措施 is required. A refusal keeps the task open.
 */
@Component
class SummarizeMonthTaskListener extends StepTaskListener {

    static final String[] EDITABLE = {"analysisAccuracy", "planRationality", "goodPractice", "shortcomings",
            "improvementMeasures"};

    private final MonthSummaryService summaries;
    private final ObjectMapper json;

    SummarizeMonthTaskListener(MonthSummaryService summaries, ObjectMapper json) {
        this.summaries = summaries;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        MonthSummary s = summaries.prepare(customerManagerId, month);
        task.setName("月度工作总结（" + month + "）");
        show(task, s);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        Object[] v = FormData.editedValues(task, EDITABLE);
        summaries.summarize(customerManagerId, month, new MonthReview(string(v[0]), string(v[1]), string(v[2]),
                string(v[3]), string(v[4])), customerManagerId);
    }

    private void show(DelegateTask task, MonthSummary s) {
        MonthFacts f = s.facts();
        MonthExecution e = f.execution();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("summaryMonth", s.period());
        shown.put("customerManagerId", s.customerManagerId());
        shown.put("volume", (long) f.volume());
        shown.put("volumeTarget", text(f.volumeTarget()));
        shown.put("volumeRate", rate(f.volume(), f.volumeTarget()));
        shown.put("unitValue", text(f.unitValue()));
        shown.put("unitValueTarget", text(f.unitValueTarget()));
        shown.put("keyBrandGrowth", percent(f.keyBrandGrowth()));
        shown.put("keyBrandGrowthTarget", percent(f.keyBrandGrowthTarget()));
        shown.put("plannedVisits", e.plannedVisits() == null ? "—（拜访计划未确定）" : e.plannedVisits().toString());
        shown.put("doneVisits", (long) e.doneVisits());
        shown.put("visitRate", rate(e.doneVisits(), e.plannedVisits()));
        shown.put("volumeBar", f.volumeTarget() == null ? "—" : ProgressBar.of(f.volume(), f.volumeTarget()));
        shown.put("visitBar", ProgressBar.of(e.doneVisits(), e.plannedVisits()));
        shown.put("strategiesDone", (long) e.strategiesDone());
        shown.put("strategiesOpen", (long) e.strategiesOpen());
        shown.put("strategiesDropped", (long) e.strategiesDropped());
        shown.put("adHocCount", (long) e.adHocTasks().size());
        task.setVariablesLocal(shown);
        task.setVariableLocal("brandRows", FormData.json(json, f.brands().stream().map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area", b.areaCode());
            row.put("spec", b.specName() + "（" + b.specCode() + "）");
            row.put("target", text(b.targetVolume()));
            row.put("volume", b.volume());
            row.put("rate", rate(b.volume(), b.targetVolume()));
            return row;
        }).toList()));
        task.setVariableLocal("anomalyRows", FormData.json(json, f.anomalies().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", a.anomalyType());
            row.put("count", a.count());
            return row;
        }).toList()));
        task.setVariableLocal("priceRows", FormData.json(json, f.prices().stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("spec", p.specName() + "（" + p.specCode() + "）");
            row.put("observations", p.observations());
            row.put("meanPrice", p.meanPrice().toPlainString());
            row.put("guidePrice", p.guidePrice().toPlainString());
            row.put("priceIndex", p.priceIndex().toPlainString());
            return row;
        }).toList()));
        task.setVariableLocal("adHocRows", FormData.json(json, MarkRows.adHocRows(e.adHocTasks())));
        MonthReview r = s.review();
        String[] values = r == null ? new String[EDITABLE.length] : new String[] {r.analysisAccuracy(),
                r.planRationality(), r.goodPractice(), r.shortcomings(), r.improvementMeasures()};
        for (int i = 0; i < EDITABLE.length; i++) {
            FormData.editable(task, EDITABLE[i], values[i]);
        }
    }

    private static String string(Object raw) {
        return raw == null ? null : raw.toString();
    }

    private static String text(Object value) {
        return value == null ? "—" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static String percent(BigDecimal value) {
        return value == null ? "—" : (value.signum() > 0 ? "+" : "") + value.toPlainString() + "%";
    }

    /** done ÷ planned as a percentage with one decimal; "—" without a (positive) plan. */
    static String rate(int done, Integer planned) {
        return planned == null || planned == 0 ? "—"
                : BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(planned), 1, RoundingMode.HALF_UP) + "%";
    }
}
