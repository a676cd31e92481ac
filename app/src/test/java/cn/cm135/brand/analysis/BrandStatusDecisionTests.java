package cn.cm135.brand.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** The deployed {@code brand-status} DMN table, through the engine and through the analysis' evaluator. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrandStatusDecisionTests {

    @Autowired DecisionService decisions;
    @Autowired BrandStatusDecision brandStatus;

    private String evaluate(Integer months, Double delta) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("monthsSinceLaunch", months);
        variables.put("deltaPp", delta);
        return decisions.evaluateDecisionTableByKey("brand-status", variables).getSingleResult().getSingleEntry();
    }

    @Test
    void deployedDecisionGivesTheFourStatusesAndTheNearMisses() {
        assertThat(evaluate(6, 30.0)).isEqualTo("导入期");
        assertThat(evaluate(11, -40.0)).isEqualTo("导入期");
        assertThat(evaluate(12, 0.0)).isEqualTo("成熟期");
        assertThat(evaluate(40, 5.01)).isEqualTo("成长期");
        assertThat(evaluate(40, -5.01)).isEqualTo("衰退期");
        assertThat(evaluate(40, 5.0)).isEqualTo("成熟期");
        assertThat(evaluate(40, -5.0)).isEqualTo("成熟期");
        assertThat(evaluate(12, 20.0)).isEqualTo("成长期");
        assertThat(evaluate(11, null)).isEqualTo("导入期");
        assertThat(evaluate(40, null)).isEqualTo("成熟期");
        assertThat(evaluate(null, 8.0)).isEqualTo("成长期");   // launch date unknown: an established spec
        assertThat(evaluate(null, null)).isEqualTo("成熟期");
    }

    @Test
    void analysisEvaluatorReadsTheSameDeployedTable() {
        BrandStatusDecision.Evaluator evaluator = brandStatus.load();
        assertThat(evaluator.status(11, new BigDecimal("50.00"))).isEqualTo("导入期");
        assertThat(evaluator.status(12, new BigDecimal("5.00"))).isEqualTo("成熟期");
        assertThat(evaluator.status(12, new BigDecimal("5.01"))).isEqualTo("成长期");
        assertThat(evaluator.status(113, new BigDecimal("-5.00"))).isEqualTo("成熟期");
        assertThat(evaluator.status(113, new BigDecimal("-5.01"))).isEqualTo("衰退期");
        assertThat(evaluator.status(113, null)).isEqualTo("成熟期");
    }
}
