package cn.cm135.planning.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.planning.visits.VisitProperties.Band;

/** The configured frequency rule (application.yaml) and the limits the form shows, without the engine. */
class VisitRuleTests {

    private static VisitProperties configured() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yaml"))
                .forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bind("cm135.visits", VisitProperties.class).get();
    }

    @Test
    void theDefaultRuleIsTheOneOfIndicatorsMd() throws IOException {
        VisitProperties rule = configured();
        assertThat(rule.maxPerWorkingDay()).isEqualTo(40);
        assertThat(rule.strategyRaise()).isEqualTo(1);
        // Band edges: 25–30 → 4, 15–24 → 2, 1–14 → 1, no grade → 1.
        assertThat(List.of(30, 25, 24, 15, 14, 1)).extracting(rule::frequency).containsExactly(4, 4, 2, 2, 1, 1);
        assertThat(rule.frequency(null)).isEqualTo(1);
        assertThat(rule.ruleText()).isEqualTo("档位 25–30 → 4 次，15–24 → 2 次，1–14 → 1 次，无档位 → 1 次；有经营分析指导或品牌策略 +1");
        assertThat(rule.frequencySql("g"))
                .isEqualTo("(case when g >= 25 then 4 when g >= 15 then 2 when g >= 1 then 1 else 1 end)");
    }

    @Test
    void aRuleThatLeavesGradesUncoveredOrBandsOutOfOrderDoesNotStart() {
        assertThatThrownBy(() -> new VisitProperties(List.of(new Band(15, 2), new Band(25, 4), new Band(1, 1)), 1, 1, 31, 40))
                .hasMessageContaining("highest min-grade first");
        assertThatThrownBy(() -> new VisitProperties(List.of(new Band(25, 4), new Band(15, 2)), 1, 1, 31, 40))
                .hasMessageContaining("the last at grade 1");
        assertThatThrownBy(() -> new VisitProperties(List.of(new Band(1, 31)), 1, 1, 31, 40))
                .hasMessageContaining("max-frequency");
        // A single band from 30: "档位 30 → …" reads without a range.
        assertThat(new VisitProperties(List.of(new Band(30, 5), new Band(1, 2)), 0, 2, 31, 30).ruleText())
                .isEqualTo("档位 30 → 5 次，1–29 → 2 次，无档位 → 0 次；有经营分析指导或品牌策略 +2");
    }

    @Test
    void theFormShowsTheServersLimits() throws IOException {
        JsonNode form;
        try (InputStream in = new ClassPathResource("forms/visit-plan.form").getInputStream()) {
            form = new ObjectMapper().readTree(in);
        }
        JsonNode planned = field(form, "plannedFrequency");
        assertThat(planned.at("/validate/required").asBoolean()).isTrue();
        assertThat(planned.at("/validate/min").asInt()).isZero();
        assertThat(planned.at("/validate/max").asInt()).isEqualTo(configured().maxFrequency());
        assertThat(field(form, "customer").path("valuesKey").asText()).as("a changed count names its customer by id")
                .isEqualTo("customerOptions");
        JsonNode quantity = field(form, "quantity");
        assertThat(quantity.at("/validate/max").asInt()).isEqualTo(NegotiatedQuantities.QUANTITY_MAX);
        assertThat(form.findValues("maxLength")).extracting(JsonNode::asInt)
                .containsOnly(VisitPlanService.REASON_MAX, NegotiatedQuantities.REASON_MAX);
    }

    /** The field bound to {@code key}, at any depth (fields of a dynamic list are nested). */
    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode c : form.path("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
            if (c.has("components")) {
                try {
                    return field(c, key);
                } catch (AssertionError notHere) {
                    // look further
                }
            }
        }
        throw new AssertionError("no form field " + key);
    }
}
