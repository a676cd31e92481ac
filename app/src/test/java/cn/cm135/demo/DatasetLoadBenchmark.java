package cn.cm135.demo;

import java.time.LocalDate;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Benchmark, not a test: migrates an empty database and loads a generated city into it, printing rows and
 * seconds. Arguments: size (tiny|demo|city) jdbc-url [user [password [copy|jdbc]]].
 * <pre>java -cp app/target/test-classes:app/target/classes:$(cat cp.txt) cn.cm135.demo.DatasetLoadBenchmark \
 *   demo jdbc:h2:file:/tmp/bench/cm135</pre>
 */
final class DatasetLoadBenchmark {

    private DatasetLoadBenchmark() {
    }

    /** The generated months end here, so two runs on different days generate the same rows. */
    static final LocalDate TODAY = LocalDate.parse(System.getProperty("benchmark.today", "2026-11-30"));

    public static void main(String[] args) {
        DatasetSize size = DatasetSize.valueOf(args[0].toUpperCase());
        if ("none".equals(args[1])) {
            // Generation alone, to tell generator time from database time.
            long started = System.nanoTime();
            CountingSink sink = new CountingSink(row -> { });
            new DatasetGenerator(GeneratorSettings.of(size, 135, TODAY)).generate(sink);
            System.out.printf("generated %s in %.1f s%n", sink.counts(), (System.nanoTime() - started) / 1e9);
            return;
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[1],
                args.length > 2 ? args[2] : "sa", args.length > 3 ? args[3] : "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        boolean copy = args.length <= 4 || "copy".equals(args[4]);
        GenerationReport report = new DatasetLoader(dataSource)
                .load(GeneratorSettings.of(size, 135, TODAY), copy);
        System.out.println(report.describe());
    }
}
