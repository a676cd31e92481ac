package cn.cm135.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.IdentitySyncResult;
import cn.cm135.organization.InitialPasswords;

/** An imported user's random initial password opens nothing but the way to change it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InitialPasswordTests {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;

    @Test
    void initialPasswordMustBeChangedBeforeWork() {
        TestOrganization org = new TestOrganization(jdbc, "IPW");
        org.department("D1", "mm1", "初始经理");
        String cm = org.customerManager("D1", "cm1", "初始客户经理");
        IdentitySyncResult sync = identitySync.syncAll(InitialPasswords.RANDOM);
        String initial = sync.initialPasswords().get(cm);
        assertThat(initial).hasSize(12).isNotEqualTo(cm);

        ResponseEntity<Map> refused = rest.withBasicAuth(cm, initial).getForEntity("/engine-rest/task", Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("message")).contains("请先修改初始密码");
        assertThat(webappLogin(cm, initial, "tasklist")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin(cm, initial, "welcome")).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> tooShort = rest.withBasicAuth(cm, initial).exchange("/api/me/password", HttpMethod.PUT,
                new HttpEntity<>(Map.of("currentPassword", initial, "newPassword", "short")), Map.class);
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody()).containsEntry("field", "newPassword");

        assertThat(rest.withBasicAuth(cm, initial).exchange("/api/me/password", HttpMethod.PUT,
                new HttpEntity<>(Map.of("currentPassword", initial, "newPassword", "Changed-2026-pw")), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.withBasicAuth(cm, "Changed-2026-pw").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin(cm, "Changed-2026-pw", "tasklist")).isEqualTo(HttpStatus.OK);
    }

    private HttpStatus webappLogin(String user, String password, String app) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        // As the browser does: the webapp hands out a CSRF token cookie, the login echoes it in a header.
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", token);
        headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";")[0]).toList());
        return HttpStatus.valueOf(rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form, headers), String.class).getStatusCode().value());
    }
}
