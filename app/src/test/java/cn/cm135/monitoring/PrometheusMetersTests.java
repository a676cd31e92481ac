package cn.cm135.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * /actuator/prometheus shows the engine's work in progress: a probe process with a user task due yesterday and a
 * job whose retries are used up moves the open-task, overdue, failed-job and incident gauges by exactly its own
 * share (the shared test engine holds other tests' instances too, so the test compares before and after).
 */
// A context of its own (metrics export on): its engine gets a name of its own, so that the shared test context's
// engine stays the one named "default" that /engine-rest serves.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=true")
@AutoConfigureObservability(tracing = false)   // Spring Boot tests export no metrics unless asked to
@ActiveProfiles("test")
class PrometheusMetersTests {

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired EngineMeters meters;

    Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void engineGaugesCountOpenAndOverdueTasksFailedJobsAndIncidents() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String before = scrape();
        assertThat(before).doesNotContain("cm135_tasks_open_tasks{task=\"Task_MetersProbe\"}");

        BpmnModelInstance probe = Bpmn.createExecutableProcess("metersProbe")
                .startEvent()
                .parallelGateway("Gateway_Split")
                .userTask("Task_MetersProbe").camundaDueDate("${yesterday}")
                .endEvent()
                .moveToNode("Gateway_Split")
                .serviceTask("Task_MetersJob").camundaAsyncBefore().camundaExpression("${1}")
                .endEvent()
                .done();
        deployment = repository.createDeployment().addModelInstance("meters-probe.bpmn", probe).deploy();
        Date yesterday = new Date(System.currentTimeMillis() - 86_400_000L);
        for (int i = 0; i < 2; i++) {
            runtime.startProcessInstanceByKey("metersProbe", java.util.Map.of("yesterday", yesterday));
        }
        String jobId = management.createJobQuery().activityId("Task_MetersJob").list().get(0).getId();
        management.setJobRetries(jobId, 0);   // as when the last retry failed: the engine raises an incident
        meters.refresh();

        String after = scrape();
        assertThat(value(after, "cm135_tasks_open_tasks{task=\"Task_MetersProbe\"}")).isEqualTo(2.0);
        assertThat(value(after, "cm135_tasks_overdue_tasks")).isEqualTo(value(before, "cm135_tasks_overdue_tasks") + 2);
        assertThat(value(after, "cm135_jobs_failed_jobs")).isEqualTo(value(before, "cm135_jobs_failed_jobs") + 1);
        assertThat(value(after, "cm135_incidents_open_incidents"))
                .isEqualTo(value(before, "cm135_incidents_open_incidents") + 1);

        repository.deleteDeployment(deployment.getId(), true);
        deployment = null;
        meters.refresh();
        assertThat(scrape()).as("a key without open tasks drops out").doesNotContain("task=\"Task_MetersProbe\"");
    }

    private String scrape() {
        ResponseEntity<String> answer = rest.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("%s in the scrape", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
