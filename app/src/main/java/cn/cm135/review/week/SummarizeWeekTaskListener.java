package cn.cm135.review.week;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.cm135.process.CycleVariables;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.ProgressBar;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "周工作小结" (Task_SummarizeWeek, step 15). On create it computes the week's figures and shows
 * them, with the suggested status as the default of {@code judgedStatus}; on complete it stores the customer
 * manager's judgement, {@code rationality} and {@code effectiveness} (all required). A refusal keeps the task open.
 */
@Component
class SummarizeWeekTaskListener extends StepTaskListener {

    static final String WEEK_START = "weekStart";
    static final String[] EDITABLE = {"judgedStatus", "rationality", "effectiveness"};

    private final WeekSummaryService summaries;

    SummarizeWeekTaskListener(WeekSummaryService summaries) {
        this.summaries = summaries;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        LocalDate weekStart = LocalDate.parse((String) task.getVariable(WEEK_START));
        WeekSummary s = summaries.prepare(customerManagerId, month, weekStart);
        task.setName("周工作小结（" + weekStart + " 周）");
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("weekDays", s.firstDay() + " 至 " + s.lastDay());
        shown.put("asOf", s.asOf().toString());
        shown.put("volume", (long) s.volume());
        shown.put("volumeTarget", text(s.volumeTarget()));
        shown.put("amount", text(s.amount()));
        shown.put("unitValue", text(s.unitValue()));
        shown.put("unitValueTarget", text(s.unitValueTarget()));
        shown.put("keyBrandGrowth", percent(s.keyBrandGrowth()));
        shown.put("keyBrandGrowthTarget", percent(s.keyBrandGrowthTarget()));
        shown.put("elapsedWorkingDays", (long) s.elapsedWorkingDays());
        shown.put("workingDays", (long) s.workingDays());
        shown.put("timeProgress", fraction(s.timeProgress()));
        shown.put("volumeProgress", fraction(s.volumeProgress()));
        shown.put("timeBar", ProgressBar.of(s.timeProgress()));
        shown.put("volumeBar", ProgressBar.of(s.volumeProgress()));
        shown.put("suggestedStatus", s.suggestedStatus() == null ? "—（本月没有销量目标）" : s.suggestedStatus());
        task.setVariablesLocal(shown);
        FormData.editable(task, EDITABLE[0], s.judgedStatus() != null ? s.judgedStatus() : s.suggestedStatus());
        FormData.editable(task, EDITABLE[1], s.rationality());
        FormData.editable(task, EDITABLE[2], s.effectiveness());
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        LocalDate weekStart = LocalDate.parse((String) task.getVariable(WEEK_START));
        Object[] v = FormData.editedValues(task, EDITABLE);
        summaries.summarize(customerManagerId, month, weekStart,
                new WeekJudgement(string(v[0]), string(v[1]), string(v[2])), customerManagerId);
    }

    private static String string(Object raw) {
        return raw == null ? null : raw.toString();
    }

    private static String text(Object value) {
        return value == null ? "—" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    /** A percent figure as stored (12.50) → "+12.50%". */
    static String percent(BigDecimal value) {
        return value == null ? "—" : (value.signum() > 0 ? "+" : "") + value.toPlainString() + "%";
    }

    /** A fraction (0.3636) → "36.36%". */
    static String fraction(BigDecimal value) {
        return value == null ? "—" : value.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
