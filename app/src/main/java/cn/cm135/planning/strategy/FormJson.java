package cn.cm135.planning.strategy;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lists a form sends back. Tasklist returns a dynamic list as a {@code Json} (Spin) variable, a REST client
 * may send JSON text or a plain list; each is read as a Jackson tree, naming the variable on error.
 */
final class FormJson {

    private FormJson() {
    }

    /** The variable as a JSON array; an empty array when it is not set. */
    static JsonNode array(VariableScope scope, String name, ObjectMapper json) {
        Object raw = scope.getVariable(name);
        if (raw == null) {
            return json.createArrayNode();
        }
        JsonNode node;
        try {
            node = raw instanceof String || raw instanceof SpinJsonNode
                    ? json.readTree(raw.toString()) : json.valueToTree(raw);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw StrategyException.badInput(name, name + " 应为 JSON 列表：" + e.getMessage());
        }
        if (!node.isArray()) {
            throw StrategyException.badInput(name, name + " 应为 JSON 列表，收到 " + node.getNodeType());
        }
        return node;
    }

    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static boolean flag(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }
}
