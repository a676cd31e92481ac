package cn.cm135.report;

import static cn.cm135.report.ReportFixture.MONTH;
import static cn.cm135.report.ReportPagesTests.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * Who sees which report, through real HTTP: HTTP Basic, and the Tasklist login of the same browser
 * (session cookie). Team 1 = mm1 with cm1 {A, B} and cm2 {C}; team 2 = mm2 with cm3 {D}; yx = 营销中心.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAccessTests {

    private static final String EFFECT = "/reports/business-effect/" + MONTH;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired IdentityService identityService;

    ReportFixture f;
    String outsider;

    @BeforeAll
    void fixture() {
        f = new ReportFixture(jdbc, "RPA");
        identitySync.syncAll(InitialPasswords.USER_ID);
        // A Camunda user in none of the method's groups (say, a technical account).
        outsider = f.org.id("tech");
        User user = identityService.newUser(outsider);
        user.setPassword(outsider);
        user.setFirstName("技术");
        user.setLastName("账号");
        identityService.saveUser(user);
    }

    @Test
    void customerManagerSeesOnlyOwnCustomers() {
        assertThat(licences(f.cm1, EFFECT)).containsExactly("RPAA", "RPAB");
        assertThat(licences(f.cm2, EFFECT)).containsExactly("RPAC");
        assertThat(licences(f.cm1, EFFECT + "?cm=" + f.cm1)).containsExactly("RPAA", "RPAB");
        assertThat(status(f.cm1, "/reports/sales-ledger/" + MONTH + "?customer=" + f.a)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void customerManagerCannotSeeAnotherCustomerManagersCustomers() {
        ResponseEntity<String> refused = get(f.cm2, EFFECT + "?cm=" + f.cm1);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(refused)).isEqualTo("无权查看客户经理 " + f.cm1 + " 的报表：客户经理只能查看本人的客户，"
                + "市场经理只能查看本团队客户经理的客户");
        assertThat(refused.getBody()).doesNotContain("RPAA");

        ResponseEntity<String> ledger = get(f.cm2, "/reports/sales-ledger/" + MONTH + "?customer=" + f.a);
        assertThat(ledger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(ledger)).startsWith("无权查看零售户 " + f.a + " 的报表");
        assertThat(get(f.cm2, EFFECT + "?mm=" + f.mm1).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // CSV clients get the API's error body.
        ResponseEntity<Map> csv = rest.withBasicAuth(f.cm2, f.cm2).getForEntity(EFFECT + ".csv?cm=" + f.cm1, Map.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) csv.getBody().get("message")).startsWith("无权查看客户经理 " + f.cm1);
    }

    @Test
    void marketManagerSeesTheTeamAndNoOtherTeam() {
        assertThat(licences(f.mm1, EFFECT)).containsExactly("RPAA", "RPAB", "RPAC");
        assertThat(licences(f.mm1, EFFECT + "?cm=" + f.cm2)).containsExactly("RPAC");
        assertThat(status(f.mm1, "/reports/sales-ledger/" + MONTH + "?customer=" + f.c)).isEqualTo(HttpStatus.OK);
        assertThat(licences(f.mm2, EFFECT)).containsExactly("RPAD");

        ResponseEntity<String> otherTeam = get(f.mm2, EFFECT + "?mm=" + f.mm1);
        assertThat(otherTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(otherTeam)).isEqualTo("无权查看市场经理 " + f.mm1 + " 团队的报表：市场经理只能查看本团队");
        assertThat(status(f.mm2, EFFECT + "?cm=" + f.cm1)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(f.mm1, "/reports/sales-ledger/" + MONTH + "?customer=" + f.d)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(f.mm1, "/reports/area-statistics/" + MONTH + "?cm=" + f.cm3)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void marketingCentreAndAdministratorSeeEverything() {
        // (ReportPagesTests' fixture has rows of the same month: only this class's customers are checked.)
        assertThat(licences(f.yx, EFFECT)).filteredOn(l -> l.startsWith("RPA"))
                .containsExactly("RPAA", "RPAB", "RPAC", "RPAD");
        assertThat(Jsoup.parse(get(f.yx, EFFECT).getBody()).select(".scope").text())
                .isEqualTo("范围：全部片区（营销中心）　月份：2031-03");
        assertThat(licences(f.yx, EFFECT + "?mm=" + f.mm2)).containsExactly("RPAD");
        ResponseEntity<String> admin = rest.withBasicAuth("admin", "admin").getForEntity(EFFECT + "?cm=" + f.cm3,
                String.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rows(Jsoup.parse(admin.getBody()), 0)).extracting(r -> r.get(0)).containsExactly("RPAD");
        assertThat(status("admin", "/reports/sales-ledger/" + MONTH + "?customer=" + f.d)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void usersOutsideTheMethodsRolesAreRefused() {
        ResponseEntity<String> refused = get(outsider, EFFECT);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(refused)).isEqualTo("没有查看报表的权限：报表只对客户经理、市场经理、营销中心和系统管理员开放");
        assertThat(status(outsider, "/reports")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void withoutLoginTheAnswerIs401WithABasicChallengeAndAPointerToTasklist() {
        ResponseEntity<String> anonymous = rest.getForEntity(EFFECT, String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"cm135\"");
        assertThat(anonymous.getBody()).contains("请先登录", "/camunda/app/tasklist/");
        // An unknown user (a wrong password would lock a real one for a while).
        assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity(EFFECT, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badRequestsNameTheReason() {
        ResponseEntity<String> unknown = get(f.cm1, "/reports/nope/" + MONTH);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(message(unknown)).startsWith("没有名为 nope 的报表；可用的报表：area-statistics（片区统计）、");

        ResponseEntity<String> month = get(f.cm1, "/reports/business-effect/2031-13");
        assertThat(month.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(month)).isEqualTo("月份格式应为 yyyy-MM（例如 2026-11），收到 2031-13");
        ResponseEntity<Map> csvMonth = rest.withBasicAuth(f.cm1, f.cm1)
                .getForEntity("/reports/business-effect/March.csv", Map.class);
        assertThat(csvMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(csvMonth.getBody()).containsEntry("field", "period");

        assertThat(message(get(f.cm1, "/reports/sales-ledger/" + MONTH)))
                .isEqualTo("动销台账按零售户查看：请指定 customer=零售户编号");
        assertThat(message(get(f.cm1, "/reports/sales-ledger/" + MONTH + "?customer=abc")))
                .isEqualTo("customer 应为零售户编号（数字），收到 abc");
        ResponseEntity<String> missing = get(f.cm1, "/reports/sales-ledger/" + MONTH + "?customer=987654321");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(message(missing)).isEqualTo("没有编号为 987654321 的零售户");
        assertThat(message(get(f.cm1, EFFECT + "?cm=" + f.cm1 + "&mm=" + f.mm1))).isEqualTo("cm、mm、customer 只能指定其中一个");
        assertThat(get(f.cm1, EFFECT + "?cm=ghost").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(message(get(f.cm1, EFFECT + "?format=pdf"))).isEqualTo("format 只能是 html、csv 或 xlsx，收到 pdf");
    }

    @Test
    void aTasklistLoginOpensReportsInTheSameBrowserUnderTheSameRules() {
        String session = tasklistLogin(f.cm1);
        ResponseEntity<String> own = withSession(session, EFFECT);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        // The report leaves the webapps' session as it is: Tasklist stays logged in.
        assertThat(own.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(rows(Jsoup.parse(own.getBody()), 0)).extracting(r -> r.get(0)).containsExactly("RPAA", "RPAB");
        assertThat(withSession(session, EFFECT + "?cm=" + f.cm2).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String marketManager = tasklistLogin(f.mm2);
        assertThat(rows(Jsoup.parse(withSession(marketManager, EFFECT).getBody()), 0)).extracting(r -> r.get(0))
                .containsExactly("RPAD");
        // A cookie that is no login is no way in.
        assertThat(withSession("JSESSIONID=ABCDEF0123456789", EFFECT).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** Logs in the way Tasklist does (CSRF token first) and returns the session cookie. */
    private String tasklistLogin(String user) {
        ResponseEntity<String> app = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = app.getHeaders().get(HttpHeaders.SET_COOKIE);
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        String before = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", xsrf);
        headers.add(HttpHeaders.COOKIE, before + "; XSRF-TOKEN=" + xsrf);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", user);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        return login.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow().split(";")[0];
    }

    private ResponseEntity<String> withSession(String cookie, String url) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private List<String> licences(String user, String url) {
        ResponseEntity<String> page = get(user, url);
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(HttpStatus.OK);
        Document html = Jsoup.parse(page.getBody());
        return html.select("table.report").isEmpty() ? List.of()
                : rows(html, 0).stream().map(r -> r.get(0)).toList();
    }

    private HttpStatus status(String user, String url) {
        return HttpStatus.valueOf(get(user, url).getStatusCode().value());
    }

    private ResponseEntity<String> get(String user, String url) {
        return rest.withBasicAuth(user, user).getForEntity(url, String.class);
    }

    /** The reason on an error page. */
    private static String message(ResponseEntity<String> page) {
        return Jsoup.parse(page.getBody()).select(".message").text();
    }
}
