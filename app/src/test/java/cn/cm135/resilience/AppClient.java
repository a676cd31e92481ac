package cn.cm135.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A demo user (password = user id) talking to one {@link AppProcess} over HTTP Basic: the month kick-off, the
 * engine REST API as Tasklist uses it, the orders import.
 */
final class AppClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String user;
    private final String authorization;

    AppClient(AppProcess app, String user) {
        this.baseUrl = app.baseUrl();
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                .getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer postJson(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /api/imports/{kind}} with the file as the multipart part {@code file}. */
    Answer importFile(String kind, Path file, Duration timeout) {
        String boundary = "cm135-" + UUID.randomUUID();
        try {
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            List<byte[]> parts = new ArrayList<>(List.of(head, Files.readAllBytes(file), tail));
            return send(request("/api/imports/" + kind).timeout(timeout)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /api/cycles/{yyyy-MM}}. */
    Answer startMonth(String month) {
        return send(request("/api/cycles/" + month).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The open tasks of one instance, by business key, that this user may see. */
    List<JsonNode> tasks(String businessKey) {
        Answer answer = get("/engine-rest/task?processInstanceBusinessKey=" + encode(businessKey));
        check(answer, 200, "task list");
        List<JsonNode> tasks = new ArrayList<>();
        answer.json().forEach(tasks::add);
        return tasks;
    }

    /** The one open task of {@code taskDefinitionKey} in the instance; fails unless there is exactly one. */
    JsonNode task(String businessKey, String taskDefinitionKey) {
        List<JsonNode> tasks = tasks(businessKey).stream()
                .filter(t -> taskDefinitionKey.equals(t.get("taskDefinitionKey").asText())).toList();
        if (tasks.size() != 1) {
            throw new AssertionError(user + " sees " + tasks.size() + " open " + taskDefinitionKey + " in " + businessKey);
        }
        return tasks.get(0);
    }

    /** What the task's form shows, name → value (Json variables as their text). */
    JsonNode formVariables(String taskId) {
        Answer answer = get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
        check(answer, 200, "form variables");
        return answer.json();
    }

    /** {@code POST /engine-rest/task/{id}/submit-form}; expects 204. */
    void submit(String taskId, Map<String, Map<String, Object>> variables) {
        check(postJson("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables)), 204,
                "submit-form of " + taskId);
    }

    static Map<String, Object> jsonVariable(String json) {
        return Map.of("value", json, "type", "Json");
    }

    static Map<String, Object> booleanVariable(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void check(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new AssertionError(user + ": " + what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
