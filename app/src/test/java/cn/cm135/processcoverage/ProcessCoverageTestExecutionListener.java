package cn.cm135.processcoverage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Records which flow nodes each Spring test class passes and writes the class's report
 * ({@code target/process-test-coverage/<class>/report.json} and {@code report.html}); registered for every
 * Spring test in {@code META-INF/spring.factories}, {@link ProcessCoverageSummary} adds the classes up.
 * <p>
 * camunda-process-test-coverage ships such a listener (spring-test-platform-7), but it opens a run only per
 * test method: a process started before the first method, as in the {@code @BeforeAll} of our
 * {@code PER_CLASS} tests (AccessRulesTests starts a month there), makes its engine listener throw "No active
 * run available" and fails that engine command. This one keeps the library's collector, engine listeners and
 * report, and opens a class run in {@code beforeTestClass} as well, so class setup counts too.
 * Spring makes one instance per test class, hence one collector (one suite) per class.
 */
class ProcessCoverageTestExecutionListener implements TestExecutionListener, Ordered {

    private final DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());
    private boolean recording;
    private int runs;

    @Override
    public int getOrder() {
        // After Spring's own listeners: the engine is up and a method's transaction, if any, is open.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine == null) {
            return;
        }
        new ProcessEngineAdapter(engine, collector).initializeListeners();
        String suiteId = testContext.getTestClass().getName();
        collector.createSuite(new Suite(suiteId, suiteId));
        collector.activateSuite(suiteId);
        startRun("class setup");
        recording = true;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (recording) {
            startRun(testContext.getTestMethod().getName());
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (recording && !collector.getModels().isEmpty()) {
            CoverageReportUtil.createReport(collector, null);
            CoverageReportUtil.createJsonReport(collector, null);
        }
    }

    private void startRun(String name) {
        // Repeated and parameterized tests run one method several times: one run per invocation.
        String runId = name + "#" + runs++;
        collector.createRun(new Run(runId, name), collector.getActiveSuite().getId());
        collector.activateRun(runId);
    }
}
