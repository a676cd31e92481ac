package cn.cm135.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.Groups;
import cn.cm135.organization.InitialPasswords;

/**
 * Who sees and does what, tried through the REST APIs that Tasklist and scripts use. Two teams:
 * market manager mm1 leads cm1 and cm2, market manager mm2 leads cm3; yx is the marketing centre.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTests {

    private static final String MONTH = "2026-09";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    String mm1, mm2, cm1, cm2, cm3, yx;

    @BeforeAll
    void createTeamsAndStartMonth() {
        TestOrganization org = new TestOrganization(jdbc, "ACC");
        mm1 = org.department("D1", "mm1", "钱经理");
        mm2 = org.department("D2", "mm2", "孙经理");
        cm1 = org.customerManager("D1", "cm1", "周一");
        cm2 = org.customerManager("D1", "cm2", "吴二");
        cm3 = org.customerManager("D2", "cm3", "郑三");
        yx = org.marketingCentre("yx", "营销中心冯");
        identitySync.syncAll(InitialPasswords.USER_ID);

        // Started on its first day, looked at on the 20th: due dates depend on the start, never on today.
        setClock("2026-09-01T07:00:00+08:00");
        ResponseEntity<Map> started = as(yx).postForEntity("/api/cycles/" + MONTH, null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) started.getBody().get("started")).contains(cm1 + ":" + MONTH, cm3 + ":" + MONTH);
        for (String cm : List.of(cm1, cm2, cm3)) {
            String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cm + ":" + MONTH)
                    .singleResult().getId();
            managementService.executeJob(managementService.createJobQuery().processInstanceId(pi)
                    .activityId("Task_PrefillTargets").singleResult().getId());
        }
        setClock("2026-09-20T12:00:00+08:00");
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    private static void setClock(String instant) {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.OffsetDateTime.parse(instant).toInstant()));
    }

    @Test
    void callsWithoutValidCredentialsGet401() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var api = rest.getForEntity("/api/targets/" + cm1 + "/" + MONTH, String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getBody()).as("the error body speaks 中文").contains("\"error\":\"请先登录\"")
                .doesNotContain("Unauthorized");
        var page = rest.exchange(org.springframework.http.RequestEntity.get("/no-such-page")
                .accept(org.springframework.http.MediaType.TEXT_HTML).build(), String.class);
        assertThat(page.getBody()).as("error pages speak 中文").doesNotContain("Whitelabel").containsAnyOf("页面不存在", "请先登录");
        // A wrong password also makes Camunda throttle that user's next logins, so try an unknown user.
        assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestOffersManagersWhatTasklistNeedsAndNoMore() {
        for (String user : List.of(cm1, mm1)) {
            for (String refused : List.of("POST /engine-rest/message", "POST /engine-rest/signal",
                    "POST /engine-rest/engine/default/message", "GET /engine-rest/variable-instance",
                    "GET /engine-rest/job-definition", "GET /engine-rest/metrics/activity-instance-end/sum",
                    "GET /engine-rest/telemetry/configuration", "GET /engine-rest/history/variable-instance",
                    "POST /engine-rest/process-definition/key/cycle-135-monthly/start", "POST /engine-rest/user/create",
                    "DELETE /engine-rest/group/" + Groups.ADMIN, "GET /engine-rest/incident", "POST /engine-rest/deployment/create")) {
                String[] call = refused.split(" ");
                ResponseEntity<String> answer = as(user).exchange(call[1], HttpMethod.valueOf(call[0]),
                        new HttpEntity<>(Map.of()), String.class);
                assertThat(answer.getStatusCode()).as("%s: %s", user, refused).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(answer.getBody()).as("%s: %s", user, refused).contains("没有权限执行此操作");
            }
            assertThat(as(user).getForEntity("/engine-rest/task", String.class).getStatusCode())
                    .as("%s still works in Tasklist", user).isEqualTo(HttpStatus.OK);
        }
        assertThat(as(yx).getForEntity("/engine-rest/history/process-instance?maxResults=1", String.class).getStatusCode())
                .as("the marketing centre reads what Cockpit shows").isEqualTo(HttpStatus.OK);
        assertThat(as(yx).postForEntity("/engine-rest/signal", Map.of("name", "x"), String.class).getStatusCode())
                .as("but broadcasts nothing").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void marketManagersSeeTheirTeamsInstancesInCockpitAndNoOthers() {
        assertThat(businessKeys(mm1)).containsExactlyInAnyOrder(cm1 + ":" + MONTH, cm2 + ":" + MONTH);
        assertThat(businessKeys(mm2)).containsExactly(cm3 + ":" + MONTH);
        assertThat(businessKeys(cm1)).as("customer managers work in Tasklist only").isEmpty();
        assertThat(businessKeys(yx)).contains(cm1 + ":" + MONTH, cm2 + ":" + MONTH, cm3 + ":" + MONTH);
    }

    private List<String> businessKeys(String user) {
        List<Map<String, Object>> instances = as(user).exchange("/engine-rest/process-instance?businessKeyLike={like}",
                HttpMethod.GET, null, LIST, "acc%").getBody();
        return instances.stream().map(i -> (String) i.get("businessKey")).toList();
    }

    @Test
    void customerManagerSeesAndCompletesOnlyOwnTasks() {
        List<Map<String, Object>> visible = tasks(cm2);
        assertThat(visible).isNotEmpty().allSatisfy(t -> assertThat(t.get("assignee")).isEqualTo(cm2));
        assertThat(visible).extracting(t -> t.get("taskDefinitionKey")).contains("Task_SetTargets");

        Task othersTask = setTargetsTask(cm3);
        ResponseEntity<String> refused = as(cm2).postForEntity("/engine-rest/task/" + othersTask.getId() + "/complete",
                Map.of("variables", Map.of()), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(othersTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void marketManagerSeesOnlyOwnTeamsApprovalsAndApprovedTargetsAreLocked() {
        ResponseEntity<String> submitted = as(cm1).postForEntity("/engine-rest/task/" + setTargetsTask(cm1).getId()
                + "/complete", Map.of("variables", Map.of(
                        "volume", Map.of("value", 1200, "type", "Long"),
                        "unitValue", Map.of("value", 180.5, "type", "Double"),
                        "keyBrandGrowth", Map.of("value", 8, "type", "Long"),
                        "visits", Map.of("value", 300, "type", "Long"))), String.class);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(tasks(mm1)).extracting(t -> t.get("taskDefinitionKey"), t -> t.get("assignee"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Task_ApproveTargets", mm1));
        assertThat(tasks(mm2)).isEmpty();
        String approvalId = (String) tasks(mm1).get(0).get("id");
        Map<String, Object> approve = Map.of("variables", Map.of("targetsDecision", Map.of("value", "approve")));
        assertThat(as(mm2).postForEntity("/engine-rest/task/" + approvalId + "/complete", approve, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(mm1).postForEntity("/engine-rest/task/" + approvalId + "/complete", approve, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<Map> target = as(mm1).getForEntity("/api/targets/" + cm1 + "/" + MONTH, Map.class);
        assertThat(target.getBody()).containsEntry("status", "LOCKED").containsEntry("volume", 1200);
        assertThat(as(mm2).getForEntity("/api/targets/" + cm1 + "/" + MONTH, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> edit = as(cm1).exchange("/api/targets/" + cm1 + "/" + MONTH, HttpMethod.PUT,
                new HttpEntity<>(Map.of("volume", 1500, "unitValue", 180.5, "keyBrandGrowth", 8, "visits", 300)),
                Map.class);
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) edit.getBody().get("message")).contains("已批准", "不能再修改");
        assertThat(as(cm1).getForEntity("/api/targets/" + cm1 + "/" + MONTH, Map.class).getBody())
                .containsEntry("volume", 1200);
    }

    @Test
    void restEditOfADraftIsValidatedField() {
        ResponseEntity<Map> bad = as(cm3).exchange("/api/targets/" + cm3 + "/" + MONTH, HttpMethod.PUT,
                new HttpEntity<>(Map.of("volume", 100, "unitValue", 10, "keyBrandGrowth", 5, "visits", 50)), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).containsEntry("field", "unitValue");
        assertThat((String) bad.getBody().get("message")).contains("目标单条值（元/条）应在 30 到 1500 之间");
        assertThat(as(cm2).exchange("/api/targets/" + cm3 + "/" + MONTH, HttpMethod.PUT,
                new HttpEntity<>(Map.of("volume", 100, "unitValue", 100, "keyBrandGrowth", 5, "visits", 50)), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> ok = as(cm3).exchange("/api/targets/" + cm3 + "/" + MONTH, HttpMethod.PUT,
                new HttpEntity<>(Map.of("volume", 100, "unitValue", 100, "keyBrandGrowth", 5, "visits", 50)), Map.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody()).containsEntry("status", "DRAFT").containsEntry("volume", 100);
    }

    @Test
    void onlyMarketingCentreAndAdminStartMonthsOrImport() {
        assertThat(as(cm1).postForEntity("/api/cycles/" + MONTH, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(mm1).postForEntity("/api/imports/orders", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> again = as(yx).postForEntity("/api/cycles/" + MONTH, null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) again.getBody().get("alreadyRunning")).contains(cm1, cm2, cm3);
        assertThat((List<String>) again.getBody().get("started")).noneMatch(k -> k.startsWith("acc"));
        ResponseEntity<Map> badMonth = as(yx).postForEntity("/api/cycles/2026-13", null, Map.class);
        assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badMonth.getBody()).containsEntry("field", "period");
    }

    @Test
    void everyRoleFindsItsSharedFilters() {
        assertThat(filterNames(cm1)).contains("我的任务", "即将到期", "已逾期").doesNotContain("待我审批");
        assertThat(filterNames(mm1)).contains("我的任务", "待我审批", "即将到期", "已逾期");
        Map<String, Object> myTasks = as(cm2).exchange("/engine-rest/filter", HttpMethod.GET, null, LIST).getBody()
                .stream().filter(f -> "我的任务".equals(f.get("name"))).findFirst().orElseThrow();
        List<Map<String, Object>> listed = as(cm2).exchange("/engine-rest/filter/" + myTasks.get("id") + "/list",
                HttpMethod.GET, null, LIST).getBody();
        assertThat(listed).isNotEmpty().allSatisfy(t -> assertThat(t.get("assignee")).isEqualTo(cm2));

        // The month's tasks were due on 2026-09-05: overdue now, not due soon.
        assertThat(filterList(cm2, "已逾期")).extracting(t -> t.get("taskDefinitionKey")).contains("Task_SetTargets");
        assertThat(filterList(cm2, "即将到期")).noneMatch(t -> String.valueOf(t.get("due")).startsWith("2026-09"));

        // Every filter's query (due-date expressions included) runs for the users who see it.
        for (String user : List.of(cm2, mm1)) {
            for (Map<String, Object> filter : as(user).exchange("/engine-rest/filter", HttpMethod.GET, null, LIST)
                    .getBody()) {
                ResponseEntity<String> list = as(user).exchange("/engine-rest/filter/" + filter.get("id") + "/list",
                        HttpMethod.GET, null, String.class);
                assertThat(list.getStatusCode()).as(filter.get("name") + ": " + list.getBody()).isEqualTo(HttpStatus.OK);
            }
        }
    }

    private List<Map<String, Object>> filterList(String user, String name) {
        Map<String, Object> filter = as(user).exchange("/engine-rest/filter", HttpMethod.GET, null, LIST).getBody()
                .stream().filter(f -> name.equals(f.get("name"))).findFirst().orElseThrow();
        return as(user).exchange("/engine-rest/filter/" + filter.get("id") + "/list", HttpMethod.GET, null, LIST)
                .getBody();
    }

    private List<String> filterNames(String user) {
        return as(user).exchange("/engine-rest/filter", HttpMethod.GET, null, LIST).getBody().stream()
                .map(f -> (String) f.get("name")).toList();
    }

    private List<Map<String, Object>> tasks(String user) {
        return as(user).exchange("/engine-rest/task?processInstanceBusinessKeyLike=%:" + MONTH, HttpMethod.GET, null,
                LIST).getBody();
    }

    private Task setTargetsTask(String cm) {
        return taskService.createTaskQuery().processInstanceBusinessKey(cm + ":" + MONTH)
                .taskDefinitionKey("Task_SetTargets").singleResult();
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }
}
