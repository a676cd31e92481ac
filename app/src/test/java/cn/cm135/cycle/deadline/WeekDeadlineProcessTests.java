package cn.cm135.cycle.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.process.CycleVariables;

/**
 * The deadlines of the weeks on the real engine and the real monthly model, with the engine's clock moved: a
 * 日拜访记录 (step 13) and a 周工作小结 (step 15) left open are reminded at their due time (top of Tasklist, a comment
 * on the task) and go to the market manager two working days later, whose 督办意见 appears on the overdue task;
 * the other steps of the weeks and the month end (12, 14, 16) are reminded. Follow-up dates are the morning of the
 * due day. The instances start right at the step (Camunda's process instance modification), the way a month
 * reaches it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WeekDeadlineProcessTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String MONTH = "2034-06";

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;
    @Autowired CamundaIdentitySync identitySync;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOverdueVisitDayIsRemindedAndTwoWorkingDaysLaterSupervisedByTheMarketManager() {
        TestOrganization org = new TestOrganization(jdbc, "WDL");
        String mm = org.department("D1", "mm1", "钱督办");
        String cm = org.customerManager("D1", "cm1", "孙拖延");
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 6, 9, 7, 0)));   // Friday 9 June, morning
        ProcessInstance pi = startAt("Task_RecordVisits", cm, mm, Map.of("weekStart", "2034-06-05", "visitDate", "2034-06-09"));
        Task record = open(pi, "Task_RecordVisits");
        assertThat(record.getDueDate()).isEqualTo(date(LocalDateTime.of(2034, 6, 9, 20, 0)));
        assertThat(record.getFollowUpDate()).as("Tasklist's follow-up: the morning of the due day")
                .isEqualTo(date(LocalDateTime.of(2034, 6, 9, 7, 0)));

        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 6, 9, 20, 1)));
        fireDueTimers(pi, 1);
        record = open(pi, "Task_RecordVisits");
        assertThat(record.getPriority()).isEqualTo(RemindOverdueDelegate.OVERDUE_PRIORITY);
        assertThat(taskService.getTaskComments(record.getId())).extracting(Comment::getFullMessage).containsExactly(
                "「日拜访记录（2034-06-09 周五）」已到截止时间（6 月 9 日 20:00），请尽快完成；逾期 2 个工作日将转市场经理督办。");

        // Two working days after Friday 20:00: Tuesday 13 June 20:00 (the weekend does not count).
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 6, 13, 19, 59)));
        fireDueTimers(pi, 0);
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 6, 13, 20, 1)));
        fireDueTimers(pi, 1);
        Task supervise = open(pi, "Task_SuperviseOverdueVisits");
        assertThat(supervise.getAssignee()).isEqualTo(mm);
        assertThat(supervise.getName()).isEqualTo("督办逾期日拜访记录：孙拖延（2034-06-09）");
        assertThat(taskService.getVariableLocal(supervise.getId(), "overdueWork"))
                .isEqualTo("日拜访记录（2034-06-09），截止 6 月 9 日 20:00");
        assertThatThrownBy(() -> taskService.complete(supervise.getId())).hasMessageContaining("请填写督办意见");

        // 逾期工作: the market manager sees who is late where; another team's market manager does not.
        String other = org.department("D2", "mm2", "李别组");
        identitySync.syncAll(InitialPasswords.USER_ID);
        jdbc.update("insert into monthly_cycle (customer_manager_id, period, process_instance_id, started_at) "
                + "values (?, ?, ?, current_timestamp)", cm, MONTH, pi.getId());
        Document overdue = Jsoup.parse(rest.withBasicAuth(mm, mm).getForObject("/reports/overdue/" + MONTH, String.class));
        assertThat(overdue.select("table.report").first().select("tbody tr")).singleElement().extracting(Element::text)
                .isEqualTo("孙拖延 日拜访记录（2034-06-09 周五） 孙拖延 6 月 9 日 20:00 2");
        assertThat(rest.withBasicAuth(other, other).getForObject("/reports/overdue/" + MONTH, String.class))
                .as("another team's market manager").contains("逾期工作").doesNotContain("孙拖延");
        taskService.complete(supervise.getId(), Map.of("supervisionNote", "今天下班前补录"));
        assertThat(taskService.getTaskComments(record.getId())).extracting(Comment::getFullMessage)
                .as("the customer manager reads it on the overdue record").contains("督办意见（" + mm + "）：今天下班前补录");
        assertThat(open(pi, "Task_RecordVisits").getId()).as("the record itself stays open").isEqualTo(record.getId());
        runtimeService.deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void anOverdueWeekSummaryIsSupervisedAndTheOtherStepsAreReminded() {
        TestOrganization org = new TestOrganization(jdbc, "WDS");
        String mm = org.department("D1", "mm1", "钱督办");
        String cm = org.customerManager("D1", "cm1", "孙拖延");
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 6, 9, 19, 0)));
        ProcessInstance pi = startAt("Task_SummarizeWeek", cm, mm, Map.of("weekStart", "2034-06-05"));
        Task summary = open(pi, "Task_SummarizeWeek");
        assertThat(summary.getDueDate()).isEqualTo(date(LocalDateTime.of(2034, 6, 9, 18, 0)));
        fireDueTimers(pi, 1);
        assertThat(taskService.getTaskComments(summary.getId())).extracting(Comment::getFullMessage).containsExactly(
                "「周工作小结（2034-06-05 周）」已到截止时间（6 月 9 日 18:00），请尽快完成；逾期 2 个工作日将转市场经理督办。");
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 6, 13, 18, 1)));
        fireDueTimers(pi, 1);
        Task supervise = open(pi, "Task_SuperviseOverdueWeekSummary");
        assertThat(supervise.getName()).isEqualTo("督办逾期周工作小结：孙拖延（2034-06-05 周）");
        taskService.complete(supervise.getId(), Map.of("supervisionNote", "周三前补交"));
        assertThat(taskService.getTaskComments(summary.getId())).extracting(Comment::getFullMessage)
                .contains("督办意见（" + mm + "）：周三前补交");
        runtimeService.deleteProcessInstance(pi.getId(), "test done");

        // Step 12 is reminded at its due time and not escalated.
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2034, 6, 12, 7, 0)));
        ProcessInstance week = startAt("Task_ArrangeWeek", cm, mm, Map.of("weekStart", "2034-06-12"));
        Task arrange = open(week, "Task_ArrangeWeek");
        ClockUtil.setCurrentTime(new Date(arrange.getDueDate().getTime() + 60_000));
        fireDueTimers(week, 1);
        assertThat(taskService.getTaskComments(arrange.getId())).extracting(Comment::getFullMessage).singleElement()
                .asString().endsWith("已到截止时间（6 月 12 日 10:00），请尽快完成。");
        assertThat(open(week, "Task_ArrangeWeek").getPriority()).isEqualTo(RemindOverdueDelegate.OVERDUE_PRIORITY);
        runtimeService.deleteProcessInstance(week.getId(), "test done");
    }

    private ProcessInstance startAt(String activity, String cm, String mm, Map<String, Object> scope) {
        return runtimeService.createProcessInstanceByKey(CycleVariables.PROCESS_KEY)
                .businessKey(CycleVariables.businessKey(cm, java.time.YearMonth.parse(MONTH)))
                .setVariables(Map.of(CycleVariables.CUSTOMER_MANAGER_ID, cm, CycleVariables.MARKET_MANAGER_ID, mm,
                        CycleVariables.PERIOD, MONTH))
                .setVariables(scope)
                .startBeforeActivity(activity).execute();
    }

    private Task open(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    /** Fires the instance's timers that are due by the engine clock, expecting {@code expected} of them. */
    private void fireDueTimers(ProcessInstance pi, int expected) {
        List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().list();
        assertThat(due).as("timers due now").hasSize(expected);
        for (Job job : due) {
            managementService.executeJob(job.getId());
        }
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(SHANGHAI).toInstant());
    }
}
