package cn.cm135.planning.strategy;

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

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * {@code /api/strategies/{cm}/{yyyy-MM}} through HTTP Basic: the customer manager reads and adjusts their own
 * plan, their market manager reads it, another team's market manager and another customer manager don't;
 * a submitted plan answers 409 to every change.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class StrategyControllerTests {

    private static final String MONTH = StrategyFixture.PLAN.toString();

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired StrategyService strategies;

    StrategyFixture f;
    String cm, otherCm, otherMm, yx;
    String url;

    @BeforeAll
    void createTeamsAndGenerate() {
        f = new StrategyFixture(jdbc, "STA");
        cm = f.customerManager("cm", "程客户");
        otherMm = f.org.department("D2", "mm2", "魏经理");
        otherCm = f.org.customerManager("D2", "cm2", "蒋客户");
        yx = f.org.marketingCentre("yx", "营销中心沈");
        long a1 = f.quiet("cm", "A1");
        f.analysis(a1, cm, false, "差", "42.00", 20, "1.0000", "1.0000", 10, "2.0000");
        f.quiet("cm", "A2");
        f.quiet("cm2", "Z1");
        identitySync.syncAll(InitialPasswords.USER_ID);
        strategies.generate(cm, StrategyFixture.PLAN);
        url = "/api/strategies/" + cm + "/" + MONTH;
    }

    @Test
    void customerManagerMarketManagerAndCentreReadOthersDont() {
        ResponseEntity<Map> own = as(cm).getForEntity(url, Map.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).containsEntry("customers", 2);
        List<Map<String, Object>> list = (List<Map<String, Object>>) own.getBody().get("strategies");
        assertThat(list).extracting(s -> s.get("strategyType"), s -> s.get("reason"))
                .contains(org.assertj.core.groups.Tuple.tuple("重点帮扶", "经营能力得分 42.00，档次 差"));
        assertThat(as(f.marketManager).getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as(yx).getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as(otherMm).getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(otherCm).getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> badMonth = as(cm).getForEntity("/api/strategies/" + cm + "/2028-13", Map.class);
        assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badMonth.getBody()).containsEntry("field", "period");
        assertThat(as(cm).getForEntity("/api/strategies/" + cm + "/2029-11", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheCustomerManagerAdjustsAndASubmittedPlanAnswers409() {
        Map<String, Object> manual = Map.of("licenceNo", f.org.code("A2"), "strategyType", "新户辅导",
                "content", "讲解订货流程");
        assertThat(as(f.marketManager).postForEntity(url, manual, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> bad = as(cm).postForEntity(url, Map.of("licenceNo", f.org.code("Z1"), "strategyType", "新户辅导",
                "content", "讲解订货流程"), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).containsEntry("field", "licenceNo");
        assertThat((String) bad.getBody().get("message")).contains("不是你在营的零售户");

        ResponseEntity<Map> added = as(cm).postForEntity(url, manual, Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("source", "MANUAL").containsEntry("keyPoint", "客户")
                .containsEntry("status", "OPEN");

        Number id = (Number) added.getBody().get("id");
        assertThat(as(otherCm).exchange(url + "/" + id + "/drop", HttpMethod.PUT,
                new HttpEntity<>(Map.of("reason", "x")), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> noReason = as(cm).exchange(url + "/" + id + "/drop", HttpMethod.PUT,
                new HttpEntity<>(Map.of("reason", "")), Map.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).containsEntry("field", "dropReason");
        ResponseEntity<Map> dropped = as(cm).exchange(url + "/" + id + "/drop", HttpMethod.PUT,
                new HttpEntity<>(Map.of("reason", "客户开业已满三月")), Map.class);
        assertThat(dropped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dropped.getBody()).containsEntry("status", "DROPPED").containsEntry("dropReason", "客户开业已满三月");
        ResponseEntity<Map> restored = as(cm).exchange(url + "/" + id + "/restore", HttpMethod.PUT, null, Map.class);
        assertThat(restored.getBody()).containsEntry("status", "OPEN").containsEntry("dropReason", null);

        strategies.submit(cm, StrategyFixture.PLAN);
        ResponseEntity<Map> locked = as(cm).exchange(url + "/" + id + "/drop", HttpMethod.PUT,
                new HttpEntity<>(Map.of("reason", "不需要")), Map.class);
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) locked.getBody().get("message")).contains("已提交，正等待市场经理审核");
        assertThat(as(cm).postForEntity(url, Map.of("licenceNo", f.org.code("A1"), "strategyType", "订货提醒",
                "content", "提醒"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(as(cm).getForEntity(url, Map.class).getBody()).containsEntry("status", "SUBMITTED");
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }
}
