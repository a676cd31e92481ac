package cn.cm135.planning.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.cycle.CycleService;
import cn.cm135.cycle.CycleStartResult;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;

/** Steps 1 and 1a on the real engine: forecast, submit, reject with a reason, approve, lock. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetCycleProcessTests {

    private static final YearMonth MONTH = YearMonth.parse(ForecastFixture.MONTH);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired CycleService cycles;
    @Autowired TargetService targets;
    @Autowired JdbcTemplate jdbc;

    ForecastFixture fixture;

    @BeforeAll
    void createData() {
        fixture = new ForecastFixture(jdbc, "TCP");
    }

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void monthGoesFromForecastThroughRejectionToLockedTargets() throws Exception {
        ProcessInstance pi = startAndPrefill();

        Task setTargets = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_SetTargets")
                .singleResult();
        assertThat(setTargets.getTaskDefinitionKey()).isEqualTo("Task_SetTargets");
        assertThat(setTargets.getAssignee()).isEqualTo(fixture.customerManager);
        assertThat(setTargets.getDueDate()).isEqualTo(
                Date.from(LocalDateTime.of(2026, 11, 5, 18, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        Map<String, Object> shown = taskService.getVariables(setTargets.getId());
        assertThat(shown).containsEntry("forecastVolume", 60L).containsEntry("forecastUnitValue", 146.36)
                .containsEntry("forecastKeyBrandGrowth", 30.0).containsEntry("forecastVisits", 7L)
                .containsEntry("volume", 60L).containsEntry("rejectionReason", null);

        // Out of range: refused, naming the field; nothing changes.
        assertThatThrownBy(() -> taskService.complete(setTargets.getId(), values(250000, "150.5", "25", 8)))
                .hasMessageContaining("目标销量（条）应在 1 到 200000 之间");
        assertThat(pi).isWaitingAt("Task_SetTargets");
        assertThat(targets.get(fixture.customerManager, MONTH).getStatus()).isEqualTo(ApprovalStatus.DRAFT);

        taskService.complete(setTargets.getId(), values(65, "150.5", "25", 8));
        assertThat(pi).isWaitingAt("Task_ApproveTargets");
        Task approve = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveTargets")
                .singleResult();
        assertThat(approve.getAssignee()).isEqualTo(fixture.marketManager);
        assertThat(targets.get(fixture.customerManager, MONTH).getStatus()).isEqualTo(ApprovalStatus.SUBMITTED);
        JsonNode history = new ObjectMapper().readTree(taskService.getVariableLocal(approve.getId(), "history").toString());
        assertThat(history).hasSize(12);
        assertThat(history.get(0).get("month").asText()).isEqualTo("2025-11");
        assertThat(history.get(0).get("volume").asLong()).isEqualTo(50);
        assertThat(history.get(0).get("unitValue").asText()).isEqualTo("140.00");
        assertThat(history.get(11).get("month").asText()).isEqualTo("2026-10");
        assertThat(history.get(11).get("unitValue").asText()).isEqualTo("140.00");
        assertThat(approve.getName()).isEqualTo("审批客户经理目标：李客户（2026-11）");

        // A rejection needs a reason, which the customer manager then sees.
        assertThatThrownBy(() -> taskService.complete(approve.getId(), Map.of("targetsDecision", "reject")))
                .hasMessageContaining("驳回时必须填写驳回原因");
        taskService.complete(approve.getId(), Map.of("targetsDecision", "reject", "rejectionReason", "销量目标偏低"));
        assertThat(pi).isWaitingAt("Task_SetTargets");
        Task reopened = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_SetTargets")
                .singleResult();
        assertThat(taskService.getVariableLocal(reopened.getId(), "rejectionReason")).isEqualTo("销量目标偏低");
        assertThat(taskService.getVariable(reopened.getId(), "volume")).isEqualTo(65L);
        assertThat(runtimeService.getVariable(pi.getId(), "targetsDecision")).isNull();
        assertThat(targets.get(fixture.customerManager, MONTH).getStatus()).isEqualTo(ApprovalStatus.REJECTED);

        taskService.complete(reopened.getId(), values(70, "150.5", "25", 8));
        Task approveAgain = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_ApproveTargets").singleResult();
        taskService.complete(approveAgain.getId(), Map.of("targetsDecision", "approve"));

        // The analysis path (not run here; a first month) still waits at step 2; the targets path is done.
        assertThat(pi).isNotEnded().hasPassed("Task_LockTargets").isWaitingAt("Task_BackfillDemands");
        MonthlyTarget locked = targets.get(fixture.customerManager, MONTH);
        assertThat(locked.getStatus()).isEqualTo(ApprovalStatus.LOCKED);
        assertThat(locked.values()).isEqualTo(new TargetValues(70, new BigDecimal("150.50"), new BigDecimal("25.00"), 8));
        assertThat(locked.approval().decidedBy()).isEqualTo(fixture.marketManager);
        assertThatThrownBy(() -> targets.edit(fixture.customerManager, MONTH,
                new TargetValues(80, new BigDecimal("150"), BigDecimal.TEN, 8)))
                .isInstanceOf(Refusal.class).hasMessageContaining("已批准");
        assertThat(targets.get(fixture.customerManager, MONTH).values().volume()).isEqualTo(70);
    }

    @Test
    void startingTheSameMonthTwiceStartsNothingNew() {
        String key = CycleVariables.businessKey(fixture.otherCustomerManager, YearMonth.of(2026, 12));
        CycleStartResult first = cycles.startMonth(YearMonth.of(2026, 12));
        CycleStartResult second = cycles.startMonth(YearMonth.of(2026, 12));
        assertThat(first.started()).contains(key);
        assertThat(second.started()).isEmpty();
        assertThat(second.alreadyRunning()).contains(fixture.otherCustomerManager);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count())
                .isEqualTo(1);
    }

    @Test
    void kickoffTimerStartsTheMonthItFiresIn() {
        var timer = managementService.createJobQuery().processDefinitionKey("cycle-kickoff").timers().singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getDayOfMonth()).isEqualTo(1);
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(6);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2027, 1, 1, 6, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        try {
            managementService.executeJob(timer.getId());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        String key = CycleVariables.businessKey(fixture.customerManager, YearMonth.of(2027, 1));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
    }

    /** Started on the month's first working day, as the kick-off timer would: the due dates never depend on today. */
    private ProcessInstance startAndPrefill() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(
                MONTH.atDay(2).atTime(6, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        CycleStartResult result;
        try {
            result = cycles.startMonth(MONTH);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        String key = CycleVariables.businessKey(fixture.customerManager, MONTH);
        assertThat(result.started()).contains(key);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
        assertThat(pi).isWaitingAt("Task_PrefillTargets");
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_PrefillTargets").singleResult().getId());
        return pi;
    }

    private static Map<String, Object> values(int volume, String unitValue, String growth, int visits) {
        return Map.of("volume", (long) volume, "unitValue", Double.valueOf(unitValue),
                "keyBrandGrowth", Double.valueOf(growth), "visits", (long) visits);
    }
}
