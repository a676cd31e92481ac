package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.cm135.cycle.PlanPhaseDriver.Outcome;
import cn.cm135.cycle.PlanPhaseDriver.Run;
import cn.cm135.cycle.TasklistClient.Json;

/**
 * Steps 12–16 as the customer manager and the market manager work them in Tasklist, one day at a time: in the
 * morning the day's 日拜访记录 appears (its timer fires, as the job executor would fire it) and an open week is
 * arranged; in the evening the day's visits are recorded, a finished week summarised, and at the month end the
 * results submitted and reviewed and the month summarised. What was submitted goes into the run's
 * {@link Outcome} for the test to compare with what the app stored.
 */
final class ImplementPhaseDriver {

    static final LocalTime MORNING = LocalTime.of(7, 30);
    static final LocalTime EVENING = LocalTime.of(18, 30);

    private final ManagementService managementService;
    private final JdbcTemplate jdbc;

    ImplementPhaseDriver(ManagementService managementService, JdbcTemplate jdbc) {
        this.managementService = managementService;
        this.jdbc = jdbc;
    }

    static void setClock(LocalDate day, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(PlanPhaseDriver.ZONE).toInstant()));
    }

    /** True while the engine clock is before {@code time} of {@code day}: the clock never goes back. */
    static boolean before(LocalDate day, LocalTime time) {
        return ClockUtil.getCurrentTime().toInstant().isBefore(day.atTime(time).atZone(PlanPhaseDriver.ZONE).toInstant());
    }

    /**
     * A person who works a task in the browser instead: given the task (REST view) and the day, true when done,
     * false to leave it to this driver.
     */
    interface Person {
        boolean works(Map<String, Object> task, LocalDate day);
    }

    private final Map<String, Person> byHand = new HashMap<>();

    /** From now on {@code person} is offered each {@code taskKey} task first. */
    ImplementPhaseDriver byHand(String taskKey, Person person) {
        byHand.put(taskKey, person);
        return this;
    }

    /** What each person does at this time of the day, until nothing is left for now. */
    void work(Run run, LocalDate day, boolean evening) {
        boolean acted;
        do {
            fireDueTimers(run);
            acted = false;
            for (Map<String, Object> task : run.cm().myTasks(run.businessKey())) {
                String key = (String) task.get("taskDefinitionKey");
                boolean now = switch (key) {
                    case "Task_ArrangeWeek" -> true;
                    case "Task_RecordVisits", "Task_SummarizeWeek", "Task_MarkExecution" -> evening; // after the day's work
                    // step 16 is written at the start of the next month, after the results
                    case "Task_SummarizeMonth" -> evening && day.isAfter(run.month().atEndOfMonth());
                    default -> throw new AssertionError(run.businessKey() + ": unexpected open task " + key);
                };
                if (!now) {
                    continue;
                }
                if (!byHand.containsKey(key) || !byHand.get(key).works(task, day)) {
                    switch (key) {
                        case "Task_ArrangeWeek" -> arrangeWeek(run, task);
                        case "Task_RecordVisits" -> recordVisits(run, task, day);
                        case "Task_SummarizeWeek" -> summarizeWeek(run, task);
                        case "Task_MarkExecution" -> markExecution(run, task, day);
                        default -> summarizeMonth(run, task);
                    }
                }
                run.outcome().completed(key);
                acted = true;
                break; // completing a task changes the list: ask again
            }
            if (!acted && evening) {
                for (Map<String, Object> task : run.mm().myTasks(run.businessKey())) {
                    assertThat(task.get("taskDefinitionKey")).isEqualTo("Task_ApproveResults");
                    Person person = byHand.get("Task_ApproveResults");
                    if (person == null || !person.works(task, day)) {
                        reviewResults(run, task);
                    }
                    run.outcome().completed("Task_ApproveResults");
                    acted = true;
                    break;
                }
            }
        } while (acted);
    }

    /** Step 12: the week's focus, and the routes on the days the system proposes. */
    private void arrangeWeek(Run run, Map<String, Object> task) {
        String id = PlanPhaseDriver.id(task);
        Map<String, Object> form = run.cm().formVariables(id);
        ArrayNode routeDays = (ArrayNode) form.get("routeDays");
        assertThat(routeDays).as("%s: the proposal puts every route on its weekday", task.get("name")).isNotNull();
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("marketFocus", "收集重点规格的实际零售价和库存，留意断货与价格异常");
        submitted.put("brandFocus", "新品上柜，目标客户逐户推介");
        submitted.put("routeDays", new Json(routeDays));
        run.cm().submit(id, submitted);
    }

    /**
     * Step 13 after the day's visits: every listed customer visited except the last one (not at home), the
     * first two key specs counted at the first customer, the day's first open strategy of a visited customer done, a need from the first
     * customer, an anomaly on Thursdays, and the day's feelings.
     */
    private void recordVisits(Run run, Map<String, Object> task, LocalDate day) {
        String id = PlanPhaseDriver.id(task);
        Map<String, Object> form = run.cm().formVariables(id);
        Outcome outcome = run.outcome();
        LocalDate visitDate = LocalDate.parse((String) form.get("visitDate"));
        assertThat(visitDate).as("a day's record appears that morning").isEqualTo(day);
        ArrayNode visits = (ArrayNode) form.get("visits");
        ArrayNode observations = (ArrayNode) form.get("observations");
        ArrayNode strategyOptions = (ArrayNode) form.get("strategyOptions");
        List<String> done = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        String firstCustomer = null;
        for (int i = 0; i < visits.size(); i++) {
            ObjectNode visit = (ObjectNode) visits.get(i);
            boolean made = i < visits.size() - 1 || visits.size() == 1;
            visit.put("visited", made);
            if (made) {
                visit.put("effect", i % 3 == 0 ? "好" : "较好");
                visit.put("opinions", i == 0 ? "希望紧俏规格多投放一些" : "");
                outcome.visitsRecorded++;
                visited.add(visit.get("customer").asLong());
                if (firstCustomer == null) {
                    firstCustomer = visit.get("customer").asText();
                }
            } else {
                visit.put("note", "店主外出，未见面");
                outcome.visitsNotMade++;
            }
        }
        int counted = 0;
        for (JsonNode row : observations) {
            if (counted < 2 && row.get("customer").asText().equals(firstCustomer)) {
                int inventory = 10 + day.getDayOfMonth();
                ((ObjectNode) row).put("inventory", inventory);
                ((ObjectNode) row).put("onShelf", "是");
                outcome.inventoryCounted.put(firstCustomer + "/" + row.get("spec").asText() + "/" + visitDate, inventory);
                counted++;
            }
        }
        ArrayNode needs = ((ArrayNode) form.get("needs")).deepCopy();
        ArrayNode anomalies = ((ArrayNode) form.get("anomalies")).deepCopy();
        if (firstCustomer != null) {
            ObjectNode need = needs.addObject();
            need.put("customer", firstCustomer);
            need.put("needType", "货源");
            need.put("content", "下月希望增加紧俏规格的供应（" + visitDate + "）");
            need.put("urgent", day.getDayOfWeek().getValue() == 1);
            outcome.needsRecorded++;
            if (day.getDayOfWeek().getValue() == 4) {
                ObjectNode anomaly = anomalies.addObject();
                anomaly.put("customer", firstCustomer);
                anomaly.put("anomalyType", "断货");
                anomaly.put("spec", "");
                anomaly.put("note", "畅销规格断货两天");
                outcome.anomaliesRecorded++;
            }
        }
        // The day's first open strategy of a customer visited today: the app refuses one of a customer not visited.
        for (JsonNode option : strategyOptions == null ? List.<JsonNode>of() : (Iterable<JsonNode>) strategyOptions::elements) {
            long strategy = option.get("value").asLong();
            if (visited.contains(jdbc.queryForObject("select customer_id from service_strategy where id = ?", Long.class,
                    strategy))) {
                done.add(Long.toString(strategy));
                outcome.strategiesMarked.add(strategy);
                break;
            }
        }
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("visits", new Json(visits));
        submitted.put("observations", new Json(observations));
        submitted.put("anomalies", new Json(anomalies));
        submitted.put("needs", new Json(needs));
        submitted.put("strategiesDone", new Json(done));
        submitted.put("feelings", "按线路走访 " + visits.size() + " 户，客户对新品认可度较高。");
        run.cm().submit(id, submitted);
        outcome.visitDaysRecorded++;
    }

    /** Step 15: the customer manager agrees with the suggested status and writes the two judgements. */
    private void summarizeWeek(Run run, Map<String, Object> task) {
        String id = PlanPhaseDriver.id(task);
        Map<String, Object> form = run.cm().formVariables(id);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("judgedStatus", form.get("judgedStatus"));
        submitted.put("rationality", "线路安排与拜访频次匹配，周一客户偏多");
        submitted.put("effectiveness", "策略执行按计划推进，新品上柜进展正常");
        run.cm().submit(id, submitted);
    }

    /**
     * Step 14 at the month end: one more strategy done ★ (by telephone) and an ad-hoc task ● (another after a
     * rejection), then 结果提交.
     */
    private void markExecution(Run run, Map<String, Object> task, LocalDate day) {
        String id = PlanPhaseDriver.id(task);
        Map<String, Object> form = run.cm().formVariables(id);
        Outcome outcome = run.outcome();
        List<String> marked = new ArrayList<>();
        ArrayNode open = (ArrayNode) form.get("openStrategyOptions");
        if (open != null && !open.isEmpty()) {
            String strategy = open.get(0).get("value").asText();
            marked.add(strategy);
            outcome.strategiesMarked.add(Long.valueOf(strategy));
        }
        ArrayNode adHoc = ((ArrayNode) form.get("adHocTasks")).deepCopy();
        ObjectNode added = adHoc.addObject();
        added.put("customer", ((ArrayNode) form.get("customerOptions")).get(adHoc.size()).get("value").asText());
        LocalDate doneOn = day.isAfter(run.month().atEndOfMonth()) ? run.month().atEndOfMonth() : day;
        added.put("doneOn", doneOn.toString());
        added.put("description", "协助零售户办理许可证延续（第 " + adHoc.size() + " 项）");
        outcome.adHocTasks = adHoc.size();
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("markedStrategies", new Json(marked));
        submitted.put("strategiesDoneOn", doneOn.toString());
        submitted.put("adHocTasks", new Json(adHoc));
        run.cm().submit(id, submitted);
    }

    /** 结果审核: a rejecting market manager sends the first submission back with a reason. */
    private void reviewResults(Run run, Map<String, Object> task) {
        String id = PlanPhaseDriver.id(task);
        Outcome outcome = run.outcome();
        Map<String, Object> decision = new LinkedHashMap<>();
        if (outcome.rejected && outcome.resultsRejection == null) {
            outcome.resultsRejection = "临时性任务记录不全，请补充后重新提交";
            decision.put("resultsDecision", "reject");
            decision.put("resultsRejectionReason", outcome.resultsRejection);
        } else {
            decision.put("resultsDecision", "approve");
        }
        run.mm().submit(id, decision);
    }

    /** Step 16: the evaluation and the improvement measures for next month. */
    private void summarizeMonth(Run run, Map<String, Object> task) {
        String id = PlanPhaseDriver.id(task);
        Outcome outcome = run.outcome();
        outcome.improvementMeasures = run.customerManagerId() + "：下月逐户回访未见面的客户，周一线路减少 3 户；紧俏规格提前备货";
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("analysisAccuracy", "客户分级与实际走访情况基本一致");
        submitted.put("planRationality", "拜访频次合理，个别线路客户偏多");
        submitted.put("goodPractice", "按策略逐户推介新品，上柜率提高");
        submitted.put("shortcomings", "部分客户未见面，需求收集不全");
        submitted.put("improvementMeasures", outcome.improvementMeasures);
        run.cm().submit(id, submitted);
    }

    /** The instance's timers that are due by the engine clock, fired as the job executor would fire them. */
    private void fireDueTimers(Run run) {
        List<Job> due;
        // executable(): retries left and due by the engine clock, as the job executor acquires them.
        while (!(due = managementService.createJobQuery().processInstanceId(run.processInstanceId()).timers()
                .executable().list()).isEmpty()) {
            for (Job job : due) {
                managementService.executeJob(job.getId());
            }
        }
    }
}
