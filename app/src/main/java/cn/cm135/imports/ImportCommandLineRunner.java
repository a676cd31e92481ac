package cn.cm135.imports;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Imports one file from the command line, for the first load of a city or a nightly job:
 *
 * <pre>
 * java -jar app/target/cm135-app-0.1.0-SNAPSHOT.jar --server.port=0 \
 *      --cm135.import.kind=orders --cm135.import.file=orders.csv [--cm135.import.encoding=GBK]
 * </pre>
 *
 * Prints the report and, through {@code Cm135Application.main}, exits with 0 when the file was
 * imported, 1 when it was rejected (2 for a wrong kind, encoding or a missing file).
 */
@Component
@ConditionalOnProperty(prefix = "cm135.import", name = "kind")
class ImportCommandLineRunner implements ApplicationRunner, ExitCodeGenerator {

    private final ImportService imports;
    private final String kind;
    private final String file;
    private final String encoding;
    private int exitCode;

    ImportCommandLineRunner(ImportService imports, @Value("${cm135.import.kind}") String kind,
            @Value("${cm135.import.file:}") String file, @Value("${cm135.import.encoding:auto}") String encoding) {
        this.imports = imports;
        this.kind = kind;
        this.file = file;
        this.encoding = encoding;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        ImportKind importKind = ImportKind.fromPathName(kind).orElse(null);
        EncodingChoice encodingChoice = EncodingChoice.fromParameter(encoding).orElse(null);
        Path path = file.isBlank() ? null : Path.of(file);
        if (importKind == null || encodingChoice == null || path == null || !Files.isReadable(path)) {
            System.err.println("用法 (usage): --cm135.import.kind=organization|customers|specs|orders|observations"
                    + " --cm135.import.file=<文件.csv> [--cm135.import.encoding=auto|UTF-8|GBK]");
            System.err.println("参数有误或文件不可读 (bad argument or unreadable file): kind=" + kind + ", file=" + file
                    + ", encoding=" + encoding);
            exitCode = 2;
            return;
        }
        long started = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(path)) {
            report = imports.importCsv(importKind, path.getFileName().toString(), in, encodingChoice);
        }
        System.out.print(report.toText());
        System.out.printf("用时 (took) %.1f s%n", (System.nanoTime() - started) / 1e9);
        exitCode = report.imported() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
