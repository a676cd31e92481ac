package cn.cm135.visit;

import static cn.cm135.visit.VisitFixture.MONTH;
import static cn.cm135.visit.VisitFixture.morningOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;

/**
 * The user tasks "周工作安排" and "日拜访记录" on the real engine, wired as the lead wires Task_ArrangeWeek and
 * Task_RecordVisits (a test-only process, deployed here and deleted after): what each form gets on create,
 * what a completion stores, and that a refused completion keeps the task open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitTaskListenerTests {

    private static final String PROCESS = "test-week-and-visits";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate MONDAY = LocalDate.of(2035, 8, 6);

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;

    private String deploymentId;

    @BeforeAll
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_ArrangeWeek").name("周工作安排").camundaAssignee("${customerManagerId}")
                .camundaFormRef("arrange-week").camundaFormRefBinding("latest")
                .camundaTaskListenerDelegateExpression("create", "${arrangeWeekTaskListener}")
                .camundaTaskListenerDelegateExpression("complete", "${arrangeWeekTaskListener}")
                .userTask("Task_RecordVisits").name("日拜访记录").camundaAssignee("${customerManagerId}")
                .camundaFormKey("embedded:/forms/record-visits.html")
                .camundaTaskListenerDelegateExpression("create", "${recordVisitsTaskListener}")
                .camundaTaskListenerDelegateExpression("complete", "${recordVisitsTaskListener}")
                .endEvent()
                .done();
        deploymentId = repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model)
                .deploy().getId();
    }

    @AfterAll
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theWeekIsArrangedInItsFormAndTheDaysVisitsAreRecordedInTheirs() throws Exception {
        VisitFixture f = new VisitFixture(jdbc, "VTK");
        ClockUtil.setCurrentTime(morningOf(MONDAY));
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, Map.of(
                CycleVariables.CUSTOMER_MANAGER_ID, f.cm1, CycleVariables.PERIOD, MONTH.toString(),
                "weekStart", "2035-08-06", "visitDate", "2035-08-06"));

        Task arrange = task(pi);
        assertThat(arrange.getName()).isEqualTo("周工作安排（2035-08-06 周）");
        Map<String, Object> shown = taskService.getVariablesLocal(arrange.getId());
        // Monday 6th: route R lists A1, A2, A4; Wednesday 8th: route T lists B1 (i = 1, done 0): 4 customers.
        assertThat(shown).containsEntry("weekStatus", "待安排").containsEntry("dayCount", 5L)
                .containsEntry("customerCount", 4L)
                .containsEntry("dayList", "2035-08-06 周一、2035-08-07 周二、2035-08-08 周三、2035-08-09 周四、2035-08-10 周五");
        assertThat(json(shown.get("dayCustomers")).get(0).toString()).isEqualTo("{\"day\":\"2035-08-06 周一 · VTKR-cm1\",\"route\":\"VTKR-cm1\","
                + "\"customer\":\"1. 零售户A1（VTKA1）\",\"visits\":\"已访 0 / 计划 2\","
                + "\"strategies\":\"品牌培育（品牌）：走访烟(硬)（VTKK1） — 上柜陈列\"}");
        // The fixture's retailers have no coordinates: each day keeps its routes' order and the form says why.
        assertThat(json(shown.get("dayRoutes")).get(0).toString()).isEqualTo("{\"day\":\"2035-08-06 周一\","
                + "\"customers\":3,\"defaultRoute\":\"—\",\"optimisedRoute\":\"部分零售户没有经纬度，保持线路默认顺序（3 户缺经纬度）\"}");
        assertThat(shown).containsEntry("routeSaving", "2 天部分零售户没有经纬度，保持线路默认顺序");
        JsonNode routeDays = json(runtimeService.getVariable(pi.getId(), "routeDays"));
        assertThat(routeDays.toString()).isEqualTo("[{\"route\":\"VTKR-cm1\",\"date\":\"2035-08-06\"},"
                + "{\"route\":\"VTKT-cm1\",\"date\":\"2035-08-08\"}]");
        assertFormFindsItsVariables("arrange-week", taskService.getVariables(arrange.getId()).keySet(),
                "weekLabel", "dayCustomers", "dayRoutes", "routeSaving", "routeOptions", "dayOptions", "routeDays");

        // Route T moved to Monday too; without the brand focus the completion is refused and the task stays.
        ((ObjectNode) routeDays.get(1)).put("date", "2035-08-06");
        Map<String, Object> submitted = new HashMap<>(Map.of("marketFocus", "新开店", "brandFocus", "",
                "routeDays", SpinValues.jsonValue(routeDays.toString()).create()));
        assertThatThrownBy(() -> taskService.complete(arrange.getId(), submitted)).hasRootCauseInstanceOf(Refusal.class)
                .hasMessageContaining("请填写本周品牌培育重点");
        assertThat(task(pi).getId()).isEqualTo(arrange.getId());
        submitted.put("brandFocus", "K1 上柜");
        taskService.complete(arrange.getId(), submitted);

        Task record = task(pi);
        assertThat(record.getName()).isEqualTo("日拜访记录（2035-08-06 周一）");
        Map<String, Object> sheet = taskService.getVariablesLocal(record.getId());
        assertThat(sheet).containsEntry("customerCount", 4L).containsEntry("recordedBefore", false)
                .containsEntry("marketFocus", "新开店").containsEntry("sheetLinks",
                        "[打印日拜访记录表](/reports/visit-sheet/vtkcm1/2035-08-06)　[下载 PDF](/reports/visit-sheet/vtkcm1/2035-08-06.pdf)");
        // Each customer's 动销台账 link rides with the customer (a String variable of all links would pass
        // Camunda's 4,000-character limit on a day of 45 customers).
        assertThat(sheet).doesNotContainKey("ledgerLinks");
        assertThat(json(sheet.get("strategyOptions")).findValuesAsText("value"))
                .containsExactly(Long.toString(f.s1), Long.toString(f.s2), Long.toString(f.s3));
        assertEmbeddedFormFindsItsVariables("record-visits", taskService.getVariables(record.getId()).keySet());
        JsonNode daySheet = json(sheet.get("daySheet"));
        assertThat(daySheet.get(0).get("ledgerHref").asText()).isEqualTo("/reports/sales-ledger/2035-08?customer=" + f.a1);
        assertThat(daySheet.findValuesAsText("customer")).containsExactly(Long.toString(f.a1), Long.toString(f.a2),
                Long.toString(f.a4), Long.toString(f.b1));
        assertThat(daySheet.get(0).get("strategies").findValuesAsText("value"))
                .as("A1's open strategy, shown when A1 is recorded").containsExactly(Long.toString(f.s1));
        assertThat(daySheet.get(3).get("strategies").findValuesAsText("value")).containsExactly(Long.toString(f.s3));
        ArrayNode visits = (ArrayNode) json(runtimeService.getVariable(pi.getId(), "visits"));
        assertThat(visits.findValuesAsText("customer")).containsExactly(Long.toString(f.a1), Long.toString(f.a2),
                Long.toString(f.a4), Long.toString(f.b1));
        ArrayNode observations = (ArrayNode) json(runtimeService.getVariable(pi.getId(), "observations"));
        // One blank row per customer and key spec of the company; A1 K1 filled in.
        for (JsonNode row : observations) {
            if (row.get("customer").asText().equals(Long.toString(f.a1)) && row.get("spec").asText().equals("VTKK1")) {
                ((ObjectNode) row).put("inventory", 9.0).put("retailPrice", 230.5).put("onShelf", "是");
            }
        }
        ((ObjectNode) visits.get(2)).put("visited", false); // A4 not reached
        ((ObjectNode) visits.get(0)).put("effect", "好");
        taskService.complete(record.getId(), Map.of(
                "visits", SpinValues.jsonValue(visits.toString()).create(),
                "observations", SpinValues.jsonValue(observations.toString()).create(),
                "anomalies", SpinValues.jsonValue("[]").create(),
                "needs", SpinValues.jsonValue("[{\"customer\":\"" + f.b1 + "\",\"needType\":\"服务\",\"content\":\"希望送货上门\","
                        + "\"urgent\":true}]").create(),
                "strategiesDone", SpinValues.jsonValue("[\"" + f.s3 + "\"]").create(),
                "feelings", "顺利"));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jdbc.queryForList("select c.licence_no || ':' || r.visited || ':' || coalesce(r.effect, '') "
                + "from visit_record r join retail_customer c on c.id = r.customer_id where r.customer_manager_id = ? "
                + "order by c.licence_no", String.class, f.cm1))
                .containsExactly("VTKA1:TRUE:好", "VTKA2:TRUE:", "VTKA4:FALSE:", "VTKB1:TRUE:");
        assertThat(jdbc.queryForMap("select inventory, retail_price, on_shelf from field_observation where customer_id = ?", f.a1))
                .containsEntry("INVENTORY", 9).containsEntry("ON_SHELF", true)
                .hasEntrySatisfying("RETAIL_PRICE", p -> assertThat((java.math.BigDecimal) p).isEqualByComparingTo("230.50"));
        assertThat(f.count("select count(*) from field_observation where customer_id in (?, ?, ?, ?)", f.a1, f.a2, f.a4, f.b1))
                .as("the blank rows are not recorded").isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from service_strategy where id = ?", String.class, f.s3)).isEqualTo("DONE");
        assertThat(f.count("select count(*) from customer_demand where customer_id = ? and period = '2035-08' and urgent", f.b1))
                .isEqualTo(1);
    }

    private static void assertFormFindsItsVariables(String formId, Set<String> variables, String... expected)
            throws Exception {
        JsonNode form;
        try (InputStream in = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
            form = JSON.readTree(in);
        }
        assertThat(form.get("id").asText()).isEqualTo(formId);
        Set<String> used = new HashSet<>();
        Matcher template = Pattern.compile("\\{\\{#?(?:if )?([a-zA-Z]+)\\}\\}").matcher(form.toString());
        while (template.find()) {
            used.add(template.group(1));
        }
        form.findValues("dataSource").forEach(v -> used.add(v.asText().replace("=", "")));
        form.findValues("valuesKey").forEach(v -> used.add(v.asText()));
        form.findValues("path").forEach(v -> used.add(v.asText()));
        used.remove("if");
        assertThat(used).contains(expected);
        assertThat(variables).containsAll(used);
    }

    /** Every variable the embedded form's script fetches ({@code VARIABLES = [...]}) is offered by the listener. */
    private static void assertEmbeddedFormFindsItsVariables(String form, Set<String> variables) throws Exception {
        String html;
        try (InputStream in = new ClassPathResource("META-INF/resources/forms/" + form + ".html").getInputStream()) {
            html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Matcher list = Pattern.compile("var VARIABLES = \\[([^\\]]+)\\]").matcher(html);
        assertThat(list.find()).as("the form lists the variables it reads").isTrue();
        Set<String> used = new HashSet<>();
        Matcher name = Pattern.compile("'([a-zA-Z]+)'").matcher(list.group(1));
        while (name.find()) {
            used.add(name.group(1));
        }
        assertThat(used).contains("daySheet", "visits", "observations", "strategiesDone", "feelings");
        assertThat(variables).containsAll(used);
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static JsonNode json(Object variable) throws Exception {
        return JSON.readTree(variable.toString());
    }
}
