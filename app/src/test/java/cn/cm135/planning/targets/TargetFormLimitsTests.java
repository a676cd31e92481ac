package cn.cm135.planning.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The ranges the form shows and the ranges the server enforces are the same numbers. */
class TargetFormLimitsTests {

    @Test
    void setTargetsFormUsesTheServersRanges() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yaml"))
                .forEach(env.getPropertySources()::addLast);
        TargetLimits limits = Binder.get(env).bind("cm135.targets", TargetLimits.class).get();

        JsonNode form;
        try (InputStream in = new ClassPathResource("forms/set-targets.form").getInputStream()) {
            form = new ObjectMapper().readTree(in);
        }
        assertRange(form, "volume", limits.volumeMin(), limits.volumeMax());
        assertRange(form, "unitValue", limits.unitValueMin(), limits.unitValueMax());
        assertRange(form, "keyBrandGrowth", limits.keyBrandGrowthMin(), limits.keyBrandGrowthMax());
        assertRange(form, "visits", limits.visitsMin(), limits.visitsMax());
    }

    private static void assertRange(JsonNode form, String key, Number min, Number max) {
        JsonNode field = null;
        for (JsonNode component : form.get("components")) {
            if (key.equals(component.path("key").asText())) {
                field = component;
            }
        }
        assertThat(field).as("form field " + key).isNotNull();
        assertThat(field.at("/validate/required").asBoolean()).isTrue();
        assertThat(field.at("/validate/min").decimalValue()).isEqualByComparingTo(new BigDecimal(min.toString()));
        assertThat(field.at("/validate/max").decimalValue()).isEqualByComparingTo(new BigDecimal(max.toString()));
    }
}
