package cn.cm135.brand.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * A DMN decision table as one SQL {@code CASE} expression, when the table is simple enough for the
 * translation to be exact: hit policy FIRST, one output, inputs that are plain variables with a known
 * column, input entries that are numeric simple unary tests ({@code -}, {@code < n}, {@code <= n},
 * {@code > n}, {@code >= n}, {@code n}, intervals such as {@code [a..b]} or {@code ]a..b[}, and comma
 * lists of these) and string-literal outputs. A null input matches only {@code -}, in FEEL as in SQL.
 *
 * <p>Why: the brand status of a city is ~30,000 (area, spec) rows, and the FEEL engine costs ~0.3–0.6
 * ms an evaluation (it builds its context of built-in functions every time), 10–20 s a month; as SQL
 * the status is computed in the statement that writes the rows. Any other table gives
 * {@link Optional#empty()} and is evaluated through the DMN engine. Hand-written: no library translates
 * FEEL to SQL; {@code DecisionTableSqlTests} checks it against the DMN engine.
 */
final class DecisionTableSql {

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*" + NUMBER);
    private static final Pattern INTERVAL = Pattern.compile("([\\[\\](])\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER
            + "\\s*([\\[\\])])");
    private static final Pattern EQUALS = Pattern.compile(NUMBER);
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

    private DecisionTableSql() {
    }

    /**
     * The table as {@code case when … then '…' … end} over {@code columns} (input variable → SQL
     * column); empty when it cannot be translated exactly. Rows that match no rule get null.
     */
    static Optional<String> caseExpression(DecisionTable table, Map<String, String> columns) {
        if (table.getHitPolicy() != HitPolicy.FIRST || table.getOutputs().size() != 1) {
            return Optional.empty();
        }
        List<String> inputColumns = new ArrayList<>();
        for (Input input : table.getInputs()) {
            var expression = input.getInputExpression();
            String column = expression == null || !isFeel(expression.getExpressionLanguage()) ? null
                    : columns.get(text(expression.getText()));
            if (column == null) {
                return Optional.empty();
            }
            inputColumns.add(column);
        }
        StringBuilder sql = new StringBuilder("case");
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = List.copyOf(rule.getInputEntries());
            List<OutputEntry> outputs = List.copyOf(rule.getOutputEntries());
            if (entries.size() != inputColumns.size() || outputs.size() != 1) {
                return Optional.empty();
            }
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                InputEntry entry = entries.get(i);
                Optional<String> condition = isFeel(entry.getExpressionLanguage())
                        ? condition(text(entry.getText()), inputColumns.get(i)) : Optional.empty();
                if (condition.isEmpty()) {
                    return Optional.empty();
                }
                if (!condition.get().isEmpty()) {
                    conditions.add(condition.get());
                }
            }
            Matcher output = STRING.matcher(text(outputs.get(0).getText()));
            if (!isFeel(outputs.get(0).getExpressionLanguage()) || !output.matches()) {
                return Optional.empty();
            }
            sql.append(" when ").append(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions))
                    .append(" then '").append(output.group(1).replace("'", "''")).append('\'');
        }
        return Optional.of(sql.append(" end").toString());
    }

    /** The SQL condition of one input entry; "" for any value; empty when not translatable. */
    static Optional<String> condition(String entry, String column) {
        if (entry.isEmpty() || entry.equals("-")) {
            return Optional.of("");
        }
        List<String> tests = new ArrayList<>();
        for (String test : entry.split(",", -1)) {
            Optional<String> sql = test(test.strip(), column);
            if (sql.isEmpty()) {
                return Optional.empty();
            }
            tests.add(sql.get());
        }
        return Optional.of(tests.size() == 1 ? tests.get(0) : "(" + String.join(" or ", tests) + ")");
    }

    private static Optional<String> test(String test, String column) {
        Matcher m = COMPARISON.matcher(test);
        if (m.matches()) {
            return Optional.of(column + " " + m.group(1) + " " + number(m.group(2)));
        }
        m = INTERVAL.matcher(test);
        if (m.matches()) {
            String low = m.group(1).equals("[") ? " >= " : " > ";
            String high = m.group(4).equals("]") ? " <= " : " < ";
            return Optional.of("(" + column + low + number(m.group(2)) + " and " + column + high + number(m.group(3))
                    + ")");
        }
        m = EQUALS.matcher(test);
        if (m.matches()) {
            return Optional.of(column + " = " + number(m.group(1)));
        }
        return Optional.empty();
    }

    private static String number(String literal) {
        return new BigDecimal(literal).toPlainString();
    }

    private static boolean isFeel(String expressionLanguage) {
        return expressionLanguage == null || expressionLanguage.equalsIgnoreCase("feel")
                || expressionLanguage.equalsIgnoreCase("https://www.omg.org/spec/DMN/20191111/FEEL/");
    }

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
    }
}
