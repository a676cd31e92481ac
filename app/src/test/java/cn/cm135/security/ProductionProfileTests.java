package cn.cm135.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.IdentitySyncResult;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * The production profile as an operator starts it ({@code postgres}, nothing else: no test settings, no
 * CM135_ADMIN_PASSWORD): no account opens with a password anyone could know, and the cookies are for HTTPS only.
 */
@OwnPostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "cm135.cycle.start-missed-month=false"})
@ActiveProfiles("postgres")
class ProductionProfileTests {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;

    @Test
    void noAccountOpensWithAPasswordAnyoneCouldKnow() {
        assertThat(jdbc.queryForObject("select count(*) from act_id_user where id_ = 'admin'", Long.class))
                .as("the administrator exists, with a generated password").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from retail_customer", Long.class)).as("no demo data").isZero();
        TestOrganization org = new TestOrganization(jdbc, "");
        org.department("D1", "mm01", "钱经理");
        String cm = org.customerManager("D1", "cm01", "周一");
        IdentitySyncResult imported = identitySync.syncAll(InitialPasswords.RANDOM);
        assertThat(cm).isEqualTo("cm01");
        assertThat(imported.initialPasswords().get(cm)).hasSize(12).isNotEqualTo(cm);
        for (String[] guess : List.of(new String[] {"admin", "admin"}, new String[] {"cm01", "cm01"},
                new String[] {"mm01", "mm01"}, new String[] {"admin", ""})) {
            ResponseEntity<String> answer = rest.withBasicAuth(guess[0], guess[1]).getForEntity("/engine-rest/task",
                    String.class);
            assertThat(answer.getStatusCode().value()).as("%s/%s", guess[0], guess[1]).isEqualTo(401);
        }
    }

    @Test
    void sessionAndCsrfCookiesAreForHttpsOnly() {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).as("the webapps' session and CSRF cookies").anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="))
                .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="))
                .allSatisfy(c -> assertThat(c).containsPattern("(?i);\\s*Secure(;|$)").containsIgnoringCase("SameSite"));
    }
}
