package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.calendar.WorkingCalendar;
import cn.cm135.cycle.PlanPhaseDriver.Run;
import cn.cm135.cycle.weeks.CycleWeeks;
import cn.cm135.organization.Organization.CustomerManager;
import cn.cm135.organization.Organization;
import cn.cm135.process.CycleVariables;

/**
 * One customer manager's whole month against a running app (steps 1–16, as the people do them in Tasklist,
 * {@link PlanPhaseDriver} and {@link ImplementPhaseDriver}), and what the app stored afterwards. Shared by the
 * end-to-end test of the demo's month ({@link WholeMonthEndToEndTests}) and the year of months
 * ({@link YearOfMonthsEndToEndTests}).
 */
final class MonthChecks {

    /** The steps a market manager reviews, and the reviews: done twice after one rejection. */
    static final List<String> REVIEWED_STEPS = List.of("Task_SetTargets", "Task_ApproveTargets",
            "Task_AdjustStrategies", "Task_ApproveStrategies", "Task_SetWorkPlan", "Task_ApproveWorkPlan");

    final TestRestTemplate rest;
    final JdbcTemplate jdbc;
    final ProcessEngine engine;
    final RuntimeService runtimeService;
    final ManagementService managementService;
    final HistoryService historyService;
    final Organization organization;
    final Clock clock;
    final CycleWeeks cycleWeeks;
    final WorkingCalendar calendar;
    final ObjectMapper json = new ObjectMapper();

    MonthChecks(TestRestTemplate rest, ApplicationContext context) {
        this.rest = rest;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.engine = context.getBean(ProcessEngine.class);
        this.runtimeService = engine.getRuntimeService();
        this.managementService = engine.getManagementService();
        this.historyService = engine.getHistoryService();
        this.organization = context.getBean(Organization.class);
        this.clock = context.getBean(Clock.class);
        this.cycleWeeks = context.getBean(CycleWeeks.class);
        this.calendar = context.getBean(WorkingCalendar.class);
    }

    PlanPhaseDriver planDriver(boolean movesClock) {
        return new PlanPhaseDriver(rest, engine.getName(), managementService, jdbc, json, calendar, movesClock);
    }

    ImplementPhaseDriver implementDriver() {
        return new ImplementPhaseDriver(managementService, jdbc);
    }

    /**
     * The marketing centre's kick-off at 06:00 of the month's first working day; every instance but {@code
     * customerManagerId}'s is cancelled. The run, not yet worked.
     */
    Run startMonth(String customerManagerId, YearMonth month) {
        CustomerManager cm = organization.customerManager(customerManagerId).orElseThrow();
        PlanPhaseDriver.setClock(calendar.workingDay(month, 1), 6, 0);
        ResponseEntity<Map> kickOff = rest.withBasicAuth("yx01", "yx01").postForEntity("/api/cycles/" + month, null,
                Map.class);
        assertThat(kickOff.getStatusCode()).isEqualTo(HttpStatus.OK);
        String businessKey = CycleVariables.businessKey(customerManagerId, month);
        assertThat((List<String>) kickOff.getBody().get("started")).contains(businessKey);
        for (ProcessInstance other : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("%:" + month).list()) {
            if (!other.getBusinessKey().equals(businessKey)) {
                runtimeService.deleteProcessInstance(other.getId(), "E2E: only " + customerManagerId + "'s month is worked");
            }
        }
        String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
        return planDriver(true).run(customerManagerId, cm.marketManagerId(), month, pi, true);
    }

