package cn.cm135.cycle.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.cycle.CycleService;
import cn.cm135.process.CycleVariables;

/**
 * The plan phase's deadlines on the real engine, with the engine's clock moved: at the due date the
 * customer manager's open tasks are flagged; two working days later the market manager gets a 督办 task.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanDeadlineProcessTests {

    private static final YearMonth MONTH = YearMonth.of(2034, 5);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CycleService cycles;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void dueDateRemindsTheCustomerManagerAndTwoWorkingDaysLaterTheMarketManagerSupervises() {
        TestOrganization org = new TestOrganization(jdbc, "DLN");
        String mm = org.department("D1", "mm1", "钱督办");
        String cm = org.customerManager("D1", "cm1", "孙逾期");
        org.customer("cm1", "C1", 10, "ACTIVE");
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 5, 1, 6, 0)));
        cycles.startMonth(MONTH);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(CycleVariables.businessKey(cm, MONTH)).singleResult();

        // Due Friday 5 May 18:00; two working days later is Tuesday 9 May (Saturday and Sunday don't count).
        assertThat(runtimeService.getVariable(pi.getId(), CycleVariables.PLAN_DUE_DATE))
                .isEqualTo(date(LocalDateTime.of(2034, 5, 5, 18, 0)));
        assertThat(runtimeService.getVariable(pi.getId(), CycleVariables.ESCALATION_DATE))
                .isEqualTo(date(LocalDateTime.of(2034, 5, 9, 18, 0)));
        assertThat(executableTimers(pi)).isZero();

        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 5, 5, 18, 1)));
        Job due = managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().singleResult();
        assertThat(due.getDuedate()).isEqualTo(date(LocalDateTime.of(2034, 5, 5, 18, 0)));
        managementService.executeJob(due.getId());
        Task open = taskService.createTaskQuery().processInstanceId(pi.getId()).taskAssignee(cm)
                .taskDefinitionKey("Task_BackfillDemands").singleResult();
        assertThat(open.getPriority()).isEqualTo(RemindOverdueDelegate.OVERDUE_PRIORITY);
        assertThat(taskService.getTaskComments(open.getId())).extracting(Comment::getFullMessage)
                .containsExactly("计划已到截止时间（5 月 5 日 18:00），请尽快完成；逾期两个工作日将转市场经理督办。");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskAssignee(mm).count())
                .as("no escalation yet on Monday").isZero();

        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 5, 8, 18, 0)));
        assertThat(executableTimers(pi)).isZero();
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 5, 9, 18, 1)));
        Job escalation = managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().singleResult();
        managementService.executeJob(escalation.getId());

        Task supervise = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_SuperviseOverduePlan").singleResult();
        assertThat(supervise.getAssignee()).isEqualTo(mm);
        assertThat(supervise.getName()).isEqualTo("督办逾期计划：孙逾期（2034-05）");
        assertThat((String) taskService.getVariableLocal(supervise.getId(), "openSteps"))
                .contains("补录上月客户直接需求（2034-04）");
        assertThatThrownBy(() -> taskService.complete(supervise.getId())).hasMessageContaining("请填写督办意见");
        taskService.complete(supervise.getId(), Map.of("supervisionNote", "已电话督促，周三前完成"));
        assertThat(taskService.getProcessInstanceComments(pi.getId())).extracting(Comment::getFullMessage)
                .contains("督办意见（" + mm + "）：已电话督促，周三前完成");
        assertThat(runtimeService.getActivityInstance(pi.getId()).getActivityInstances("SubProcess_PlanPhase"))
                .as("the phase itself goes on").hasSize(1);
        runtimeService.deleteProcessInstance(pi.getId(), "test done");
    }

    private long executableTimers(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().count();
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(SHANGHAI).toInstant());
    }
}
