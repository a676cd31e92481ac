package cn.cm135.brand.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link DecisionTableSql} against the DMN engine: for the deployed brand-status table and for tables
 * using every translated form of unary test, the SQL CASE (run on the test database) gives the DMN
 * engine's output for every input of a grid around the thresholds, nulls included; tables it cannot
 * express exactly are refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DecisionTableSqlTests {

    private static final Map<String, String> COLUMNS = Map.of("monthsSinceLaunch", "b.months_since_launch",
            "deltaPp", "b.delta_pp");
    private static final List<Integer> MONTHS = Arrays.asList(null, -1, 0, 5, 6, 11, 12, 13, 24, 40);
    private static final List<String> DELTAS = Arrays.asList(null, "-40.00", "-5.01", "-5.00", "-4.99", "-0.50",
            "0.00", "2.50", "4.99", "5.00", "5.01", "30.00");

    private static final AtomicInteger RULES = new AtomicInteger();

    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Autowired JdbcTemplate jdbc;

    @Test
    void deployedBrandStatusTableGivesTheEnginesStatusForEveryInput() throws Exception {
        try (InputStream dmn = getClass().getResourceAsStream("/processes/brand-status.dmn")) {
            DmnModelInstance model = Dmn.readModelFromStream(dmn);
            String sql = DecisionTableSql.caseExpression(table(model), COLUMNS).orElseThrow();
            assertThat(sql).isEqualTo("case when b.months_since_launch < 12 then '导入期'"
                    + " when b.delta_pp > 5 then '成长期' when b.delta_pp < -5 then '衰退期' when 1 = 1 then '成熟期' end");
            assertSameAsEngine(model, sql);
        }
    }

    @Test
    void intervalsListsEqualityAndAllComparisonsTranslateExactly() {
        DmnModelInstance model = table("FIRST", List.of(
                rule("[0..5]", "", "\"a\""),
                rule("(5..11]", "]-5..5[", "\"b\""),
                rule("12, 13", ">= 30", "\"c\""),
                rule("]12..24)", "<= -5", "\"d\""),
                rule("-", "[2.5..4.99], 5", "\"e\""),
                rule(">= 40", "-", "\"f\""),
                rule("", "> -40", "\"g's\"")));
        String sql = DecisionTableSql.caseExpression(table(model), COLUMNS).orElseThrow();
        assertSameAsEngine(model, sql);
    }

    @Test
    void tablesWithoutAnExactTranslationAreRefused() {
        assertThat(translate(table("UNIQUE", List.of(rule("< 12", "", "\"a\""))))).isEmpty();
        assertThat(translate(table("COLLECT", List.of(rule("< 12", "", "\"a\""))))).isEmpty();
        assertThat(translate(table("FIRST", List.of(rule("not(< 12)", "", "\"a\""))))).isEmpty();
        assertThat(translate(table("FIRST", List.of(rule("< 12", "abs(?) > 5", "\"a\""))))).isEmpty();
        assertThat(translate(table("FIRST", List.of(rule("< x", "", "\"a\""))))).isEmpty();
        assertThat(translate(table("FIRST", List.of(rule("null", "", "\"a\""))))).isEmpty();
        assertThat(translate(table("FIRST", List.of(rule("< 12", "", "\"导入\" + \"期\""))))).isEmpty();
        assertThat(translate(table("FIRST", List.of(rule("< 12", "", "status"))))).isEmpty();
        // An input the caller has no column for.
        assertThat(DecisionTableSql.caseExpression(table(table("FIRST", List.of(rule("< 12", "", "\"a\"")))),
                Map.of("monthsSinceLaunch", "b.months_since_launch"))).isEmpty();
    }

    private Optional<String> translate(DmnModelInstance model) {
        return DecisionTableSql.caseExpression(table(model), COLUMNS);
    }

    private void assertSameAsEngine(DmnModelInstance model, String sql) {
        var decision = dmnEngine.parseDecision(model.getModelElementsByType(Decision.class).iterator().next().getId(),
                model);
        List<String> mismatches = new ArrayList<>();
        for (Integer months : MONTHS) {
            for (String delta : DELTAS) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("monthsSinceLaunch", months);
                variables.put("deltaPp", delta == null ? null : Double.valueOf(delta));
                DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, variables);
                String expected = result.isEmpty() ? null : result.getFirstResult().getSingleEntry();
                String actual = jdbc.queryForObject("select " + sql + " from (select cast(? as integer) as "
                        + "months_since_launch, cast(? as decimal(12, 2)) as delta_pp) b", String.class, months,
                        delta == null ? null : new BigDecimal(delta));
                if (!Objects.equals(expected, actual)) {
                    mismatches.add(months + "/" + delta + ": engine " + expected + ", SQL " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static DecisionTable table(DmnModelInstance model) {
        return model.getModelElementsByType(DecisionTable.class).iterator().next();
    }

    private static String rule(String months, String delta, String output) {
        int n = RULES.incrementAndGet();
        return "<rule id=\"r" + n + "\"><inputEntry id=\"m" + n + "\"><text>" + escape(months) + "</text></inputEntry>"
                + "<inputEntry id=\"d" + n + "\"><text>" + escape(delta) + "</text></inputEntry>"
                + "<outputEntry id=\"o" + n + "\"><text>" + escape(output) + "</text></outputEntry></rule>";
    }

    private static DmnModelInstance table(String hitPolicy, List<String> rules) {
        String xml = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
                  <decision id="table" name="table">
                    <decisionTable id="dt" hitPolicy="%s">
                      <input id="i1"><inputExpression id="e1" typeRef="integer"><text>monthsSinceLaunch</text></inputExpression></input>
                      <input id="i2"><inputExpression id="e2" typeRef="double"><text>deltaPp</text></inputExpression></input>
                      <output id="o" name="status" typeRef="string"/>
                      %s
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(hitPolicy, String.join("\n", rules));
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
