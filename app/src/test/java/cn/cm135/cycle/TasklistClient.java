package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One person working in Tasklist, as Tasklist talks to the engine: the same {@code /engine-rest} resources
 * (task list, form variables, submit-form), HTTP Basic as that user, so the engine's authorizations and every
 * task listener run exactly as they do for a person. Values go in the REST format ({@code value} + {@code type});
 * a list or table a form edits goes back as a {@code Json} variable, as form-js's dynamic lists do.
 */
final class TasklistClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> VARIABLES =
            new ParameterizedTypeReference<>() {
            };

    /** A value to submit as a Json variable (a dynamic list, a table). */
    record Json(Object value) {
    }

    /**
     * Told of every completion this client makes (a 204 of submit-form or complete), with the time of that one HTTP
     * call: a benchmark's latencies ({@link Completions}); the tests pass none.
     */
    interface CompletionListener {
        void completed(String taskDefinitionKey, long nanos);
    }

    private final TestRestTemplate rest;
    private final String engine;
    private final String user;
    private final ObjectMapper json;
    private final CompletionListener completions;
    /** Task id → definition key of the tasks this client listed, so a timed completion can name its step. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    /**
     * Logs in as {@code user} (demo users' password is their user id). Requests name the engine, as Tasklist's
     * do ({@code …/engine/default/task}): a test JVM holds several engines, and "default" may be another context's.
     */
    TasklistClient(TestRestTemplate rest, String engineName, String user, ObjectMapper json) {
        this(rest, engineName, user, json, null);
    }

    /** As above; {@code completions} (may be null) hears of every completion. */
    TasklistClient(TestRestTemplate rest, String engineName, String user, ObjectMapper json,
            CompletionListener completions) {
        this.rest = rest.withBasicAuth(user, user);
        this.engine = "/engine-rest/engine/" + engineName;
        this.user = user;
        this.json = json;
        this.completions = completions;
    }

    String user() {
        return user;
    }

    /** 我的任务 of one process instance: {@code GET /engine-rest/task?assignee=…&processInstanceBusinessKey=…}. */
    List<Map<String, Object>> myTasks(String businessKey) {
        ResponseEntity<List<Map<String, Object>>> response = rest.exchange(
                engine + "/task?assignee={user}&processInstanceBusinessKey={key}", HttpMethod.GET, null, LIST,
                user, businessKey);
        assertThat(response.getStatusCode()).as("task list of %s", user).isEqualTo(HttpStatus.OK);
        remember(response.getBody());
        return response.getBody();
    }

    /** Every task of the instance this user can see, whoever it is assigned to. */
    List<Map<String, Object>> visibleTasks(String businessKey) {
        ResponseEntity<List<Map<String, Object>>> response = rest.exchange(
                engine + "/task?processInstanceBusinessKey={key}", HttpMethod.GET, null, LIST, businessKey);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        remember(response.getBody());
        return response.getBody();
    }

    /** The tasks of one process instance assigned to this user, by instance id (the bare baseline has no key). */
    List<Map<String, Object>> myTasksOfInstance(String processInstanceId) {
        ResponseEntity<List<Map<String, Object>>> response = rest.exchange(
                engine + "/task?assignee={user}&processInstanceId={id}", HttpMethod.GET, null, LIST, user,
                processInstanceId);
        assertThat(response.getStatusCode()).as("task list of %s", user).isEqualTo(HttpStatus.OK);
        remember(response.getBody());
        return response.getBody();
    }

    private void remember(List<Map<String, Object>> tasks) {
        if (completions != null) {
            tasks.forEach(t -> keys.put((String) t.get("id"), String.valueOf(t.get("taskDefinitionKey"))));
        }
    }

    /** The user's one open task of {@code taskDefinitionKey} in the instance; fails unless there is exactly one. */
    Map<String, Object> task(String businessKey, String taskDefinitionKey) {
        List<Map<String, Object>> tasks = myTasks(businessKey).stream()
                .filter(t -> taskDefinitionKey.equals(t.get("taskDefinitionKey"))).toList();
        assertThat(tasks).as("%s's open %s in %s", user, taskDefinitionKey, businessKey).hasSize(1);
        return tasks.get(0);
    }

    /**
     * What the form shows: {@code GET …/task/{id}/form-variables?deserializeValues=false} (as Tasklist asks: Json
     * variables as their JSON text, not as a serialized Spin object), name → value. Json variables come back
     * parsed (a {@link JsonNode}), as form-js receives them.
     */
    Map<String, Object> formVariables(String taskId) {
        ResponseEntity<Map<String, Map<String, Object>>> response = rest.exchange(
                engine + "/task/{id}/form-variables?deserializeValues=false", HttpMethod.GET, null, VARIABLES, taskId);
        assertThat(response.getStatusCode()).as("form variables of task %s for %s", taskId, user).isEqualTo(HttpStatus.OK);
        Map<String, Object> values = new LinkedHashMap<>();
        response.getBody().forEach((name, typed) -> {
            Object value = typed.get("value");
            if ("Json".equals(typed.get("type")) && value != null) {
                value = value instanceof String text ? readTree(text) : json.valueToTree(value);
            }
            values.put(name, value);
        });
        return values;
    }

    /** {@code POST /engine-rest/task/{id}/submit-form}; the raw response, for refusals. */
    ResponseEntity<String> trySubmit(String taskId, Map<String, Object> variables) {
        Map<String, Object> body = Map.of("variables", restVariables(variables));
        return timed(taskId, () -> rest.postForEntity(engine + "/task/{id}/submit-form", body, String.class, taskId));
    }

    /** {@code POST /engine-rest/task/{id}/complete}; the raw response, for refusals. */
    ResponseEntity<String> tryComplete(String taskId, Map<String, Object> variables) {
        Map<String, Object> body = Map.of("variables", restVariables(variables));
        return timed(taskId, () -> rest.postForEntity(engine + "/task/{id}/complete", body, String.class, taskId));
    }

    /** The one HTTP call that completes a task, timed when someone listens; refusals are not completions. */
    private ResponseEntity<String> timed(String taskId, Supplier<ResponseEntity<String>> call) {
        long started = System.nanoTime();
        ResponseEntity<String> response = call.get();
        if (completions != null && response.getStatusCode() == HttpStatus.NO_CONTENT) {
            completions.completed(keys.getOrDefault(taskId, "?"), System.nanoTime() - started);
            keys.remove(taskId);
        }
        return response;
    }

    /** Submits the form and expects the task to complete (204). */
    void submit(String taskId, Map<String, Object> variables) {
        ResponseEntity<String> response = trySubmit(taskId, variables);
        assertThat(response.getStatusCode()).as("%s submits task %s: %s", user, taskId, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private Map<String, Object> restVariables(Map<String, Object> variables) {
        Map<String, Object> rest = new LinkedHashMap<>();
        variables.forEach((name, value) -> rest.put(name, typed(value)));
        return rest;
    }

    private Map<String, Object> typed(Object value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (value instanceof Json list) {
            typed.put("value", write(list.value()));
            typed.put("type", "Json");
        } else if (value instanceof Boolean) {
            typed.put("value", value);
            typed.put("type", "Boolean");
        } else if (value instanceof Integer || value instanceof Long) {
            typed.put("value", ((Number) value).longValue());
            typed.put("type", "Long");
        } else if (value instanceof Number number) {
            typed.put("value", number.doubleValue());
            typed.put("type", "Double");
        } else {
            typed.put("value", value);
            typed.put("type", value == null ? "Null" : "String");
        }
        return typed;
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form variable is not JSON: " + text, e);
        }
    }

    private String write(Object value) {
        try {
            return value instanceof JsonNode node ? node.toString() : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
