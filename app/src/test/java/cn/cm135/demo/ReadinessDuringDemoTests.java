package cn.cm135.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.cm135.Cm135Application;

/**
 * A load balancer asking /actuator/health/readiness while the demo loads gets 503 (the port is open, the start-up
 * work is not done), then 200, and from then on cm01 can log in. A real app with the tiny demo on its own H2, polled from outside.
 */
class ReadinessDuringDemoTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessIsDownWhileTheDemoLoadsAndUpWhenItsUsersCanLogIn() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(Cm135Application.class).profiles("test").run("--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.generate-unique-process-engine-name=true", "--cm135.demo=true",
                        "--cm135.demo-size=tiny"));
        List<Integer> answers = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                int status = status(port, "/actuator/health/readiness", null);
                if (status > 0 && (answers.isEmpty() || answers.get(answers.size() - 1) != status)) {
                    answers.add(status);
                }
                if (status == 200) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(answers).as("readiness answers in order (no answer while the port is closed)")
                    .containsExactly(503, 200);
            assertThat(status(port, "/reports", "cm01")).as("cm01 logs in once ready").isEqualTo(200);
        } finally {
            app.get().close();
        }
    }

    /** The HTTP status, or 0 while nothing listens. */
    private int status(int port, String path, String user) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
