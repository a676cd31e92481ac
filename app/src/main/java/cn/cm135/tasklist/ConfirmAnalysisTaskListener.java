package cn.cm135.tasklist;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.process.CycleVariables;

/**
 * The user task in which a customer manager reads their part of a month-start analysis and confirms it with
 * conclusions (步骤 6 月度品牌状态分析, 步骤 8 市场分析). On create the task is named after the analysed month and
 * shows the rows as a Json table with the number warned; on complete the required conclusions are stored and the
 * analysis is locked (确定后不能修改). A subclass says which rows, how they show and how they are confirmed.
 *
 * @param <R> a row of the analysis
 */
public abstract class ConfirmAnalysisTaskListener<R> extends StepTaskListener {

    /** The task's title and the process variables of its form. */
    public record ConfirmationForm(String title, String tableVariable, String conclusionsVariable,
            String conclusionsLabel) {
    }

    private final ConfirmationForm form;
    private final ObjectMapper json;

    protected ConfirmAnalysisTaskListener(ConfirmationForm form, ObjectMapper json) {
        this.form = form;
        this.json = json;
    }

    @Override
    protected final void onCreate(DelegateTask task) {
        YearMonth month = CycleVariables.analysedMonth(task);
        List<R> rows = rows(month, CycleVariables.customerManagerId(task));
        task.setName(form.title() + "（" + month + "）");
        task.setVariableLocal("analysedMonth", month.toString());
        task.setVariableLocal("warnedCount", rows.stream().filter(this::warned).count());
        task.setVariableLocal(form.tableVariable(), FormData.json(json, table(rows)));
    }

    @Override
    protected final void onComplete(DelegateTask task) {
        Object raw = task.getVariable(form.conclusionsVariable());
        if (raw == null || raw.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "请填写" + form.conclusionsLabel() + "（" + form.conclusionsVariable() + "），确定后不能修改");
        }
        task.getExecution().removeVariable(form.conclusionsVariable());
        confirm(CycleVariables.analysedMonth(task), CycleVariables.customerManagerId(task), raw.toString().strip());
    }

    /** The customer manager's rows of the analysed month. */
    protected abstract List<R> rows(YearMonth month, String customerManagerId);

    protected abstract boolean warned(R row);

    /** The rows as the form's table shows them. */
    protected abstract List<Map<String, Object>> table(List<R> rows);

    /** Stores the conclusions and locks the customer manager's part of the analysis. */
    protected abstract void confirm(YearMonth month, String customerManagerId, String conclusions);
}
