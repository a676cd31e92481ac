package cn.cm135.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * The engine API walked as each role through both doors — {@code /engine-rest} with HTTP Basic (scripts) and
 * {@code /camunda/api/engine} with a Tasklist login (what anyone signed in can call from the browser console) —
 * for every endpoint family, on their own and on other people's data. Any 2xx that hands over something the
 * role may not have fails the test; what Tasklist and Cockpit need must keep answering.
 * Teams: mm1 leads cm1 and cm2, mm2 leads cm3; yx is the marketing centre. Its own context and engine: the webapps
 * find their engine in Camunda's static platform registry, which another test context emptied when it closed.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.url=jdbc:h2:mem:enginematrix;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=0"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineApiMatrixTests {

    private static final String MONTH = "2026-07";
    private static final String REFUSED = "没有权限执行此操作";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ProcessEngine engine;

    String mm1, cm1, cm2, cm3, yx;
    String cm1Instance, cm3Instance, cm1Task, cm2Task, cm3Task;
    final Map<String, Map<String, String>> sessions = new HashMap<>();
    int probes;

    @BeforeAll
    void createTeamsAndStartMonth() {
        TestOrganization org = new TestOrganization(jdbc, "MTX");
        mm1 = org.department("D1", "mm1", "钱经理");
        org.department("D2", "mm2", "孙经理");
        cm1 = org.customerManager("D1", "cm1", "周一");
        cm2 = org.customerManager("D1", "cm2", "吴二");
        cm3 = org.customerManager("D2", "cm3", "郑三");
        yx = org.marketingCentre("yx", "营销中心冯");
        identitySync.syncAll(InitialPasswords.USER_ID);
        assertThat(basic(yx).postForEntity("/api/cycles/" + MONTH, null, String.class).getStatusCode().value())
                .isEqualTo(200);
        cm1Instance = instance(cm1);
        cm3Instance = instance(cm3);
        cm1Task = setTargetsTask(cm1Instance);
        cm3Task = setTargetsTask(cm3Instance);
        cm2Task = setTargetsTask(instance(cm2));
    }

    private String instance(String cm) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cm + ":" + MONTH).singleResult()
                .getId();
    }

    private String setTargetsTask(String instance) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId("Task_PrefillTargets").singleResult().getId());
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_SetTargets")
                .singleResult().getId();
    }

    /** Refused to every customer manager, market manager and the marketing centre, through both doors. */
    private static final List<String> ADMIN_ONLY = List.of(
            "POST message", "POST signal", "GET telemetry/configuration", "GET schema/log", "POST condition",
            "POST process-definition/key/cycle-135-monthly/start",
            "POST process-definition/key/cycle-135-monthly/submit-form");

    /** Refused to customer and market managers on the Basic door (Tasklist never calls them). */
    private static final List<String> NOT_FOR_MANAGERS_BY_SCRIPT = List.of(
            "GET variable-instance", "GET job-definition", "GET job", "GET incident", "GET execution", "GET batch",
            "GET history/variable-instance", "GET history/task", "GET history/process-instance",
            "GET metrics/activity-instance-end/sum", "GET deployment", "GET decision-definition", "GET authorization",
            "POST external-task/fetchAndLock", "POST deployment/create", "POST user/create", "POST group/create",
            "DELETE group/no-such-group", "POST authorization/create", "PUT job/retries");

    /** Refused to customer managers in the browser (Cockpit's reads, which Tasklist never makes). */
    private static final List<String> NOT_FOR_CUSTOMER_MANAGERS_IN_BROWSER = List.of(
            "GET variable-instance", "GET job-definition", "GET job", "GET incident", "GET execution", "GET batch",
            "GET metrics/activity-instance-end/sum", "GET deployment", "GET decision-definition", "GET authorization",
            "POST external-task/fetchAndLock", "PUT job/retries");

    @Test
    void nobodyButTheAdministratorReachesTheUnguardedEndpoints() {
        for (String user : List.of(cm1, mm1, yx)) {
            for (Door door : Door.values()) {
                for (String probe : ADMIN_ONLY) {
                    assertRefusedByUs(door, user, probe);
                }
            }
        }
        for (String user : List.of(cm1, mm1)) {
            for (String probe : NOT_FOR_MANAGERS_BY_SCRIPT) {
                assertRefusedByUs(Door.SCRIPT, user, probe);
            }
        }
        for (String probe : NOT_FOR_CUSTOMER_MANAGERS_IN_BROWSER) {
            assertRefusedByUs(Door.BROWSER, cm1, probe);
        }
        assertRefusedByUs(Door.BROWSER, mm1, "GET metrics/activity-instance-end/sum");
        // The administrator is let through (what Camunda then answers is its business: 200, or 400 for an empty body).
        for (String probe : List.of("GET telemetry/configuration", "GET metrics/activity-instance-end/sum",
                "GET job-definition", "GET variable-instance")) {
            for (Door door : Door.values()) {
                assertThat(call(door, "admin", probe).getStatusCode().value()).as("admin %s %s", door, probe)
                        .isEqualTo(200);
            }
        }
        System.out.printf("[MATRIX] %d probes refused as expected%n", probes);
    }

    @Test
    void customerManagersReachOnlyTheirOwnTasks() {
        for (Door door : Door.values()) {
            assertGives(door, cm1, "GET task/" + cm1Task + "/form-variables", "forecastVolume");
            assertGives(door, cm1, "GET task?processInstanceBusinessKey=" + cm1 + ":" + MONTH, cm1Task);
            assertNothingOf(door, cm1, "GET task?processInstanceBusinessKey=" + cm3 + ":" + MONTH);
            assertNothingOf(door, cm1, "GET task/" + cm3Task);
            assertNothingOf(door, cm1, "GET task/" + cm3Task + "/form-variables");
            assertNothingOf(door, cm1, "GET task/" + cm3Task + "/variables");
            assertNothingOf(door, cm1, "POST task/" + cm3Task + "/complete");
            assertNothingOf(door, cm1, "POST task/" + cm3Task + "/claim");
            assertNothingOf(door, cm1, "GET process-instance/" + cm3Instance);
            assertNothingOf(door, cm1, "GET process-instance/" + cm3Instance + "/variables");
            assertNothingOf(door, cm1, "GET process-instance?businessKey=" + cm3 + ":" + MONTH);
        }
        // Tasklist's task history tab and its permission check, through the browser's door.
        assertGives(Door.BROWSER, cm1, "GET history/user-operation?taskId=" + cm1Task, "[");
        assertGives(Door.BROWSER, cm1, "GET authorization/check?permissionName=CREATE&resourceName=filter&resourceType=5",
                "\"authorized\"");
        assertNothingOf(Door.BROWSER, cm1, "GET history/task?processInstanceId=" + cm3Instance);
        assertNothingOf(Door.BROWSER, cm1, "GET history/variable-instance?processInstanceId=" + cm3Instance);
        assertNothingOf(Door.BROWSER, cm1, "GET history/process-instance?processInstanceId=" + cm3Instance);
        assertNothingOf(Door.BROWSER, cm1, "GET history/variable-instance?processInstanceId=" + cm1Instance);
        assertThat(taskService.createTaskQuery().taskId(cm3Task).singleResult()).as("cm3's task untouched").isNotNull();
        assertThat(taskService.createTaskQuery().taskId(cm3Task).singleResult().getAssignee()).isEqualTo(cm3);
    }

    @Test
    void marketManagersFollowTheirTeamInCockpitAndNoOtherTeam() {
        assertGives(Door.BROWSER, mm1, "GET variable-instance?processInstanceIdIn=" + cm1Instance, "customerManagerId");
        assertGives(Door.BROWSER, mm1, "GET process-instance/" + cm1Instance, cm1Instance);
        for (Door door : Door.values()) {
            assertNothingOf(door, mm1, "GET process-instance/" + cm3Instance);
            assertNothingOf(door, mm1, "GET task/" + cm3Task);
            assertNothingOf(door, mm1, "GET task/" + cm3Task + "/form-variables");
        }
        assertNothingOf(Door.BROWSER, mm1, "GET variable-instance?processInstanceIdIn=" + cm3Instance);
        assertNothingOf(Door.BROWSER, mm1, "GET history/variable-instance?processInstanceId=" + cm3Instance);
        assertNothingOf(Door.BROWSER, mm1, "GET history/process-instance?processInstanceId=" + cm3Instance);
        assertNothingOf(Door.BROWSER, mm1, "GET job?processInstanceId=" + cm3Instance);
        assertNothingOf(Door.BROWSER, mm1, "GET incident?processInstanceId=" + cm3Instance);
    }

    @Test
    void theMarketingCentreReadsWhatCockpitShowsAndChangesNothing() {
        for (Door door : Door.values()) {
            assertGives(door, yx, "GET history/process-instance?processInstanceId=" + cm3Instance, cm3Instance);
            assertGives(door, yx, "GET variable-instance?processInstanceIdIn=" + cm3Instance, "customerManagerId");
            assertGives(door, yx, "GET metrics/activity-instance-end/sum", "result");
            assertNothingOf(door, yx, "POST task/" + cm3Task + "/complete");
            assertNothingOf(door, yx, "DELETE process-instance/" + cm3Instance);
        }
        assertRefusedByUs(Door.SCRIPT, yx, "PUT job/retries");
        assertRefusedByUs(Door.SCRIPT, yx, "POST user/create");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cm3Instance).count()).isEqualTo(1);
    }

    /** A page of another site can make the browser post with the session cookie, never with the token. */
    @Test
    void browserWritesWithoutTheCsrfTokenAreRefused() {
        call(Door.BROWSER, cm2, "GET task/" + cm2Task); // Tasklist opens the task first; the webapp hands out its token
        ResponseEntity<String> tokened = call(Door.BROWSER, cm2, "PUT task/" + cm2Task + "/localVariables/note");
        assertThat(tokened.getStatusCode().value()).as("with the token: %s", tokened.getBody()).isEqualTo(204);
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, header(session(cm2)));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> forged = rest.exchange(base(Door.BROWSER) + "task/" + cm2Task + "/unclaim",
                HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
        assertThat(forged.getStatusCode().value()).as("the cookie without the token: %s", forged.getBody())
                .isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(cm2Task).singleResult().getAssignee())
                .as("the forged unclaim changed nothing").isEqualTo(cm2);
    }

    enum Door {
        SCRIPT("/engine-rest/engine/"), BROWSER("/camunda/api/engine/engine/");

        private final String root;

        Door(String root) {
            this.root = root;
        }
    }

    /** The door's engine API of this test's engine. */
    private String base(Door door) {
        return door.root + engine.getName() + "/";
    }

    /** 403 from cm135's own rule, with the Chinese reason (not Camunda's answer). */
    private void assertRefusedByUs(Door door, String user, String probe) {
        ResponseEntity<String> answer = call(door, user, probe);
        assertThat(answer.getStatusCode().value()).as("%s %s %s: %s", user, door, probe, answer.getBody()).isEqualTo(403);
        assertThat(answer.getBody()).as("%s %s %s", user, door, probe).contains(REFUSED);
        probes++;
    }

    /** Refused (4xx), or answered with nothing: an empty list or a zero count. Never a 5xx. */
    private void assertNothingOf(Door door, String user, String probe) {
        ResponseEntity<String> answer = call(door, user, probe);
        int status = answer.getStatusCode().value();
        String body = answer.getBody() == null ? "" : answer.getBody().trim();
        assertThat(status).as("%s %s %s: %s", user, door, probe, body).isBetween(200, 499);
        if (status < 300) {
            assertThat(body).as("%s %s %s answered 2xx", user, door, probe).isIn("[]", "{\"count\":0}", "");
            assertThat(status).as("%s %s %s answered 2xx", user, door, probe).isNotEqualTo(204);
        }
        probes++;
    }

    private void assertGives(Door door, String user, String probe, String expected) {
        ResponseEntity<String> answer = call(door, user, probe);
        assertThat(answer.getStatusCode().value()).as("%s %s %s: %s", user, door, probe, answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody()).as("%s %s %s", user, door, probe).contains(expected);
    }

    private ResponseEntity<String> call(Door door, String user, String probe) {
        String[] parts = probe.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = rest;
        if (door == Door.SCRIPT) {
            client = basic(user);
        } else {
            Map<String, String> cookies = session(user);
            headers.add(HttpHeaders.COOKIE, header(cookies));
            headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        String body = method == HttpMethod.GET || method == HttpMethod.DELETE ? null
                : method == HttpMethod.PUT ? "{\"value\":\"csrf\",\"type\":\"String\"}" : "{}";
        ResponseEntity<String> answer = client.exchange(base(door) + parts[1], method, new HttpEntity<>(body, headers),
                String.class);
        if (door == Door.BROWSER) {
            // As a browser does: the webapp renews its CSRF token cookie, and a write must echo the current one.
            cookies(answer, sessions.get(user));
        }
        return answer;
    }

    private TestRestTemplate basic(String user) {
        return rest.withBasicAuth(user, user);
    }

    /** A Tasklist login as the browser makes it: its cookies (the session and the CSRF token to echo). */
    private Map<String, String> session(String user) {
        return sessions.computeIfAbsent(user, u -> {
            ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/" + engine.getName() + "/", String.class);
            Map<String, String> cookies = cookies(page, new HashMap<>());
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            headers.add(HttpHeaders.COOKIE, header(cookies));
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", u);
            form.add("password", u);
            ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist",
                    HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
            assertThat(login.getStatusCode().value()).as("%s logs in to Tasklist: %s", u, login.getBody()).isEqualTo(200);
            return cookies(login, cookies);
        });
    }

    private static Map<String, String> cookies(ResponseEntity<String> response, Map<String, String> into) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        for (String cookie : set == null ? List.<String>of() : set) {
            String[] pair = cookie.split(";")[0].split("=", 2);
            into.put(pair[0], pair[1]);
        }
        return into;
    }

    private static String header(Map<String, String> cookies) {
        List<String> pairs = new ArrayList<>();
        cookies.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("; ", pairs);
    }
}