    /**
     * One customer manager's month, kicked off by the marketing centre through {@code POST /api/cycles/{month}} on
     * the month's first working day: targets rejected once then approved, steps 2–8 (with the backfill in a first
     * month), strategies rejected once then approved, work plan rejected once then approved, step 11, then day by day
     * to the 3rd of the next month: the weeks, the visit days, the results (rejected once) and the month summary.
     * The marketing centre's kick-off starts the month for everyone; the others' instances are cancelled.
     */
    Run oneCustomerManagersMonth(String customerManagerId, YearMonth month) {
        long started = System.nanoTime();
        Run run = startMonth(customerManagerId, month);
        PlanPhaseDriver driver = planDriver(true);
        driver.planUpToVisitPlan(run);

        assertPlanPhaseStored(run);
        onlyTheAssigneeSeesTheTask(run);
        int proposedVisits = planVisits(driver, run);
        System.out.printf("[E2E] %s %s, steps 1-11 with 3 rejections%s: %.1f s (target %d 条, %d strategies generated,"
                + " work plan 25-30 visits %d, %d visits proposed)%n", customerManagerId, month,
                run.outcome().firstMonth ? " and the first month's backfill" : "", seconds(System.nanoTime() - started),
                run.outcome().targetVolume, run.outcome().generatedStrategies, run.outcome().workPlanVisitsTop,
                proposedVisits);

        long implementStarted = System.nanoTime();
        ImplementPhaseDriver implement = implementDriver();
        for (LocalDate day = LocalDate.now(clock); !ended(run) && !day.isAfter(month.plusMonths(1).atDay(3));
                day = day.plusDays(1)) {
            if (ImplementPhaseDriver.before(day, ImplementPhaseDriver.MORNING)) {
                ImplementPhaseDriver.setClock(day, ImplementPhaseDriver.MORNING);
                implement.work(run, day, false);
            }
            ImplementPhaseDriver.setClock(day, ImplementPhaseDriver.EVENING);
            implement.work(run, day, true);
        }
        assertImplementPhaseStored(run);
        assertCompletedTasks(run);
        printImplementPhase(run, implementStarted);
        System.out.printf("[E2E] %s %s, steps 1-16: %.1f s%n", customerManagerId, month,
                seconds(System.nanoTime() - started));
        return run;
    }

    /** What steps 1–10 stored for the run's customer manager, against what the people submitted. */
    void assertPlanPhaseStored(Run run) {
        String cm = run.customerManagerId();
        String period = run.month().toString();
        String analysed = run.month().minusMonths(1).toString();
        PlanPhaseDriver.Outcome outcome = run.outcome();

        assertThat(count("select count(*) from monthly_cycle where customer_manager_id = ? and period = ?", cm, period))
                .isEqualTo(1);
        Map<String, Object> target = jdbc.queryForMap("select status, volume, decided_by, rejection_reason "
                + "from monthly_target where customer_manager_id = ? and period = ?", cm, period);
        assertThat(target).containsEntry("status", "LOCKED").containsEntry("volume", outcome.targetVolume)
                .containsEntry("decided_by", run.marketManagerId());

        if (outcome.firstMonth) {
            assertThat(count("select count(*) from customer_demand d where d.period = ? and d.content in "
                    + "('希望增加紧俏规格的供应', '希望提前一天告知送货时间') and d.customer_id in (" + customersOf() + ")",
                    analysed, cm)).as("step 2's two needs").isEqualTo(2);
            assertThat(count("select count(*) from brand_target t join area a on a.code = t.area_code "
                    + "where t.period = ? and a.customer_manager_id = ?", analysed, cm)).as("step 3's targets").isPositive();
        }
        assertThat(count("select count(*) from customer_demand where period = ? and status = 'RECORDED' and customer_id in ("
                + customersOf() + ")", analysed, cm)).as("step 4 confirmed every need of the analysed month").isZero();
        assertThat(count("select count(*) from customer_month_result where period = ? and not locked and customer_id in ("
                + customersOf() + ")", analysed, cm)).as("step 5 locked").isZero();
        assertThat(count("select count(*) from brand_month_result b join area a on a.code = b.area_code "
                + "where b.period = ? and a.customer_manager_id = ? and (not b.locked or b.conclusions is null)",
                analysed, cm)).as("step 6 concluded and locked").isZero();
        assertThat(count("select count(*) from market_month_result m join area a on a.code = m.area_code "
                + "where m.period = ? and a.customer_manager_id = ? and m.locked and m.conclusions is not null",
                analysed, cm)).as("step 8 concluded and locked every area")
                .isEqualTo(count("select count(*) from area where customer_manager_id = ?", cm));
        assertThat(count("select count(*) from brand_target t join area a on a.code = t.area_code "
                + "where t.period = ? and a.customer_manager_id = ?", period, cm)).as("step 7's targets").isPositive();

        Map<String, Object> plan = jdbc.queryForMap("select status, decided_by from strategy_plan "
                + "where customer_manager_id = ? and period = ?", cm, period);
        assertThat(plan).containsEntry("status", "LOCKED").containsEntry("decided_by", run.marketManagerId());
        // Generated N, one dropped (kept, with its reason), one added by hand: N + 1 rows, N of them in force.
        assertThat(count("select count(*) from service_strategy where customer_manager_id = ? and period = ?", cm, period))
                .isEqualTo(outcome.generatedStrategies + 1);
        assertThat(count("select count(*) from service_strategy where customer_manager_id = ? and period = ? "
                + "and status <> 'DROPPED'", cm, period)).isEqualTo(outcome.generatedStrategies);
        assertThat(jdbc.queryForMap("select status, drop_reason from service_strategy where id = ?",
                outcome.droppedStrategyId)).containsEntry("status", "DROPPED").containsEntry("drop_reason", "客户本月外出，暂不执行");
        assertThat(count("select count(*) from service_strategy s join retail_customer c on c.id = s.customer_id "
                + "where s.customer_manager_id = ? and s.period = ? and s.source = 'MANUAL' and c.licence_no = ? "
                + "and s.strategy_type = '个性化服务'", cm, period, outcome.manualStrategyLicence)).isEqualTo(1);

        Map<String, Object> workPlan = jdbc.queryForMap("select status, visits_top, decided_by, customer_work "
                + "from monthly_work_plan where customer_manager_id = ? and period = ?", cm, period);
        assertThat(workPlan).containsEntry("status", "LOCKED").containsEntry("visits_top", outcome.workPlanVisitsTop)
                .containsEntry("decided_by", run.marketManagerId());
        assertThat((String) workPlan.get("customer_work")).endsWith("另：逐户回访上月预警客户。");
    }

