package cn.cm135.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The app as an operator runs it: {@code cn.cm135.Cm135Application} in a JVM of its own, on the test's class path
 * ({@code java.class.path}, which surefire's forked booter sets to the whole test class path even when it starts
 * from its manifest-only jar), its output in a log file under {@code target/resilience/}, and killed the hard way
 * ({@link Process#destroyForcibly()}, SIGKILL on Linux): no shutdown hook, no connection closed, no transaction
 * rolled back by the app itself. A child still running when the test JVM exits (a test that failed before its
 * {@code @AfterAll}) is killed by a shutdown hook, so no orphan JVM holds a port or a database.
 */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedAt = System.nanoTime();

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node named {@code name} (the log is {@code target/resilience/<name>.log}) with these properties on
     * top of {@code application.yaml}, on a free port.
     */
    static AppProcess start(String name, Map<String, String> properties) {
        int port = freePort();
        Path log = Path.of("target", "resilience", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Two of them run at once beside the test JVM on a 2-core CI machine.
                "-Xmx768m", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                "cn.cm135.Cm135Application"));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", Integer.toString(port));
        all.put("cm135.cycle.start-missed-month", "false");
        all.put("cm135.metrics.scheduled", "false");
        all.putAll(properties);
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            RUNNING.add(process);
            return new AppProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health/readiness} answers 200 (after migrations, the demo and its users). */
    AppProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see "
                        + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    /** Seconds since the JVM was launched. */
    double secondsSinceStart() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** The log's lines so far. */
    List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long countLog(String text) {
        return logLines().stream().filter(line -> line.contains(text)).count();
    }

    /** Waits for a log line containing {@code text}; fails when the process dies or the time is up. */
    String awaitLog(String text, Duration timeout) {
        return awaitLog(line -> line.contains(text), text, timeout);
    }

    String awaitLog(Predicate<String> match, String description, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : logLines()) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died before logging " + description);
            }
            sleep(20);
        }
        throw new IllegalStateException(name + " did not log " + description + " within " + timeout + "; see "
                + log.toAbsolutePath());
    }

    /** Waits for a log line containing {@code text} in any of {@code apps}; returns the first app that logged it. */
    static AppProcess awaitLogOnAny(List<AppProcess> apps, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (AppProcess app : apps) {
                if (app.countLog(text) > 0) {
                    return app;
                }
            }
            sleep(20);
        }
        throw new IllegalStateException("no node logged " + text + " within " + timeout);
    }

    /** kill -9: the JVM ends at once, whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
            RUNNING.remove(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
