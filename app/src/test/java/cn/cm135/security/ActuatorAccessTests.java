package cn.cm135.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/** A load balancer asks health without a login; metrics are for administrators only. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActuatorAccessTests {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;

    @Test
    void healthIsPublicAndMetricsNeedAnAdministrator() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<String> health = rest.getForEntity(probe, String.class);
            assertThat(health.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody()).as(probe).contains("\"status\":\"UP\"");
        }
        assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        TestOrganization org = new TestOrganization(jdbc, "ACT");
        org.department("D1", "mm", "钱经理");
        String cm = org.customerManager("D1", "cm", "周一");
        identitySync.syncAll(InitialPasswords.USER_ID);
        ResponseEntity<String> refused = rest.withBasicAuth(cm, cm).getForEntity("/actuator/metrics", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("没有权限执行此操作");
        ResponseEntity<String> metrics = rest.withBasicAuth("admin", "admin").getForEntity("/actuator/metrics", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm.memory.used");
    }
}