    /**
     * The instance's history after the whole month: every step of 1–11 completed once, the three reviewed steps and
     * their reviews twice when the market manager rejected once, steps 2 and 3 only in a first month; one week
     * arrangement and one week summary per week of the month, one 日拜访记录 per visit day recorded, the results
     * and their review twice after a rejection, the month summary once; nothing open, the instance ended.
     */
    void assertCompletedTasks(Run run) {
        PlanPhaseDriver.Outcome outcome = run.outcome();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String step : List.of("Task_SetTargets", "Task_ApproveTargets", "Task_BackfillDemands",
                "Task_BackfillBrandTargets", "Task_ConfirmDemands", "Task_ReviewCustomerAnalysis",
                "Task_ConfirmBrandAnalysis", "Task_SetBrandTargets", "Task_ConfirmMarketAnalysis", "Task_AdjustStrategies",
                "Task_ApproveStrategies", "Task_SetWorkPlan", "Task_ApproveWorkPlan", "Task_PlanVisits")) {
            boolean backfill = step.startsWith("Task_Backfill");
            boolean reviewed = REVIEWED_STEPS.contains(step);
            if (!backfill || outcome.firstMonth) {
                expected.put(step, reviewed && outcome.rejected ? 2 : 1);
            }
        }
        expected.put("Task_ArrangeWeek", outcome.weeks.size());
        expected.put("Task_RecordVisits", outcome.visitDaysRecorded);
        expected.put("Task_SummarizeWeek", outcome.weeks.size());
        expected.put("Task_MarkExecution", outcome.rejected ? 2 : 1);
        expected.put("Task_ApproveResults", outcome.rejected ? 2 : 1);
        expected.put("Task_SummarizeMonth", 1);
        Map<String, Integer> completed = new LinkedHashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(run.processInstanceId()).finished().list()) {
            assertThat(task.getDeleteReason()).isEqualTo("completed");
            String key = task.getTaskDefinitionKey();
            assertThat(task.getAssignee()).as(key).isEqualTo(key.startsWith("Task_Approve")
                    ? run.marketManagerId() : run.customerManagerId());
            completed.merge(key, 1, Integer::sum);
        }
        assertThat(new java.util.TreeMap<>(completed)).as("completed tasks of %s", run.businessKey())
                .isEqualTo(new java.util.TreeMap<>(expected)).isEqualTo(new java.util.TreeMap<>(outcome.completedTasks));
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(run.processInstanceId())
                .unfinished().count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(run.processInstanceId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_CycleDone");
        // Cockpit shows the weeks as a multi-instance subprocess: one instance per week, one per visit day.
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run.processInstanceId())
                .activityId("SubProcess_Weeks").count()).isEqualTo(outcome.weeks.size());
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run.processInstanceId())
                .activityId("Event_VisitDayStarts").finished().count()).isEqualTo(outcome.visitDaysRecorded);
    }

    /** What steps 12–16 stored for the run's customer manager, against what the people submitted. */
    void assertImplementPhaseStored(Run run) {
        String cm = run.customerManagerId();
        String period = run.month().toString();
        PlanPhaseDriver.Outcome outcome = run.outcome();
        assertThat(ended(run)).as("%s ended", run.businessKey()).isTrue();
        // A week without a working day of the month left (Spring Festival, National Day, the plan phase) is not worked.
        assertThat(outcome.weeks).as("weeks of %s", period).hasSizeBetween(3, 5);

        assertThat(jdbc.queryForList("select cast(week_start as varchar(10)) from week_arrangement where customer_manager_id = ? "
                + "and period = ? and status = 'ARRANGED' order by week_start", String.class, cm, period))
                .isEqualTo(outcome.weeks);
        assertThat(count("select count(*) from visit_day where customer_manager_id = ? and period = ? "
                + "and status = 'RECORDED'", cm, period)).isEqualTo(outcome.visitDaysRecorded);
        assertThat(count("select count(*) from visit_record where customer_manager_id = ? and period = ? and visited",
                cm, period)).isEqualTo(outcome.visitsRecorded);
        assertThat(count("select count(*) from visit_record where customer_manager_id = ? and period = ? and not visited",
                cm, period)).isEqualTo(outcome.visitsNotMade);
        // Every customer on a day's sheet got a record, visited or not.
        assertThat(count("select count(*) from day_visit_list l where l.customer_manager_id = ? and l.period = ? "
                + "and not exists (select 1 from visit_record v where v.customer_id = l.customer_id "
                + "and v.visit_date = l.visit_date)", cm, period)).isZero();
        outcome.inventoryCounted.forEach((key, inventory) -> {
            String[] k = key.split("/");
            assertThat(jdbc.queryForObject("select inventory from field_observation where customer_id = ? and spec_code = ? "
                    + "and observed_on = ?", Integer.class, Long.valueOf(k[0]), k[1], LocalDate.parse(k[2])))
                    .as("counted %s", key).isEqualTo(inventory);
        });
        assertThat(count("select count(*) from customer_demand where period = ? and content like '下月希望增加紧俏规格的供应（%' "
                + "and customer_id in (" + customersOf() + ")", period, cm)).as("needs for next month's step 4")
                .isEqualTo(outcome.needsRecorded);
        assertThat(count("select count(*) from market_anomaly where note = '畅销规格断货两天' and observed_on between ? and ? "
                + "and customer_id in (" + customersOf() + ")", run.month().atDay(1), run.month().atEndOfMonth(), cm))
                .isEqualTo(outcome.anomaliesRecorded);
        assertThat(jdbc.queryForList("select id from service_strategy where customer_manager_id = ? and period = ? "
                + "and status = 'DONE' order by id", Long.class, cm, period)).as("★ done: exactly those marked")
                .containsExactlyElementsOf(outcome.strategiesMarked);
        assertThat(count("select count(*) from ad_hoc_task where customer_manager_id = ? and period = ?", cm, period))
                .isEqualTo(outcome.adHocTasks).isEqualTo(outcome.rejected ? 2 : 1);

        assertThat(count("select count(*) from week_summary where customer_manager_id = ? and period = ? and status = 'DONE' "
                + "and judged_status is not null", cm, period)).isEqualTo(outcome.weeks.size());
        Map<String, Object> result = jdbc.queryForMap("select status, decided_by, rejection_reason from month_result "
                + "where customer_manager_id = ? and period = ?", cm, period);
        assertThat(result).containsEntry("status", "LOCKED").containsEntry("decided_by", run.marketManagerId());
        Map<String, Object> summary = jdbc.queryForMap("select status, improvement_measures, done_visits, planned_visits, "
                + "strategies_done from month_summary where customer_manager_id = ? and period = ?", cm, period);
        assertThat(summary).containsEntry("status", "DONE").containsEntry("improvement_measures", outcome.improvementMeasures);
        assertThat(((Number) summary.get("done_visits")).intValue()).isEqualTo(outcome.visitsRecorded);
        assertThat(((Number) summary.get("strategies_done")).intValue()).isEqualTo(outcome.strategiesMarked.size());
        assertThat(((Number) summary.get("planned_visits")).intValue()).isEqualTo(count("select coalesce(sum(coalesce("
                + "a.planned_frequency, p.proposed_frequency)), 0) from visit_plan_customer p left join visit_plan_adjustment a "
                + "on a.customer_manager_id = p.customer_manager_id and a.period = p.period and a.customer_id = p.customer_id "
                + "where p.customer_manager_id = ? and p.period = ?", cm, period));
    }

    void printImplementPhase(Run run, long started) {
        PlanPhaseDriver.Outcome o = run.outcome();
        System.out.printf("[E2E] %s steps 12-16 (%.1f s since the phase began): %d weeks, %d visit days, %d visits made"
                + " and %d not, %d strategies ★, %d ● tasks, %d needs, %d anomalies%s%n", run.businessKey(),
                seconds(System.nanoTime() - started), o.weeks.size(), o.visitDaysRecorded, o.visitsRecorded,
                o.visitsNotMade, o.strategiesMarked.size(), o.adHocTasks, o.needsRecorded, o.anomaliesRecorded,
                o.rejected ? ", results rejected once" : "");
    }

    boolean ended(Run run) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count() == 0;
    }

    /** Another customer manager neither sees nor completes cm01's task; the other team's market manager neither. */
    private void onlyTheAssigneeSeesTheTask(Run run) {
        String taskId = PlanPhaseDriver.id(run.cm().task(run.businessKey(), "Task_PlanVisits"));
        String otherMarketManager = run.marketManagerId().equals("mm01") ? "mm02" : "mm01";
        for (String intruder : List.of("cm02", otherMarketManager)) {
            TasklistClient other = new TasklistClient(rest, engine.getName(), intruder, json);
            assertThat(other.visibleTasks(run.businessKey())).as("%s's task list", intruder).isEmpty();
            ResponseEntity<String> refused = other.trySubmit(taskId, Map.of());
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isIn(403, 404);
            ResponseEntity<String> unread = rest.withBasicAuth(intruder, intruder).getForEntity(
                    "/engine-rest/engine/{engine}/task/{id}/form-variables", String.class, engine.getName(), taskId);
            assertThat(unread.getStatusCode().value()).as(unread.getBody()).isIn(403, 404);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count())
                .isEqualTo(1);
    }

    /**
     * Step 11 客户拜访计划: the proposal is shown with its capacity; the customer manager raises two customers by one
     * visit and 确定, which starts the implement phase with the first week's 周工作安排.
     */
    int planVisits(PlanPhaseDriver driver, Run run) {
        String cm = run.customerManagerId();
        String period = run.month().toString();
        Map<String, Object> task = run.cm().task(run.businessKey(), "Task_PlanVisits");
        Map<String, Object> form = run.cm().formVariables(PlanPhaseDriver.id(task));
        int customers = count("select count(*) from visit_plan_customer where customer_manager_id = ? and period = ?",
                cm, period);
        int proposed = count("select coalesce(sum(proposed_frequency), 0) from visit_plan_customer "
                + "where customer_manager_id = ? and period = ?", cm, period);
        assertThat(((Number) form.get("customerCount")).intValue()).isEqualTo(customers)
                .isEqualTo(count("select count(*) from retail_customer where status = 'ACTIVE' and id in (" + customersOf()
                        + ")", cm));
        assertThat(((Number) form.get("plannedTotal")).intValue()).isEqualTo(proposed);
        assertThat(form.get("overCapacity")).isEqualTo(false);

        ResponseEntity<String> confirmed = run.cm().trySubmit(PlanPhaseDriver.id(task),
                driver.visitPlanSubmission(run, form));
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        run.outcome().completed("Task_PlanVisits");
        run.outcome().weeks = cycleWeeks.of((String) runtimeService.getVariable(run.processInstanceId(), CycleWeeks.WEEKS));
        assertThat(run.outcome().weeks).isEqualTo(cycleWeeks.remaining(period));
        assertThat(jdbc.queryForObject("select status from visit_plan where customer_manager_id = ? and period = ?",
                String.class, cm, period)).isEqualTo("CONFIRMED");
        // Two customers raised by one visit each: Σ planned = Σ proposed + 2.
        assertThat(count("select coalesce(sum(coalesce(a.planned_frequency, p.proposed_frequency)), 0) "
                + "from visit_plan_customer p left join visit_plan_adjustment a on a.customer_manager_id = "
                + "p.customer_manager_id and a.period = p.period and a.customer_id = p.customer_id "
                + "where p.customer_manager_id = ? and p.period = ?", cm, period)).isEqualTo(proposed + 2);
        // The implement phase begins with the first week's arrangement.
        assertThat(run.cm().task(run.businessKey(), "Task_ArrangeWeek").get("name"))
                .isEqualTo("周工作安排（" + run.outcome().weeks.get(0) + " 周）");
        return proposed;
    }

    private static String customersOf() {
        return PlanPhaseDriver.CUSTOMERS_OF;
    }

    int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }
}
