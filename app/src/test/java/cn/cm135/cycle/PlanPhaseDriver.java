package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.cm135.calendar.WorkingCalendar;
import cn.cm135.cycle.TasklistClient.Json;
import cn.cm135.process.CycleVariables;

/**
 * Steps 1–11 of one customer manager's month, done the way the customer manager and their market manager do
 * them in Tasklist: open the task, read what the form shows, submit what the form would submit
 * ({@link TasklistClient}). Between steps it runs the instance's own asynchronous jobs, as the job executor would.
 * Each step is a method so the single-month run and the concurrent run (and later steps 12–16) share them.
 *
 * <p>Times: with {@code movesClock} the engine clock (and with it the app's {@code Clock}) is set to the
 * working time of each step, working days 1–4 of the month, as one person would work. The engine clock is global, so the
 * concurrent run leaves it alone inside a day and moves it between days ({@link #planDays()}).
 */
final class PlanPhaseDriver {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One customer manager's instance of the month, and the two people working on it. */
    record Run(String customerManagerId, String marketManagerId, YearMonth month, String processInstanceId,
            TasklistClient cm, TasklistClient mm, Outcome outcome) {

        String businessKey() {
            return CycleVariables.businessKey(customerManagerId, month);
        }
    }

    /** What the people submitted, to compare with what the app stored. */
    static final class Outcome {
        int targetVolume;
        String targetRejection;
        String strategiesRejection;
        String workPlanRejection;
        long droppedStrategyId;
        String manualStrategyLicence;
        int workPlanVisitsTop;
        int demandsRecorded;
        int generatedStrategies;
        boolean firstMonth;
        boolean rejected;
        final Map<String, Integer> completedTasks = new LinkedHashMap<>();
        // The implement phase (ImplementPhaseDriver): what was submitted in steps 12–16.
        /** The Mondays of the weeks the month still had when step 11 was confirmed (CycleWeeks). */
        List<String> weeks = List.of();
        int visitDaysRecorded;
        int visitsRecorded;
        int visitsNotMade;
        final Set<Long> strategiesMarked = new java.util.TreeSet<>();
        /** customer/spec/date → inventory counted. */
        final Map<String, Integer> inventoryCounted = new LinkedHashMap<>();
        int needsRecorded;
        int anomaliesRecorded;
        int adHocTasks;
        String resultsRejection;
        String improvementMeasures;
        /** Last month's improvement measures as this month's step 5 and step 10 forms showed them. */
        String lastMonthImprovementsShown;
        String workPlanImprovementsShown;

        void completed(String taskDefinitionKey) {
            completedTasks.merge(taskDefinitionKey, 1, Integer::sum);
        }
    }

    private final TestRestTemplate rest;
    private final String engineName;
    private final ManagementService managementService;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final WorkingCalendar calendar;
    private final boolean movesClock;
    private TasklistClient.CompletionListener completions;

    PlanPhaseDriver(TestRestTemplate rest, String engineName, ManagementService managementService, JdbcTemplate jdbc,
            ObjectMapper json, WorkingCalendar calendar, boolean movesClock) {
        this.calendar = calendar;
        this.rest = rest;
        this.engineName = engineName;
        this.managementService = managementService;
        this.jdbc = jdbc;
        this.json = json;
        this.movesClock = movesClock;
    }

    /** From now on the runs' people report every completion to {@code listener} (a benchmark's latencies). */
    PlanPhaseDriver timed(TasklistClient.CompletionListener listener) {
        this.completions = listener;
        return this;
    }

    /** The run of one instance; {@code rejects}: the market manager rejects each of the three reviews once. */
    Run run(String customerManagerId, String marketManagerId, YearMonth month, String processInstanceId,
            boolean rejects) {
        Outcome outcome = new Outcome();
        outcome.rejected = rejects;
        return new Run(customerManagerId, marketManagerId, month, processInstanceId,
                new TasklistClient(rest, engineName, customerManagerId, json, completions),
                new TasklistClient(rest, engineName, marketManagerId, json, completions), outcome);
    }

