package cn.cm135.cycle.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shared by the analysis task listeners: Json tables for form-js {@code table} components (numbers as
 * text, so 12.50% stays 12.50%), what the brand and market confirmation forms show, and the required
 * conclusions of a confirmation form.
 */
final class AnalysisTables {

    static final String NONE = "—";

    private AnalysisTables() {
    }

    static TypedValue json(ObjectMapper json, List<Map<String, Object>> rows) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fraction as a percentage, "12.50%"; "—" when undefined. */
    static String percent(BigDecimal fraction) {
        return fraction == null ? NONE : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A number as the table shows it, "—" when undefined. */
    static String number(BigDecimal value, int scale) {
        return value == null ? NONE : value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    static String warning(boolean warning) {
        return warning ? "预警" : "";
    }

    /** A confirmation form's heading: the task's name with the month, how many rows are warned, the table. */
    static void show(DelegateTask task, ObjectMapper json, String title, YearMonth month, long warned,
            String tableVariable, List<Map<String, Object>> table) {
        task.setName(title + "（" + month + "）");
        task.setVariableLocal("analysedMonth", month.toString());
        task.setVariableLocal("warnedCount", warned);
        task.setVariableLocal(tableVariable, json(json, table));
    }

    /**
     * The conclusions a confirmation form requires, from the task (Tasklist writes task-local) or the
     * process scope (REST complete); the process-scope copy is removed afterwards, as the text is stored
     * with the analysis.
     */
    static String requiredConclusions(DelegateTask task, String field, String label) {
        Object raw = task.getVariable(field);
        if (raw == null || raw.toString().isBlank()) {
            throw new IllegalArgumentException("请填写" + label + "（" + field + "），确定后不能修改");
        }
        task.getExecution().removeVariable(field);
        return raw.toString().strip();
    }
}
