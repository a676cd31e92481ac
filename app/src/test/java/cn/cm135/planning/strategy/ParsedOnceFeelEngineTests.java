package cn.cm135.planning.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The parse-once FEEL engine answers exactly as Camunda's, evaluation after evaluation, context by context. */
class ParsedOnceFeelEngineTests {

    private final FeelEngine camunda = new ScalaFeelEngine(List.of());
    private final FeelEngine parsedOnce = new ParsedOnceFeelEngine();

    @Test
    void aCachedExpressionIsEvaluatedAgainInEachContext() {
        String reason = "\"盘点库存 \" + string(stock) + \" 条，可销 \" + string(decimal(weeksOfStock, 2)) + \" 周\"";
        VariableContext first = context(40, "5.125");
        VariableContext second = context(7, "0.5");

        // FEEL's decimal() rounds half even: 5.125 → 5.12
        assertThat((Object) parsedOnce.evaluateSimpleExpression(reason, first)).isEqualTo("盘点库存 40 条，可销 5.12 周");
        assertThat((Object) parsedOnce.evaluateSimpleExpression(reason, second)).isEqualTo("盘点库存 7 条，可销 0.50 周");
        assertThat((Object) parsedOnce.evaluateSimpleExpression(reason, first))
                .isEqualTo(camunda.evaluateSimpleExpression(reason, first));
    }

    @Test
    void unaryTestsMatchAsCamundasDo() {
        for (String test : List.of("< 2", "> 4", "<= 0", "< -10, > 10", "\"优\",\"良\"", "not(null)", "")) {
            for (Object value : List.of(1, 2, 5, -11, "优", "差")) {
                VariableContext input = Variables.createVariables().putValue("cellInput", value).asVariableContext();
                boolean expected = matches(camunda, test, input);
                assertThat(matches(parsedOnce, test, input)).as("%s against %s", value, test).isEqualTo(expected);
                assertThat(matches(parsedOnce, test, input)).as("again, %s against %s", value, test).isEqualTo(expected);
            }
        }
        VariableContext two = Variables.createVariables().putValue("cellInput", 2).asVariableContext();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("< 2", "cellInput", two)).isFalse();
    }

    @Test
    void aBadExpressionFailsEveryTimeWithCamundasMessage() {
        VariableContext any = context(1, "1");
        String camundaMessage = messageOf(camunda, "string(stock) +");
        assertThat(camundaMessage).contains("string(stock) +");
        assertThat(messageOf(parsedOnce, "string(stock) +")).isEqualTo(camundaMessage);
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression("string(stock) +", any))
                .isInstanceOf(FeelException.class).hasMessage(camundaMessage);
    }

    private static VariableContext context(int stock, String weeksOfStock) {
        return Variables.createVariables().putValue("stock", stock).putValue("weeksOfStock", new BigDecimal(weeksOfStock))
                .asVariableContext();
    }

    private static boolean matches(FeelEngine engine, String test, VariableContext input) {
        try {
            return test.isEmpty() || engine.evaluateSimpleUnaryTests(test, "cellInput", input);
        } catch (FeelException e) {
            return false;
        }
    }

    private static String messageOf(FeelEngine engine, String expression) {
        try {
            engine.evaluateSimpleExpression(expression, context(1, "1"));
            return null;
        } catch (FeelException e) {
            return e.getMessage();
        }
    }
}
