package cn.cm135.planning.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.cm135.TestOrganization;
import cn.cm135.cycle.CycleService;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * The marketing centre's change of the method, as Modeler's deploy button makes it: an edited rule table and an
 * edited monthly process posted to {@code /engine-rest/deployment/create} in the middle of a month. The month
 * already running finishes on the process and the rules it started with; the next month starts on the new ones;
 * Cockpit lists both versions; a broken model is refused with a Chinese reason and changes nothing; only an
 * administrator may deploy. Its own database: a new version would otherwise reach every later test.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.url=jdbc:h2:mem:livechange;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=0"})
@ActiveProfiles("test")
class LiveModelChangeTests {

    private static final String PROCESS = "cycle-135-monthly";
    private static final String OLD_NAME = "客户经理135工作法·月度循环";
    private static final String NEW_NAME = "客户经理135工作法·月度循环（2027版）";
    private static final String OLD_ADVICE = "拜访时与零售户一起查看《动销台账》";
    private static final String NEW_ADVICE = "（2027版）先查看《动销台账》";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired CycleService cycles;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired ServiceStrategyDecision decision;
    @Autowired ProcessEngine engine;

    @Test
    void anEditedTableAndProcessApplyFromTheNextMonthWhileTheRunningMonthKeepsItsOwn() throws Exception {
        TestOrganization org = new TestOrganization(jdbc, "LIV");
        org.department("D1", "mm1", "钱经理");
        String cm = org.customerManager("D1", "cm1", "周一");
        String centre = org.marketingCentre("yx", "营销中心");
        identitySync.syncAll(InitialPasswords.USER_ID);
        String bpmn = Files.readString(Path.of("../processes/cycle-135-monthly.bpmn"));
        String dmn = Files.readString(Path.of("../processes/service-strategy.dmn"));
        assertThat(bpmn).contains("name=\"" + OLD_NAME + "\"");
        assertThat(dmn).contains(OLD_ADVICE);

        cycles.startMonth(java.time.YearMonth.of(2031, 5));
        ProcessInstance running = instance(cm, "2031-05");
        ProcessDefinition before = repositoryService.getProcessDefinition(running.getProcessDefinitionId());

        String editedBpmn = bpmn.replace("name=\"" + OLD_NAME + "\"", "name=\"" + NEW_NAME + "\"");
        String editedDmn = dmn.replace(OLD_ADVICE, NEW_ADVICE);
        assertThat(deploy(centre, Map.of("cycle-135-monthly.bpmn", editedBpmn)).getStatusCode().value())
                .as("the marketing centre designs, an administrator deploys").isEqualTo(403);
        ResponseEntity<String> broken = deploy("admin", Map.of("cycle-135-monthly.bpmn",
                editedBpmn.replace("targetRef=\"Task_SetTargets\"", "targetRef=\"Task_NoSuchStep\"")));
        System.out.println("[LIVE] broken model: " + broken.getStatusCode().value() + " " + broken.getBody());
        assertThat(broken.getStatusCode().value()).as(broken.getBody()).isEqualTo(400);
        assertThat(broken.getBody()).contains("模型无法部署", "未做任何更改", "Task_NoSuchStep");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count())
                .as("nothing deployed by the refused model").isEqualTo(1);

        ResponseEntity<String> deployed = deploy("admin",
                Map.of("cycle-135-monthly.bpmn", editedBpmn, "service-strategy.dmn", editedDmn));
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);

        cycles.startMonth(java.time.YearMonth.of(2031, 6));
        ProcessInstance next = instance(cm, "2031-06");
        ProcessDefinition after = repositoryService.getProcessDefinition(next.getProcessDefinitionId());
        assertThat(before.getVersion()).isEqualTo(1);
        assertThat(before.getName()).isEqualTo(OLD_NAME);
        assertThat(after.getVersion()).as("the next month starts on the new process").isEqualTo(2);
        assertThat(after.getName()).isEqualTo(NEW_NAME);
        assertThat(repositoryService.getProcessDefinition(instance(cm, "2031-05").getProcessDefinitionId()).getVersion())
                .as("the running month is not migrated").isEqualTo(1);
        ResponseEntity<String> cockpit = rest.withBasicAuth(centre, centre)
                .getForEntity(engineRest() + "/process-definition?key=" + PROCESS + "&sortBy=version&sortOrder=asc", String.class);
        assertThat(cockpit.getBody()).as("Cockpit lists both versions").contains(OLD_NAME, NEW_NAME);

        assertThat(advice(started(running))).as("the running month keeps the rules it started with")
                .startsWith(OLD_ADVICE);
        assertThat(advice(started(next))).as("the next month applies the new rules").startsWith(NEW_ADVICE);
        assertThat(advice(null)).as("the latest table").startsWith(NEW_ADVICE);
    }

    /** This test's own engine (in production the engine is "default", and Modeler's URL is /engine-rest). */
    private String engineRest() {
        return "/engine-rest/engine/" + engine.getName();
    }

    private ProcessInstance instance(String cm, String month) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cm + ":" + month).singleResult();
    }

    private Date started(ProcessInstance instance) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getStartTime();
    }

    /** What the table advises a customer with a sales warning (rule 1, 经营分析指导). */
    private String advice(Date monthStarted) {
        Map<String, Object> warned = new HashMap<>();
        warned.put("warning", true);
        warned.put("capabilityLevel", "良");
        warned.put("openNeeds", 0);
        warned.put("weeksOrdered", 4);
        warned.put("monthsOpen", 24);
        warned.put("personalisedService", null);
        warned.put("unorderedTargetSpecs", 0);
        warned.put("keySpecMinInventory", 10);
        warned.put("priceDeviationPct", 0);
        warned.put("weeksOfStock", 2);
        warned.put("volume", 100);
        warned.put("momIndex", 0.5);
        warned.put("peerMomIndex", 1.0);
        List<ServiceStrategyDecision.Hit> hits = decision.load(monthStarted).evaluate(warned);
        return hits.stream().filter(h -> "经营分析指导".equals(h.strategyType())).findFirst().orElseThrow().content();
    }

    /** {@code POST /engine-rest/deployment/create} as Camunda Modeler's deploy button sends it. */
    private ResponseEntity<String> deploy(String user, Map<String, String> files) throws IOException {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "cm135-modeler");
        form.add("deployment-source", "Camunda Modeler");
        files.forEach((name, xml) -> form.add(name, new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "admin".equals(user) ? "admin" : user).postForEntity(
                engineRest() + "/deployment/create", new HttpEntity<>(form, headers), String.class);
    }
}
