package cn.cm135.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The process variables a Camunda form reads: {{…}} in texts, table data sources, select option lists, dynamic
 * list paths and the keys of its top-level fields (a dynamic list's fields are keys of its rows, not variables).
 */
public final class FormVariables {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{#?(?:if )?([a-zA-Z]+)\\}\\}");

    private FormVariables() {
    }

    public static Set<String> of(String formId) {
        JsonNode form;
        try (InputStream in = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
            form = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!formId.equals(form.get("id").asText())) {
            throw new IllegalStateException("form " + formId + " has the id " + form.get("id"));
        }
        Set<String> used = new TreeSet<>();
        Matcher template = TEMPLATE.matcher(form.toString());
        while (template.find()) {
            used.add(template.group(1));
        }
        form.findValues("dataSource").forEach(v -> used.add(v.asText().replace("=", "")));
        form.findValues("valuesKey").forEach(v -> used.add(v.asText()));
        form.findValues("path").forEach(v -> used.add(v.asText()));
        form.get("components").forEach(c -> {
            if (c.has("key")) {
                used.add(c.get("key").asText());
            }
        });
        return used;
    }
}
