package cn.cm135.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link CrashRestartScenario} on an H2 file database, the default installation: the kill leaves the file as the
 * dead JVM left it, and the next start (and the test, between the lives) opens it from there. AUTO_SERVER lets the
 * test read the file over TCP while a child has it open (H2 refuses it together with DB_CLOSE_ON_EXIT=FALSE, which a
 * killed JVM never reaches anyway).
 */
class H2FileCrashRestartTests extends CrashRestartScenario {

    private final Path directory = Path.of("target", "resilience", "h2").toAbsolutePath();
    private final String url = "jdbc:h2:file:" + directory.resolve("cm135")
            + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=0";

    @Override
    String database() {
        return "h2";
    }

    /**
     * The analysis took 11-24 s on H2 on two busy cores (load average 5-8), after waiting up to 9 s for a thread
     * at start-up.
     */
    @Override
    int lockMillis() {
        return 45_000;
    }

    /**
     * After H2's write delay (WRITE_DELAY, 500 ms): H2 writes a commit to the file within that time, so a kill -9
     * sooner may lose the last commits, here the job executor's lock on the job (seen once: the job was unlocked after
     * a kill 0.18 s after the analysis started). The analysis itself takes 11-24 s, so this is still half-way.
     */
    @Override
    int analysisKillDelayMillis() {
        return 1_500;
    }

    @Override
    Map<String, String> databaseProperties() {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                "spring.datasource.password", "", "cm135.admin-password", "admin");
    }

    @Override
    Db openDb() {
        deleteDirectory();
        return new Db(() -> DriverManager.getConnection(url, "sa", ""));
    }

    private void deleteDirectory() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
