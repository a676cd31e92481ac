package cn.cm135.planning.targets;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads numbers a form or a REST client submitted. Tasklist sends form numbers as Long, Double or
 * String depending on the input, so each is accepted and checked here, naming the field on error.
 */
final class FormValues {

    private FormValues() {
    }

    static TargetValues targetValues(VariableScope scope) {
        return new TargetValues(
                integer(scope, "volume", "目标销量（条）"),
                decimal(scope, "unitValue", "目标单条值（元/条）"),
                decimal(scope, "keyBrandGrowth", "重点品牌增长率（%）"),
                integer(scope, "visits", "计划拜访次数"));
    }

    static Integer integer(VariableScope scope, String field, String label) {
        BigDecimal value = decimal(scope, field, label);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new TargetException(TargetException.Kind.INVALID, field, label + "必须是整数，收到 " + value.toPlainString());
        }
    }

    static BigDecimal decimal(VariableScope scope, String field, String label) {
        Object raw = scope.getVariable(field);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.toString().strip());
        } catch (NumberFormatException e) {
            throw new TargetException(TargetException.Kind.INVALID, field, label + "必须是数字，收到 " + raw);
        }
    }

    static String text(VariableScope scope, String field) {
        Object raw = scope.getVariable(field);
        return raw == null ? null : raw.toString();
    }
}
