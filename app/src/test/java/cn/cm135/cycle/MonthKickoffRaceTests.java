package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * Twenty kick-offs of one month fired at the same moment (several nodes' schedules, people and scripts), and twenty
 * completes of one task, on PostgreSQL as in production: the month starts once and the task completes once, and
 * nobody gets a 500 — a kick-off that lost the race is answered 200 with everyone "already running".
 */
@OwnPostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class MonthKickoffRaceTests {

    static final int CALLERS = 20;
    static int round;
    static String centre;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;

    /** The race's organisation, made once: six customer managers of one market manager, and the centre. */
    private void organisation() {
        if (centre == null) {
            TestOrganization org = new TestOrganization(jdbc, "RACE");
            org.department("D1", "mm1", "钱经理");
            for (int i = 1; i <= 6; i++) {
                org.customerManager("D1", "cm" + i, "客户经理" + i);
            }
            centre = org.marketingCentre("yx", "营销中心");
            identitySync.syncAll(InitialPasswords.USER_ID);
        }
    }

    @RepeatedTest(3)
    void twentyKickoffsAtOnceStartTheMonthOnceAndNoneCrashes() throws Exception {
        organisation();
        String month = "2031-0" + ++round;
        long managers = jdbc.queryForObject("select count(*) from staff where role = 'CUSTOMER_MANAGER' and active",
                Long.class);
        List<ResponseEntity<String>> answers = together(CALLERS,
                () -> rest.withBasicAuth(centre, centre).postForEntity("/api/cycles/" + month, null, String.class));
        List<Integer> statuses = answers.stream().map(a -> a.getStatusCode().value()).toList();
        long starters = answers.stream().filter(a -> a.getBody().contains("\"started\":[\"")).count();
        System.out.printf("[RACE] %s: %d kick-offs at once -> %s, %d started the month%n", month, CALLERS, statuses,
                starters);
        assertThat(statuses).as("every caller is told what happened; never a 500").containsOnly(200);
        assertThat(starters).as("exactly one caller started the month, the others found it running").isEqualTo(1);
        assertThat(answers).filteredOn(a -> !a.getBody().contains("\"started\":[\""))
                .allSatisfy(a -> assertThat(a.getBody()).contains("\"started\":[]", "\"alreadyRunning\":[\"racecm"));
        assertThat(jdbc.queryForObject("select count(*) from monthly_cycle where period = ?", Long.class, month))
                .as("every customer manager's month started exactly once").isEqualTo(managers);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ like ? "
                + "and parent_id_ is null", Long.class, "%:" + month)).isEqualTo(managers);
    }

    /**
     * One task completed from twenty browsers at once (a double click, two tabs, a retrying client): one wins, the
     * others are told the task is gone (404) or was being completed (409) in 中文; nobody gets a 500 and the next
     * step exists once.
     */
    @Test
    void twentyCompletesOfOneTaskHaveOneWinnerAndNoCrash() throws Exception {
        organisation();
        String month = "2032-01";
        assertThat(rest.withBasicAuth(centre, centre).postForEntity("/api/cycles/" + month, null, String.class)
                .getStatusCode().value()).isEqualTo(200);
        String instance = jdbc.queryForObject("select process_instance_id from monthly_cycle "
                + "where customer_manager_id = 'racecm1' and period = ?", String.class, month);
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance).messages().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
        Task setTargets = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_SetTargets").singleResult();
        TasklistClient cm1 = new TasklistClient(rest, engine.getName(), "racecm1", json);
        assertThat(cm1.formVariables(setTargets.getId())).containsKey("forecastVolume");
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("volume", 1200);
        targets.put("unitValue", 180.0);
        targets.put("keyBrandGrowth", 5.0);
        targets.put("visits", 60L);
        List<ResponseEntity<String>> answers = together(CALLERS, () -> cm1.trySubmit(setTargets.getId(), targets));
        List<Integer> statuses = answers.stream().map(a -> a.getStatusCode().value()).toList();
        System.out.printf("[RACE] %d completes of one task at once -> %s%n", CALLERS, statuses);
        assertThat(statuses).as("one winner").containsOnlyOnce(204);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 204).allSatisfy(a -> {
            assertThat(a.getStatusCode().value()).as(a.getBody()).isIn(404, 409);
            assertThat(a.getBody()).contains("\"message\":\"").doesNotContain("Exception", "ENGINE-", "Cannot");
        });
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_ApproveTargets").count()).as("the approval exists once").isEqualTo(1);
        for (ResponseEntity<String> late : List.of(cm1.trySubmit(setTargets.getId(), targets),
                cm1.tryComplete(setTargets.getId(), targets), cm1.tryComplete("no-such-task", targets))) {
            assertThat(late.getStatusCode().value()).as("a completed or unknown task: %s", late.getBody()).isEqualTo(404);
            assertThat(late.getBody()).contains("已不存在").doesNotContain("Exception", "ENGINE-");
        }
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_SetTargets").finished().count()).isEqualTo(1);
    }

    /** {@code calls} copies of {@code call}, released at the same moment on their own threads. */
    private static List<ResponseEntity<String>> together(int calls, Supplier<ResponseEntity<String>> call)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls);
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<ResponseEntity<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
