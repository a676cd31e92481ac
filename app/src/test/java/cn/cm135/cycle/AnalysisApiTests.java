package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
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

import cn.cm135.TestOrganization;
import cn.cm135.brand.analysis.BrandAnalysisService;
import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.market.analysis.MarketAnalysisService;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * The analysis phase through REST: who may read and change needs, brand targets and conclusions, what
 * bad input answers, and that a confirmed (locked) analysis refuses every change with 409 and keeps
 * what it had.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisApiTests {

    private static final YearMonth MONTH = YearMonth.of(2031, 5);

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired BrandAnalysisService brands;
    @Autowired MarketAnalysisService market;
    @Autowired SalesRollup rollup;

    TestOrganization org;
    String mm1, mm2, cm1, cm2;
    long c1, c2, x1;

    @BeforeAll
    void createTeams() {
        org = new TestOrganization(jdbc, "RST");
        mm1 = org.department("D1", "mm1", "钱接口");
        mm2 = org.department("D2", "mm2", "孙接口");
        cm1 = org.customerManager("D1", "cm1", "周接口");
        cm2 = org.customerManager("D2", "cm2", "吴接口");
        identitySync.syncAll(InitialPasswords.USER_ID);
        org.spec("S1", "接口烟", "150", true);
        c1 = org.customer("cm1", "C1", 10, "ACTIVE");
        c2 = org.customer("cm1", "C2", 10, "ACTIVE");
        x1 = org.customer("cm2", "X1", 10, "ACTIVE");
        org.order(c1, "S1", LocalDate.of(2031, 5, 6), 12, "150");
        org.order(x1, "S1", LocalDate.of(2031, 5, 7), 8, "150");
        rollup.refresh(MONTH);   // as the orders import does for the months it writes
    }

    @Test
    void needsAreRecordedAllOrNothingAndSeenByTheTeamOnly() {
        String url = "/api/demands/" + cm1 + "/" + MONTH;
        List<Map<String, Object>> bad = List.of(
                Map.of("customerId", c1, "needType", "货源", "content", "要货"),
                Map.of("customerId", x1, "needType", "价格", "content", "别人的客户"));
        ResponseEntity<Map> refused = as(cm1).postForEntity(url, bad, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "customerId");
        assertThat((String) refused.getBody().get("message")).contains(Long.toString(x1)).contains("不是客户经理");
        assertThat(needs()).as("nothing of the refused batch").isZero();

        List<Map<String, Object>> good = List.of(
                Map.of("customerId", c1, "needType", "货源", "content", "要货", "urgent", true),
                Map.of("customerId", c2, "needType", "服务", "content", "希望送货早一点"));
        assertThat(as(cm1).postForEntity(url, good, Map.class).getBody()).containsEntry("recorded", 2);
        assertThat(as(cm1).postForEntity(url, good, Map.class).getBody()).as("a repeated batch").containsEntry("recorded", 0);
        assertThat(as(mm1).postForEntity(url, good, Map.class).getStatusCode()).as("only the customer manager records")
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> seen = as(mm1).getForEntity(url, Map.class);
        assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> survey = (Map<String, Object>) seen.getBody().get("survey");
        // Served: C1, C2; both have one need → 2 customers, 2 needs, 0 confirmed; 货源 1 of 2 = 0.5.
        assertThat(survey).containsEntry("customersServed", 2).containsEntry("customersWithNeeds", 2)
                .containsEntry("needs", 2).containsEntry("unconfirmed", 2);
        Map<String, Object> supply = ((List<Map<String, Object>>) survey.get("types")).get(0);
        assertThat(supply).containsEntry("needType", "货源").containsEntry("customers", 1).containsEntry("urgent", 1);
        assertThat(((Number) supply.get("share")).doubleValue()).isEqualTo(0.5);
        assertThat(as(mm2).getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(cm2).getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> confirmed = as(cm1).postForEntity(url + "/confirmation", Map.of("all", true), Map.class);
        assertThat(confirmed.getBody()).containsEntry("confirmed", 2).containsEntry("unconfirmed", 0);

        // The same survey as a printable report and CSV (UTF-8 with BOM), for the team's market manager.
        ResponseEntity<byte[]> csv = as(mm1).getForEntity("/reports/demand-survey/" + MONTH + ".csv?cm=" + cm1, byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("货源,1,50.0%,1,1").contains("服务,1,50.0%,1,0");
        assertThat(as(mm2).getForEntity("/reports/demand-survey/" + MONTH + "?cm=" + cm1, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void brandTargetsAreCheckedAndRefusedOnceTheMonthsBrandAnalysisIsConfirmed() {
        String url = "/api/brand-targets/" + cm1 + "/" + MONTH;
        List<Map<String, Object>> unknownSpec = List.of(Map.of("areaCode", org.code("A-cm1"), "specCode", "NOPE",
                "targetVolume", 10));
        ResponseEntity<Object> refused = exchange(cm1, url, unknownSpec);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error(refused)).containsEntry("field", "spec");

        List<Map<String, Object>> targets = List.of(Map.of("areaCode", org.code("A-cm1"), "specCode", org.code("S1"),
                "targetVolume", 30, "targetCustomers", List.of(c2)));
        assertThat(exchange(mm1, url, targets).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(cm1, url, targets).getStatusCode()).isEqualTo(HttpStatus.OK);

        // May's brand analysis, confirmed: A-cm1 sold 12 条 of S1 against the target of 30 → 0.4.
        brands.analyse(MONTH);
        brands.lock(MONTH, cm1);
        var s1 = brands.rows(MONTH, cm1).get(0);
        assertThat(s1.targetVolume()).isEqualTo(30);
        assertThat(s1.targetAttainment()).isEqualByComparingTo("0.4000");

        ResponseEntity<Object> locked = exchange(cm1, url, List.of(Map.of("areaCode", org.code("A-cm1"),
                "specCode", org.code("S1"), "targetVolume", 12)));
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) error(locked).get("message")).contains("已确定");
        assertThat(jdbc.queryForObject("select target_volume from brand_target where period = ? and area_code = ?",
                Integer.class, MONTH.toString(), org.code("A-cm1"))).isEqualTo(30);

        ResponseEntity<Object> conclusions = exchange(cm1, "/api/analyses/brands/" + cm1 + "/" + MONTH + "/conclusions",
                Map.of("conclusions", "改写"));
        assertThat(conclusions.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) error(conclusions).get("message")).contains("确定后不能修改");
        assertThat(brands.rows(MONTH, cm1).get(0).conclusions()).isNull();
    }

    @Test
    void marketConclusionsAreWrittenUntilConfirmedThenRefused() {
        market.analyse(MONTH);
        String url = "/api/analyses/market/" + cm2 + "/" + MONTH + "/conclusions";
        assertThat(exchange(cm1, url, Map.of("conclusions", "别人的")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Object> tooLong = exchange(cm2, url, Map.of("conclusions", "长".repeat(2001)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error(tooLong)).containsEntry("field", "conclusions");
        assertThat(exchange(cm2, url, Map.of("conclusions", "价格平稳")).getStatusCode()).isEqualTo(HttpStatus.OK);
        market.lock(MONTH, org.code("A-cm2"));
        assertThat(exchange(cm2, url, Map.of("conclusions", "改写")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(market.row(MONTH, org.code("A-cm2")).orElseThrow().conclusions()).isEqualTo("价格平稳");
        assertThat(exchange(cm2, "/api/analyses/market/" + cm2 + "/2031-13/conclusions", Map.of("conclusions", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private int needs() {
        return jdbc.queryForObject("select count(*) from customer_demand d join retail_customer c on c.id = d.customer_id "
                + "where c.licence_no like 'RST%'", Integer.class);
    }

    /** A PUT; the body is the answer's JSON (a list on success, an {@code ApiError} map on refusal). */
    private ResponseEntity<Object> exchange(String user, String url, Object body) {
        return as(user).exchange(url, HttpMethod.PUT, new HttpEntity<>(body), Object.class);
    }

    private static Map<String, Object> error(ResponseEntity<Object> answer) {
        return (Map<String, Object>) answer.getBody();
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }
}
