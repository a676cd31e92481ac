package cn.cm135.processcoverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;

/**
 * Process-test coverage of the whole test run, run by Maven in {@code verify} after the tests (app/pom.xml).
 * <p>
 * camunda-process-test-coverage writes one report per test class ({@code <class>/report.json} and
 * {@code report.html} under {@code target/process-test-coverage/}); it has no figure for the whole run that the
 * build prints or checks. This merges the classes' events, counts per deployed process the flow nodes (and
 * sequence flows) any test passed, prints the table and the nodes never reached, writes {@code summary.txt}
 * and the library's combined diagram report to {@code all/}, and fails the build below the minimum when
 * enforcement is on. Every process in {@code processes/*.bpmn} is listed, also one no test starts (0 %).
 * <p>
 * Arguments: report directory, minimum share of flow nodes per process (e.g. 0.90), enforce (true/false).
 */
public final class ProcessCoverageSummary {

    private ProcessCoverageSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path reportDir = Path.of(args[0]);
        double minimum = Double.parseDouble(args[1]);
        boolean enforce = Boolean.parseBoolean(args[2]);

        List<DeployedProcess> processes = DeployedProcess.fromClasspath();
        List<Suite> suites = new ArrayList<>();
        Map<String, Model> recordedModels = new LinkedHashMap<>();
        for (Path classReport : classReports(reportDir)) {
            CoverageStateResult result = CoverageStateJsonExporter.readCoverageStateResult(
                    Files.readString(classReport, StandardCharsets.UTF_8));
            suites.addAll(result.getSuites());
            result.getModels().forEach(model -> recordedModels.putIfAbsent(model.getKey(), model));
        }

        List<String> lines = new ArrayList<>();
        lines.add("Process test coverage: flow nodes passed by any test of this run (test classes that ran a process: "
                + suites.size() + ")");
        lines.add(String.format("%-22s %8s %6s %7s   %s", "model", "covered", "total", "%", "sequence flows"));
        int coveredAll = 0;
        int totalAll = 0;
        List<String> missingLines = new ArrayList<>();
        List<String> belowMinimum = new ArrayList<>();
        for (DeployedProcess process : processes) {
            ModelCoverage coverage = ModelCoverage.of(process, suites);
            lines.add(String.format(Locale.ROOT, "%-22s %8d %6d %6.1f %%   %d/%d", process.key(),
                    coverage.coveredNodes(), coverage.totalNodes(), 100 * coverage.share(),
                    coverage.coveredSequenceFlows(), process.sequenceFlowIds().size()));
            coveredAll += coverage.coveredNodes();
            totalAll += coverage.totalNodes();
            if (!coverage.missingNodeIds().isEmpty()) {
                missingLines.add("not reached in " + process.key() + ": " + String.join(", ", coverage.missingNodeIds()));
            }
            if (coverage.share() < minimum) {
                belowMinimum.add(process.key());
            }
        }
        lines.add(String.format(Locale.ROOT, "%-22s %8d %6d %6.1f %%", "all models", coveredAll, totalAll,
                totalAll == 0 ? 100.0 : 100.0 * coveredAll / totalAll));
        lines.addAll(missingLines);
        lines.add(String.format(Locale.ROOT, "minimum %.0f %% of flow nodes per model: %s", 100 * minimum,
                belowMinimum.isEmpty() ? "met"
                        : "not met by " + String.join(", ", belowMinimum)
                                + (enforce ? "" : " (not enforced; -Dcm135.coverage.enforce=true fails the build)")));

        Path combined = reportDir.resolve("all");
        writeCombinedReport(combined, suites, processes, recordedModels);
        lines.add("report: " + combined.resolve("summary.txt") + " and " + combined.resolve("report.html")
                + " (per test class: " + reportDir + "/<class>/report.html)");
        Files.write(combined.resolve("summary.txt"), lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);

        if (enforce && !belowMinimum.isEmpty()) {
            System.out.println("Process test coverage below the minimum: " + String.join(", ", belowMinimum));
            System.exit(1);
        }
    }

    /** The class reports of this run; Maven empties the directory before the tests (app/pom.xml). */
    private static List<Path> classReports(Path reportDir) throws IOException {
        if (!Files.isDirectory(reportDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reportDir)) {
            return files.filter(dir -> !dir.getFileName().toString().equals("all"))
                    .map(dir -> dir.resolve("report.json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** The library's report over all classes; a process no test started still shows, with nothing covered. */
    private static void writeCombinedReport(Path dir, List<Suite> suites, List<DeployedProcess> processes,
            Map<String, Model> recordedModels) {
        List<Model> models = processes.stream()
                .map(process -> recordedModels.getOrDefault(process.key(), new Model(process.key(),
                        process.flowNodeIds().size() + process.sequenceFlowIds().size(), "", process.xml())))
                .toList();
        String json = CoverageStateJsonExporter.createCoverageStateResult(suites, models);
        CoverageReportUtil.writeReport(json, false, dir.toFile(), "report.json", Function.identity());
        CoverageReportUtil.writeReport(json, true, dir.toFile(), "report.html", CoverageReportUtil::generateHtml);
    }
}
