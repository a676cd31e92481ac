package cn.cm135.review.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.review.ReviewFixture;

/**
 * {@code /api/results/{cm}/{yyyy-MM}} over HTTP: who may read, mark, submit, approve and reject a month's
 * results, and that a refused call changes nothing. cm1 (team of mm) has one open strategy in April 2037;
 * cm2 is a colleague, mm2 another department's market manager. Today is 2037-04-28.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsApiTests {

    static final YearMonth MONTH = YearMonth.of(2037, 4);

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired Clock clock;

    ReviewFixture f;
    String cm1;
    String cm2;
    String mm2;
    long c1;
    long strategy;
    String base;

    @BeforeAll
    void fixture() {
        f = new ReviewFixture(jdbc, "RAP");
        cm1 = f.customerManager("cm1");
        cm2 = f.customerManager("cm2");
        mm2 = f.org.department("D2", "mm2", "RAP市场经理二");
        c1 = f.org.customer("cm1", "C1", 20, "ACTIVE");
        f.strategyPlan(cm1, MONTH.toString(), "LOCKED");
        strategy = f.strategy(c1, cm1, MONTH.toString(), "经营分析指导", "OPEN", null);
        identitySync.syncAll(InitialPasswords.USER_ID);
        base = "/api/results/" + cm1 + "/" + MONTH;
    }

    @BeforeEach
    void today() {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2037, 4, 28).atTime(9, 0).atZone(clock.getZone()).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCustomerManagerMarksAndSubmitsAndTheirMarketManagerRejectsThenApproves() {
        JsonNode draft = call(cm1, HttpMethod.GET, "", null, HttpStatus.OK);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("execution").get("strategiesOpen").asInt()).isEqualTo(1);
        assertThat(draft.get("execution").get("plannedVisits").isNull()).as("no confirmed visit plan").isTrue();
        call(f.mm, HttpMethod.GET, "", null, HttpStatus.OK);
        call(cm2, HttpMethod.GET, "", null, HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("rap-nobody", "x").getForEntity(base, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // ● tasks: only the customer manager; a date outside the month is refused and stores nothing.
        List<Map<String, Object>> tasks = List.of(Map.of("customerId", c1, "doneOn", "2037-04-10",
                "description", "陪同市场检查"), Map.of("doneOn", "2037-05-01", "description", "月初盘点"));
        call(f.mm, HttpMethod.PUT, "/ad-hoc-tasks", tasks, HttpStatus.FORBIDDEN);
        JsonNode refused = call(cm1, HttpMethod.PUT, "/ad-hoc-tasks", tasks, HttpStatus.BAD_REQUEST);
        assertThat(refused.get("field").asText()).isEqualTo("doneOn");
        assertThat(refused.get("message").asText()).isEqualTo("第 2 条临时性任务的完成日期必须在 2037-04 月内，收到 2037-05-01");
        assertThat(count("select count(*) from ad_hoc_task where customer_manager_id = ?", cm1)).isZero();
        JsonNode stored = call(cm1, HttpMethod.PUT, "/ad-hoc-tasks", List.of(tasks.get(0)), HttpStatus.OK);
        assertThat(stored.get(0).get("customerName").asText()).isEqualTo("零售户C1（RAPC1）");
        JsonNode other = call(cm1, HttpMethod.POST, "/ad-hoc-tasks", Map.of("doneOn", "2037-04-27", "description", "x"),
                HttpStatus.CREATED);
        call(cm1, HttpMethod.DELETE, "/ad-hoc-tasks/" + other.get("id").asLong(), null, HttpStatus.NO_CONTENT);
        call(cm1, HttpMethod.POST, "/ad-hoc-tasks", Map.of("doneOn", "2037-04-29", "description", "明天的事"),
                HttpStatus.BAD_REQUEST);
        JsonNode star = call(cm1, HttpMethod.POST, "/strategies/" + strategy + "/done", Map.of("doneOn", "2037-04-11"),
                HttpStatus.OK);
        assertThat(star.get("status").asText()).isEqualTo("DONE");
        assertThat(star.get("doneOn").asText()).isEqualTo("2037-04-11");

        call(f.mm, HttpMethod.POST, "/approve", null, HttpStatus.CONFLICT);
        call(f.mm, HttpMethod.POST, "/submit", null, HttpStatus.FORBIDDEN);
        assertThat(call(cm1, HttpMethod.POST, "/submit", null, HttpStatus.OK).get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode locked = call(cm1, HttpMethod.PUT, "/ad-hoc-tasks", List.of(), HttpStatus.CONFLICT);
        assertThat(locked.get("message").asText()).isEqualTo(cm1 + " 的 2037-04 月工作结果已提交审核，确定后不能修改");

        call(cm1, HttpMethod.POST, "/approve", null, HttpStatus.FORBIDDEN);
        call(mm2, HttpMethod.POST, "/approve", null, HttpStatus.FORBIDDEN);
        JsonNode noReason = call(f.mm, HttpMethod.POST, "/reject", Map.of(), HttpStatus.BAD_REQUEST);
        assertThat(noReason.get("field").asText()).isEqualTo("rejectionReason");
        assertThat(call(cm1, HttpMethod.GET, "", null, HttpStatus.OK).get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode rejected = call(f.mm, HttpMethod.POST, "/reject", Map.of("reason", "请补充走访记录"), HttpStatus.OK);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("请补充走访记录");

        call(cm1, HttpMethod.POST, "/ad-hoc-tasks", Map.of("doneOn", "2037-04-27", "description", "补录走访"),
                HttpStatus.CREATED);
        call(cm1, HttpMethod.POST, "/submit", null, HttpStatus.OK);
        JsonNode approved = call(f.mm, HttpMethod.POST, "/approve", null, HttpStatus.OK);
        assertThat(approved.get("status").asText()).isEqualTo("LOCKED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo(f.mm);
        assertThat(approved.get("execution").get("strategiesDone").asInt()).isEqualTo(1);
        assertThat(approved.get("execution").get("adHocTasks")).hasSize(2);

        JsonNode frozen = call(cm1, HttpMethod.DELETE, "/ad-hoc-tasks/" + stored.get(0).get("id").asLong(), null,
                HttpStatus.CONFLICT);
        assertThat(frozen.get("message").asText()).isEqualTo(cm1 + " 的 2037-04 月工作结果已审核通过，确定后不能修改");
        assertThat(count("select count(*) from ad_hoc_task where customer_manager_id = ?", cm1)).isEqualTo(2);
    }

    private JsonNode call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, user).exchange(base + path, method,
                body == null ? null : new HttpEntity<>(body), JsonNode.class);
        assertThat(response.getStatusCode()).as(method + " " + path + " as " + user + ": " + response.getBody())
                .isEqualTo(expected);
        return response.getBody();
    }

    private int count(String sql, Object arg) {
        return jdbc.queryForObject(sql, Integer.class, arg);
    }
}
