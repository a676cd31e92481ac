package cn.cm135.planning.visits;

import static cn.cm135.planning.visits.VisitPlanFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * {@code /api/visit-plans/{cm}/{yyyy-MM}} through real HTTP with real users: who reads (the customer manager,
 * their market manager, the marketing centre) and who changes (the customer manager only), what bad input
 * answers, and that a confirmed plan answers 409 to every change and keeps what it had.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class VisitPlanApiTests {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired CamundaIdentitySync identitySync;

    VisitPlanFixture f;
    String url;

    @BeforeAll
    void createTeams() {
        f = new VisitPlanFixture(jdbc, rollup, "VAP");
        identitySync.syncAll(InitialPasswords.USER_ID);
        url = "/api/visit-plans/" + f.cm1 + "/" + MONTH;
    }

    @Test
    void onlyTheTeamReadsOnlyTheCustomerManagerChangesAndAConfirmedPlanAnswers409() {
        assertThat(as(f.cm1).getForEntity(url, Map.class).getStatusCode()).as("not generated yet").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(f.mm1, HttpMethod.POST, url + "/proposal", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> proposed = call(f.cm1, HttpMethod.POST, url + "/proposal", null);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) proposed.getBody().get("customers")).hasSize(14);

        for (String reader : List.of(f.cm1, f.mm1, f.centre)) {
            ResponseEntity<Map> seen = as(reader).getForEntity(url, Map.class);
            assertThat(seen.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(capacity(seen)).containsEntry("proposedTotal", 35).containsEntry("plannedTotal", 35)
                    .containsEntry("workingDays", 20).containsEntry("capacity", 800).containsEntry("fits", true);
        }
        for (String stranger : List.of(f.mm2, f.cm2)) {
            ResponseEntity<Map> refused = as(stranger).getForEntity(url, Map.class);
            assertThat(refused.getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) refused.getBody().get("message")).isEqualTo("只能查看本人或本团队客户经理的客户拜访计划");
        }
        assertThat(rest.withBasicAuth("nobody-vap", "x").getForEntity(url, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(f.cm1).getForEntity("/api/visit-plans/" + f.cm1 + "/2034-13", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        long c01 = f.id("C01");
        Map<String, Object> adjust = Map.of("visits", List.of(Map.of("customerId", c01, "plannedFrequency", 6,
                "reason", "婚庆旺季")), "overrides", List.of(Map.of("customerId", c01, "specCode", f.org.code("K1"),
                        "quantity", 45, "reason", "婚庆旺季")));
        for (String notTheManager : List.of(f.mm1, f.centre)) {
            ResponseEntity<Map> refused = call(notTheManager, HttpMethod.PUT, url, adjust);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) refused.getBody().get("message")).isEqualTo("只有客户经理本人可以修改自己的客户拜访计划");
        }
        // A bad override refuses the whole request: the good frequency does not go in either.
        ResponseEntity<Map> noReason = call(f.cm1, HttpMethod.PUT, url, Map.of("visits", adjust.get("visits"),
                "overrides", List.of(Map.of("customerId", c01, "specCode", f.org.code("K1"), "quantity", 45))));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).containsEntry("field", "reason")
                .containsEntry("message", "商定总量第 1 行：调整商定总量必须填写原因");
        assertThat(capacity(as(f.cm1).getForEntity(url, Map.class))).containsEntry("plannedTotal", 35);

        ResponseEntity<Map> changed = call(f.cm1, HttpMethod.PUT, url, adjust);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(capacity(changed)).containsEntry("plannedTotal", 37);
        Map<String, Object> first = ((List<Map<String, Object>>) changed.getBody().get("negotiatedQuantities")).get(0);
        assertThat(first).containsEntry("computedQuantity", 38).containsEntry("overrideQuantity", 45)
                .containsEntry("effectiveQuantity", 45).containsEntry("overrideReason", "婚庆旺季");

        assertThat(call(f.mm1, HttpMethod.POST, url + "/confirmation", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> confirmed = call(f.cm1, HttpMethod.POST, url + "/confirmation", null);
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody()).containsEntry("status", "CONFIRMED").containsEntry("statusLabel", "已确定");

        ResponseEntity<Map> locked = call(f.cm1, HttpMethod.PUT, url, Map.of("visits", List.of(Map.of("customerId", c01,
                "plannedFrequency", 8, "reason", "再多"))));
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(locked.getBody()).containsEntry("status", 409)
                .containsEntry("message", f.cm1 + " 的 2034-02 客户拜访计划已确定，不能再修改（确定后不能修改）");
        assertThat(call(f.cm1, HttpMethod.PUT, url, Map.of("overrides", List.of())).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(call(f.cm1, HttpMethod.POST, url + "/proposal", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(call(f.cm1, HttpMethod.POST, url + "/confirmation", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(capacity(as(f.mm1).getForEntity(url, Map.class))).containsEntry("plannedTotal", 37);
    }

    @Test
    void confirmingAPlanOverCapacityAnswers400NamingTheExcess() {
        // 27 customers planned at 30: 810 visits > 20 working days × 40 = 800.
        String big = f.org.customerManager("D1", "big", "郑很忙");
        identitySync.syncAll(InitialPasswords.USER_ID);
        String bigUrl = "/api/visit-plans/" + big + "/" + MONTH;
        assertThat(call(big, HttpMethod.POST, bigUrl + "/confirmation", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        List<Map<String, Object>> visits = new java.util.ArrayList<>();
        for (int i = 1; i <= 27; i++) {
            visits.add(Map.of("customerId", f.org.customer("big", "B" + i, null, "ACTIVE"), "plannedFrequency", 30,
                    "reason", "重点帮扶"));
        }
        call(big, HttpMethod.POST, bigUrl + "/proposal", null);
        ResponseEntity<Map> over = call(big, HttpMethod.PUT, bigUrl, Map.of("visits", visits));
        assertThat(capacity(over)).containsEntry("excess", 10).containsEntry("fits", false)
                .containsEntry("message", "本月计划拜访 810 次，工作日 20 天 × 40 = 800 次，超出 10 次");
        ResponseEntity<Map> refused = call(big, HttpMethod.POST, bigUrl + "/confirmation", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "plannedFrequency")
                .containsEntry("message", "本月计划拜访 810 次，工作日 20 天 × 40 = 800 次，超出 10 次，请减少拜访次数后再确定");
        assertThat(as(big).getForEntity(bigUrl, Map.class).getBody()).containsEntry("status", "DRAFT");
    }

    private static Map<String, Object> capacity(ResponseEntity<Map> answer) {
        return (Map<String, Object>) answer.getBody().get("capacity");
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, Object body) {
        return as(user).exchange(path, method, new HttpEntity<>(body), Map.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }
}