    static void setClock(LocalDate day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, minute).atZone(ZONE).toInstant()));
    }

    /** The {@code n}-th working day of the month: October 2027's plan phase is the 8th, 9th (调休), 11th and 12th. */
    LocalDate planDay(YearMonth month, int n) {
        return calendar.workingDay(month, n);
    }

    private void at(Run run, int day, int hour, int minute) {
        if (movesClock) {
            setClock(planDay(run.month(), day), hour, minute);
        }
    }

    /** Steps 1–10 and the opening of step 11, day by day. */
    void planUpToVisitPlan(Run run) {
        planDays().forEach(day -> day.accept(run));
    }

    /**
     * The plan phase as the working days 1–4 of the month, each what one person does that day. The concurrent run
     * works the days in lock-step (every customer manager finishes day d before the clock moves to d + 1), the
     * way the later weeks and visit days will need it.
     */
    List<Consumer<Run>> planDays() {
        return List.of(this::targetsAndNeedsDay, this::analysisDay, this::strategiesDay, this::workPlanDay);
    }

    /** Day 1: targets (1, 1a), a first month's backfill (2, 3), last month's needs (4); the customer analysis runs. */
    void targetsAndNeedsDay(Run run) {
        boolean rejects = run.outcome().rejected;
        at(run, 1, 6, 5);
        runJobs(run); // 预测本月目标
        at(run, 1, 8, 30);
        setTargets(run, 0);
        if (rejects) {
            at(run, 1, 9, 15);
            approveTargets(run, "目标销量偏低：上年同月和近三月走势都在增长，请上调 5% 后重新提交");
            at(run, 1, 9, 40);
            setTargets(run, 5);
        }
        at(run, 1, 10, 0);
        approveTargets(run, null);

        run.outcome().firstMonth = Boolean.TRUE.equals(processVariable(run, CycleVariables.FIRST_MONTH));
        if (run.outcome().firstMonth) {
            at(run, 1, 10, 30);
            backfillDemands(run);
            at(run, 1, 11, 0);
            setBrandTargets(run, "Task_BackfillBrandTargets");
        }
        at(run, 1, 14, 0);
        confirmDemands(run);
        runJobs(run); // 计算经营效果与经营能力
    }

    /** Day 2: steps 5–8, each analysis computed before its review; then the strategies are generated. */
    void analysisDay(Run run) {
        at(run, 2, 9, 0);
        reviewCustomerAnalysis(run);
        runJobs(run); // 月度品牌状态分析计算
        at(run, 2, 10, 0);
        confirmBrandAnalysis(run);
        at(run, 2, 11, 0);
        setBrandTargets(run, "Task_SetBrandTargets");
        runJobs(run); // 市场分析计算
        at(run, 2, 14, 0);
        confirmMarketAnalysis(run);
        runJobs(run); // 生成服务策略 (targets locked and analyses confirmed)
    }

    /** Day 3: step 9, adjusted, (rejected and adjusted again,) approved and locked. */
    void strategiesDay(Run run) {
        at(run, 3, 9, 0);
        adjustStrategies(run);
        if (run.outcome().rejected) {
            at(run, 3, 10, 0);
            approveStrategies(run, "请为预警客户补充经营分析指导，调整后重新提交");
            at(run, 3, 11, 0);
            adjustStrategies(run);
        }
        at(run, 3, 14, 0);
        approveStrategies(run, null);
        runJobs(run);
    }

    /** Day 4: step 10, (rejected once,) approved and locked; step 11 opens. */
    void workPlanDay(Run run) {
        at(run, 4, 9, 0);
        setWorkPlan(run, 0);
        if (run.outcome().rejected) {
            at(run, 4, 10, 0);
            approveWorkPlan(run, "25–30 档客户拜访次数偏少，请增加后重新提交");
            at(run, 4, 11, 0);
            setWorkPlan(run, 1);
        }
        at(run, 4, 14, 0);
        approveWorkPlan(run, null);
        at(run, 4, 15, 0);
    }

    /** Step 1 制定客户经理目标: the forecast as drafted, or raised by {@code raisePercent} after a rejection. */
    void setTargets(Run run, int raisePercent) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_SetTargets");
        Map<String, Object> form = run.cm().formVariables(id(task));
        assertThat(task.get("name")).isEqualTo("制定客户经理目标（" + run.month() + "）");
        assertThat(((Number) form.get("forecastVolume")).intValue()).as("the stored forecast is shown").isEqualTo(
                count("select forecast_volume from monthly_target where customer_manager_id = ? and period = ?",
                        run.customerManagerId(), run.month().toString()));
        if (raisePercent > 0) {
            assertThat(form.get("rejectionReason")).as("the market manager's reason shows in the reopened form")
                    .isEqualTo(run.outcome().targetRejection);
        } else {
            assertThat(form.get("rejectionReason")).isNull();
        }
        long drafted = ((Number) form.get("volume")).longValue();
        int volume = (int) Math.round(drafted * (100 + raisePercent) / 100.0 / 10) * 10;
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("volume", volume);
        submitted.put("unitValue", clamp(((Number) form.get("unitValue")).doubleValue(), 30, 1500));
        submitted.put("keyBrandGrowth", clamp(((Number) form.get("keyBrandGrowth")).doubleValue(), -50, 200));
        submitted.put("visits", (long) clamp(((Number) form.get("visits")).doubleValue(), 1, 3000));
        run.cm().submit(id(task), submitted);
        run.outcome().targetVolume = volume;
        run.outcome().completed("Task_SetTargets");
    }

    /** Step 1a 审批客户经理目标: approve ({@code reason} null) or reject with the reason. */
    void approveTargets(Run run, String rejectionReason) {
        Map<String, Object> task = run.mm().task(run.businessKey(), "Task_ApproveTargets");
        Map<String, Object> form = run.mm().formVariables(id(task));
        assertThat(((JsonNode) form.get("history")).size()).as("the last 12 months of sales are shown").isEqualTo(12);
        if (rejectionReason != null) {
            // A rejection without a reason: Tasklist's two endpoints answer 400 with the bare Chinese message.
            for (ResponseEntity<String> refused : List.of(
                    run.mm().trySubmit(id(task), Map.of("targetsDecision", "reject")),
                    run.mm().tryComplete(id(task), Map.of("targetsDecision", "reject")))) {
                assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
                assertThat(refused.getBody()).contains("\"message\":\"驳回时必须填写驳回原因\"", "\"field\":\"rejectionReason\"")
                        .doesNotContain("ENGINE-", "Exception", "Cannot");
            }
        }
        decide(run.mm(), task, "targetsDecision", "rejectionReason", rejectionReason);
        if (rejectionReason != null) {
            run.outcome().targetRejection = rejectionReason;
        }
        run.outcome().completed("Task_ApproveTargets");
    }

    /** Step 2 补录上月客户直接需求 (first month only): two needs heard last month, one urgent. */
    void backfillDemands(Run run) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_BackfillDemands");
        Map<String, Object> form = run.cm().formVariables(id(task));
        JsonNode customers = (JsonNode) form.get("customerOptions");
        assertThat(customers.size()).as("the customer manager's customers to choose from").isGreaterThan(2);
        List<Map<String, Object>> rows = List.of(
                need(customers.get(0).get("value").asText(), "货源", "希望增加紧俏规格的供应", true),
                need(customers.get(1).get("value").asText(), "服务", "希望提前一天告知送货时间", false));
        run.cm().submit(id(task), Map.of("newDemands", new Json(rows)));
        run.outcome().demandsRecorded = rows.size();
        run.outcome().completed("Task_BackfillDemands");
    }

    private static Map<String, Object> need(String customerId, String type, String content, boolean urgent) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customerId", customerId);
        row.put("needType", type);
        row.put("urgent", urgent);
        row.put("content", content);
        return row;
    }

    /** Steps 3 and 7: the brand targets as proposed (last month's volume, suggested customers), unchanged. */
    void setBrandTargets(Run run, String taskDefinitionKey) {
        Map<String, Object> task = run.cm().task(run.businessKey(), taskDefinitionKey);
        Map<String, Object> form = run.cm().formVariables(id(task));
        JsonNode targets = (JsonNode) form.get("brandTargets");
        assertThat(targets).as("brand targets proposed in %s", taskDefinitionKey).isNotNull();
        run.cm().submit(id(task), Map.of("brandTargets", new Json(targets)));
        run.outcome().completed(taskDefinitionKey);
    }

    /** Step 4 确认客户直接需求: tick 「确认以上全部需求」. */
    void confirmDemands(Run run) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_ConfirmDemands");
        Map<String, Object> form = run.cm().formVariables(id(task));
        // The 客户需求调查统计表 counts every need collected last month from the customer manager's customers.
        assertThat(((Number) form.get("needCount")).intValue()).isEqualTo(count("select count(*) from customer_demand "
                + "where period = ? and customer_id in (" + CUSTOMERS_OF + ")", run.month().minusMonths(1).toString(),
                run.customerManagerId())).isGreaterThanOrEqualTo(run.outcome().demandsRecorded);
        run.cm().submit(id(task), Map.of("confirmDemands", true));
        run.outcome().completed("Task_ConfirmDemands");
    }

    /** Step 5 客户经营状态分析: read the levels and warned customers, 确定. */
    void reviewCustomerAnalysis(Run run) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_ReviewCustomerAnalysis");
        Map<String, Object> form = run.cm().formVariables(id(task));
        long levels = 0;
        for (String level : List.of("levelExcellent", "levelGood", "levelFair", "levelPoor")) {
            levels += ((Number) form.get(level)).longValue();
        }
        assertThat(levels).as("every analysed customer has a level").isEqualTo(((Number) form.get("customerCount")).longValue())
                .isEqualTo(count("select count(*) from customer_month_result where period = ? and customer_id in ("
                        + CUSTOMERS_OF + ")", run.month().minusMonths(1).toString(), run.customerManagerId()));
        run.outcome().lastMonthImprovementsShown = (String) form.get("lastMonthImprovements");
        run.cm().submit(id(task), Map.of());
        run.outcome().completed("Task_ReviewCustomerAnalysis");
    }

    /** Step 6 月度品牌状态分析: conclusions, 确定. */
    void confirmBrandAnalysis(Run run) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_ConfirmBrandAnalysis");
        Map<String, Object> form = run.cm().formVariables(id(task));
        assertThat((JsonNode) form.get("brandRows")).isNotEmpty();
        run.cm().submit(id(task), Map.of("brandConclusions", "重点品牌动销平稳，新品铺货率偏低，本月加强上柜推介。"));
        run.outcome().completed("Task_ConfirmBrandAnalysis");
    }

    /** Step 8 市场分析: conclusions, 确定. */
    void confirmMarketAnalysis(Run run) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_ConfirmMarketAnalysis");
        Map<String, Object> form = run.cm().formVariables(id(task));
        assertThat((JsonNode) form.get("marketRows")).isNotEmpty();
        run.cm().submit(id(task), Map.of("marketConclusions", "价格指数稳定，存销比正常，个别片区可销天数偏长。"));
        run.outcome().completed("Task_ConfirmMarketAnalysis");
    }

    /**
     * Step 9 调整服务策略: the first time, drop the first strategy with a reason and add one manual strategy;
     * after a rejection the form shows the reason and the adjustments kept, and is submitted as it stands.
     */
    void adjustStrategies(Run run) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_AdjustStrategies");
        Map<String, Object> form = run.cm().formVariables(id(task));
        ArrayNode strategies = (ArrayNode) form.get("strategyRows");
        assertThat(strategies).as("strategies generated for %s", run.customerManagerId()).isNotEmpty();
        boolean again = run.outcome().strategiesRejection != null;
        JsonNode drops = (JsonNode) form.get("droppedStrategies");
        List<Object> manual = new ArrayList<>();
        if (again) {
            assertThat(form.get("strategiesRejectionReason")).isEqualTo(run.outcome().strategiesRejection);
            assertThat(((Number) form.get("droppedCount")).longValue()).as("the drop was kept").isEqualTo(1);
            assertThat(((Number) form.get("manualCount")).longValue()).as("the manual strategy was kept").isEqualTo(1);
            assertThat(drops).as("the drop is listed again").hasSize(1);
        } else {
            run.outcome().generatedStrategies = strategies.size();
            long first = strategies.get(0).get("id").asLong();
            drops = json.createArrayNode()
                    .add(json.createObjectNode()
                            .put("id", String.valueOf(first)).put("dropReason", "客户本月外出，暂不执行"));
            run.outcome().droppedStrategyId = first;
            String licence = licenceWithout(strategies, "个性化服务");
            Map<String, Object> added = new LinkedHashMap<>();
            added.put("licenceNo", licence);
            added.put("strategyType", "个性化服务");
            added.put("specCode", null);
            added.put("content", "每周三上午电话提醒订货");
            manual.add(added);
            run.outcome().manualStrategyLicence = licence;
        }
        run.cm().submit(id(task), Map.of("droppedStrategies", new Json(drops), "manualStrategies", new Json(manual)));
        run.outcome().completed("Task_AdjustStrategies");
    }

    /** A licence among the strategies' customers that has no strategy of {@code type} yet. */
    private static String licenceWithout(ArrayNode strategies, String type) {
        Set<String> taken = new HashSet<>();
        List<String> licences = new ArrayList<>();
        for (JsonNode row : strategies) {
            String licence = row.get("customer").asText().split(" ")[0];
            licences.add(licence);
            if (row.get("strategy").asText().contains(" · " + type)) {
                taken.add(licence);
            }
        }
        return licences.stream().filter(l -> !taken.contains(l)).findFirst().orElseThrow();
    }

    /** Step 9 审核服务策略 (计划审核). */
    void approveStrategies(Run run, String rejectionReason) {
        Map<String, Object> task = run.mm().task(run.businessKey(), "Task_ApproveStrategies");
        Map<String, Object> form = run.mm().formVariables(id(task));
        assertThat((JsonNode) form.get("strategyAdjustments")).as("the drop and the manual addition").hasSize(2);
        decide(run.mm(), task, "strategiesDecision", "strategiesRejectionReason", rejectionReason);
        if (rejectionReason != null) {
            run.outcome().strategiesRejection = rejectionReason;
        }
        run.outcome().completed("Task_ApproveStrategies");
    }

    /** Step 10 月度工作计划: the draft, with {@code extraTopVisits} more visits per 25–30 customer after a rejection. */
    void setWorkPlan(Run run, int extraTopVisits) {
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_SetWorkPlan");
        Map<String, Object> form = run.cm().formVariables(id(task));
        boolean again = run.outcome().workPlanRejection != null;
        assertThat(form.get("rejected")).isEqualTo(again);
        if (again) {
            assertThat(form.get("workPlanRejectionReason")).isEqualTo(run.outcome().workPlanRejection);
        }
        int top = ((Number) form.get("visitsTop")).intValue()
                + extraTopVisits * ((Number) form.get("customersTop")).intValue();
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("visitsTop", (long) top);
        submitted.put("visitsMiddle", ((Number) form.get("visitsMiddle")).longValue());
        submitted.put("visitsBase", ((Number) form.get("visitsBase")).longValue());
        submitted.put("customerWork", form.get("customerWork") + "\n另：逐户回访上月预警客户。");
        submitted.put("brandWork", form.get("brandWork"));
        submitted.put("marketWork", form.get("marketWork"));
        submitted.put("improvementMeasures", form.get("improvementMeasures"));
        run.outcome().workPlanImprovementsShown = (String) form.get("improvementMeasures");
        run.cm().submit(id(task), submitted);
        run.outcome().workPlanVisitsTop = top;
        run.outcome().completed("Task_SetWorkPlan");
    }

    /** Step 10 审核月度工作计划. */
    void approveWorkPlan(Run run, String rejectionReason) {
        Map<String, Object> task = run.mm().task(run.businessKey(), "Task_ApproveWorkPlan");
        Map<String, Object> form = run.mm().formVariables(id(task));
        assertThat(((Number) form.get("plannedTop")).intValue()).isEqualTo(run.outcome().workPlanVisitsTop);
        decide(run.mm(), task, "workPlanDecision", "workPlanRejectionReason", rejectionReason);
        if (rejectionReason != null) {
            run.outcome().workPlanRejection = rejectionReason;
        }
        run.outcome().completed("Task_ApproveWorkPlan");
    }

    /**
     * Step 11 客户拜访计划 as the form submits it: every row of {@code visitPlan}, the first two customers with one
     * visit more than proposed (with the reason), overrides unchanged. Returns the variables; the caller submits.
     */
    Map<String, Object> visitPlanSubmission(Run run, Map<String, Object> form) {
        ArrayNode rows = (ArrayNode) form.get("visitPlan");
        for (int i = 0; i < Math.min(2, rows.size()); i++) {
            ObjectNode row = (ObjectNode) rows.get(i);
            row.put("plannedFrequency", row.get("proposedFrequency").asInt() + 1);
            row.put("reason", "新开业，多跑一次");
        }
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("visitPlan", new Json(rows));
        submitted.put("negotiatedOverrides", new Json(form.get("negotiatedOverrides")));
        return submitted;
    }

    private void decide(TasklistClient who, Map<String, Object> task, String decisionField, String reasonField,
            String rejectionReason) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put(decisionField, rejectionReason == null ? "approve" : "reject");
        decision.put(reasonField, rejectionReason);
        who.submit(id(task), decision);
    }

    private Object processVariable(Run run, String name) {
        Map<String, Object> task = run.cm().myTasks(run.businessKey()).get(0);
        return run.cm().formVariables(id(task)).get(name);
    }

    /**
     * Executes the instance's due asynchronous continuations (service tasks), as the job executor would, never its
     * timers. None may fail: a month-start analysis job that meets another instance's job on the same analysis waits
     * for it on {@code work_lock} and then finds the month done ({@link MonthlyAnalyses}), it does not fail and wait
     * for a retry.
     */
    void runJobs(Run run) {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(run.processInstanceId()).messages()
                .withRetriesLeft().list()).isEmpty()) {
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException e) {
                    throw new AssertionError("job " + job.getId() + " of " + run.businessKey() + " failed", e);
                }
            }
        }
    }

    /** The ids of a customer manager's customers, as a subquery with one parameter (the customer manager). */
    static final String CUSTOMERS_OF = "select c.id from retail_customer c join route r on r.code = c.route_code "
            + "join area a on a.code = r.area_code where a.customer_manager_id = ?";

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    static String id(Map<String, Object> task) {
        return (String) task.get("id");
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
