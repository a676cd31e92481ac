package cn.cm135.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.rules.Refusal;

/**
 * Lists and tables that Camunda Forms exchange with Tasklist. Tasklist hands a Json variable to form-js
 * as an object and submits an edited dynamic list back as Json (a Spin value), a REST client may send
 * a String: both arrive here as JSON text.
 *
 * <p>What a form only shows is task-local. What it edits lives on the execution instead: a REST
 * {@code complete} writes its variables to the execution, where a task-local copy would hide them. It is
 * local to the task's own execution, so that tasks open side by side (the days of a week, step 14 beside
 * step 16) each keep their own values instead of overwriting one copy on the process instance.
 * {@link #edited} takes the value back and removes it, as the feature's tables keep it from then on.
 */
public final class FormData {

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private FormData() {
    }

    /** A value as a Json variable, for a form-js table, dynamic list or select options. */
    public static TypedValue json(ObjectMapper json, Object value) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows of a submitted dynamic list; empty when the variable is absent.
     *
     * @throws Refusal INVALID when the variable is not a JSON list of objects
     */
    public static List<Map<String, Object>> rows(ObjectMapper json, Object raw, String variable, String label) {
        if (raw == null || raw.toString().isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(raw.toString(), ROWS);
        } catch (JsonProcessingException e) {
            throw Refusal.invalid(variable, label + "（" + variable + "）必须是对象列表：" + e.getOriginalMessage());
        }
    }

    /** Offers {@code value} for editing in the task's form (see the class comment). */
    public static void editable(DelegateTask task, String variable, Object value) {
        task.getExecution().setVariableLocal(variable, value);
    }

    /** The value the form (or a REST client) submitted for an {@link #editable} variable, removed from the execution. */
    public static Object edited(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        task.getExecution().removeVariable(variable);
        return value;
    }

    /** The submitted values of a form's {@link #editable} fields, in the order of {@code variables}. */
    public static Object[] editedValues(DelegateTask task, String... variables) {
        Object[] values = new Object[variables.length];
        for (int i = 0; i < variables.length; i++) {
            values[i] = edited(task, variables[i]);
        }
        return values;
    }

    /** An option of a form-js select, checklist or taglist. */
    public static Map<String, String> option(String value, String label) {
        return Map.of("value", value, "label", label);
    }

    /** A whole number typed into a form: Long, Double 12.0 or "12" are all 12; blank is null. */
    public static Integer integer(Object raw, String field, String label) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(raw.toString().strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw Refusal.invalid(field, label + "必须是整数，收到 " + raw);
        }
    }

    /** An id a select submitted as text. */
    public static Long id(Object raw, String field, String label) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.toString().strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, label + "无效：" + raw);
        }
    }
}
