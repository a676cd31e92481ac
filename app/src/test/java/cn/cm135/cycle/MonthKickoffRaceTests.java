package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.postgres.OwnPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two kick-offs of one month fired at the same moment (two nodes' schedules, or a person and a schedule), on
 * PostgreSQL as in production: the month starts once, and neither caller gets a 500 — the one that lost the
 * race is told 409 in 中文 (or, when it came a moment later, 200 with everyone "already running").
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class MonthKickoffRaceTests {

    static final EmbeddedPostgres POSTGRES = OwnPostgres.start();
    static int round;
    static String centre;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OwnPostgres.register(registry, POSTGRES);
    }

    @AfterAll
    static void stop(@Autowired ConfigurableApplicationContext context) {
        OwnPostgres.stopWith(context, POSTGRES);
    }

    @RepeatedTest(3)
    void twoKickoffsAtOnceStartTheMonthOnceAndNeitherCrashes() throws Exception {
        if (round++ == 0) {
            TestOrganization org = new TestOrganization(jdbc, "RACE");
            org.department("D1", "mm1", "钱经理");
            for (int i = 1; i <= 6; i++) {
                org.customerManager("D1", "cm" + i, "客户经理" + i);
            }
            centre = org.marketingCentre("yx", "营销中心");
            identitySync.syncAll(InitialPasswords.USER_ID);
        }
        String month = "2031-0" + round;
        long managers = jdbc.queryForObject("select count(*) from staff where role = 'CUSTOMER_MANAGER' and active",
                Long.class);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<ResponseEntity<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return rest.withBasicAuth(centre, centre).postForEntity("/api/cycles/" + month, null, String.class);
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<ResponseEntity<String>> call : calls) {
            ResponseEntity<String> answer = call.get();
            statuses.add(answer.getStatusCode().value());
            if (answer.getStatusCode().value() == 409) {
                assertThat(answer.getBody()).contains("正由另一个请求启动");
            }
        }
        System.out.printf("[RACE] %s: %s%n", month, statuses);
        assertThat(statuses).as("one start, the other 409 or 200 (already running); never 500")
                .allMatch(s -> s == 200 || s == 409).contains(200);
        assertThat(jdbc.queryForObject("select count(*) from monthly_cycle where period = ?", Long.class, month))
                .as("every customer manager's month started exactly once").isEqualTo(managers);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ like ? "
                + "and parent_id_ is null", Long.class, "%:" + month)).isEqualTo(managers);
    }
}
