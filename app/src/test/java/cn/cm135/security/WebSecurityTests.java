package cn.cm135.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/** The web's basics, tried as an attacker would: forged cross-site writes, guessed passwords, huge uploads. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityTests {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @LocalServerPort int port;

    @Test
    void aWriteFromAnotherSiteIsRefusedEvenWithTheBrowsersCachedBasicCredentials() {
        String centre = new TestOrganization(jdbc, "XS").marketingCentre("yx", "营销中心");
        identitySync.syncAll(InitialPasswords.USER_ID);
        String month = "2033-03";
        for (Map.Entry<String, String> forged : Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site")
                .entrySet()) {
            HttpHeaders headers = new HttpHeaders();
            headers.add(forged.getKey(), forged.getValue());
            ResponseEntity<String> answer = rest.withBasicAuth(centre, centre).exchange("/api/cycles/" + month,
                    HttpMethod.POST, new HttpEntity<>(headers), String.class);
            assertThat(answer.getStatusCode().value()).as("%s: %s", forged, answer.getBody()).isEqualTo(403);
            assertThat(answer.getBody()).contains("拒绝来自其他网站的修改请求");
        }
        assertThat(jdbc.queryForObject("select count(*) from monthly_cycle where period = ?", Long.class, month))
                .as("nothing started").isZero();
        HttpHeaders sameSite = new HttpHeaders();
        sameSite.add("Origin", "http://localhost:" + port);
        assertThat(rest.withBasicAuth(centre, centre).exchange("/api/cycles/" + month, HttpMethod.POST,
                new HttpEntity<>(sameSite), String.class).getStatusCode().value())
                .as("a page of cm135 itself (Swagger UI) may write").isEqualTo(200);
    }

    @Test
    void aWrongPasswordLocksTheUserForAFewSecondsEvenWithTheRightOne() throws InterruptedException {
        TestOrganization org = new TestOrganization(jdbc, "LCK");
        org.department("D1", "mm1", "锁定经理");
        String cm = org.customerManager("D1", "cm1", "锁定");
        identitySync.syncAll(InitialPasswords.USER_ID);
        assertThat(status(cm, cm)).as("the right password").isEqualTo(200);
        long failedAt = System.nanoTime();
        assertThat(status(cm, "guess-1")).isEqualTo(401);
        assertThat(status(cm, cm)).as("right password within the lock after one failure").isEqualTo(401);
        assertThat(webappLogin(cm, cm)).as("the webapps' login is locked too").isEqualTo(401);
        long waited = (System.nanoTime() - failedAt) / 1_000_000;
        Thread.sleep(Math.max(0, 3_500 - waited));
        assertThat(status(cm, cm)).as("after loginDelayBase (3 s)").isEqualTo(200);
    }

    /** As a browser sends it: the whole body, then the answer (Tomcat reads an over-long body to its end to answer). */
    @Test
    void anUploadOverTheLimitIsRefusedWith413InChineseAndNothingIsImported() throws Exception {
        Long before = jdbc.queryForObject("select count(*) from retail_customer", Long.class);
        String boundary = "cm135-upload-limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 9 * 1024 * 1024 + tail.length];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/customers"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(upload,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("上传文件过大", "8 MB", "未导入任何数据").doesNotContain("Exception");
        assertThat(jdbc.queryForObject("select count(*) from retail_customer", Long.class)).isEqualTo(before);
    }

    private int status(String user, String password) {
        return rest.withBasicAuth(user, password).getForEntity("/engine-rest/task", String.class).getStatusCode().value();
    }

    private int webappLogin(String user, String password) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8));
        headers.add("X-XSRF-TOKEN", token);
        headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";")[0]).toList());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers),
                String.class).getStatusCode().value();
    }
}
