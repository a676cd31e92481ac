package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.customer.analysis.CustomerAnalysisService;
import cn.cm135.process.CycleVariables;

/**
 * A month-start analysis job that fails half-way (here: a constraint refuses one result row, as a crash or
 * a full disk would) leaves nothing behind, and its retry — the job executor's, or an operator's in
 * Cockpit — computes the month once, without duplicates.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalysisJobRetryTests {

    private static final YearMonth MONTH = YearMonth.of(2032, 3);
    private static final YearMonth ANALYSED = YearMonth.of(2032, 2);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CycleService cycles;
    @Autowired CustomerAnalysisService customers;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aFailedAnalysisJobLeavesNothingAndItsRetryComputesTheMonthOnce() {
        AbstractAssertions.init(engine);
        TestOrganization org = new TestOrganization(jdbc, "RTY");
        org.department("D1", "mm1", "钱重试");
        String cm = org.customerManager("D1", "cm1", "孙重试");
        org.spec("S1", "重试烟", "120", true);
        long c1 = org.customer("cm1", "C1", 10, "ACTIVE");
        long c2 = org.customer("cm1", "C2", 10, "ACTIVE");
        org.order(c1, "S1", LocalDate.of(2032, 2, 3), 10, "120");
        org.order(c1, "S1", LocalDate.of(2032, 2, 17), 5, "120");
        org.order(c2, "S1", LocalDate.of(2032, 2, 10), 7, "120");

        cycles.startMonth(MONTH);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(CycleVariables.businessKey(cm, MONTH)).singleResult();
        for (String step : List.of("Task_BackfillDemands", "Task_BackfillBrandTargets", "Task_ConfirmDemands")) {
            taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step)
                    .singleResult().getId());
        }
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_AnalyseCustomers")
                .singleResult();

        jdbc.execute("alter table customer_month_result add constraint ck_retry_test check (customer_id <> " + c2 + ")");
        try {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("insert into customer_month_result");
        } finally {
            jdbc.execute("alter table customer_month_result drop constraint ck_retry_test");
        }
        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("R5/PT1M: one of five retries used").isEqualTo(4);
        assertThat(failed.getExceptionMessage()).contains("insert into customer_month_result");
        assertThat(results()).as("the failed run's rows were rolled back").isZero();
        assertThat(claims()).as("and so was its claim on the month").isZero();

        managementService.executeJob(job.getId());
        assertThat(pi).isWaitingAt("Task_ReviewCustomerAnalysis");
        assertThat(results()).isEqualTo(2);
        assertThat(claims()).isEqualTo(1);
        // C1: 10 + 5 = 15 条 for 1,800.00 元 on 2 days; C2: 7 条.
        assertThat(customers.forCustomer(ANALYSED, c1).orElseThrow().volume()).isEqualTo(15);
        assertThat(customers.forCustomer(ANALYSED, c2).orElseThrow().volume()).isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from sales_month where month_start = ? and customer_id in (?, ?)",
                Integer.class, java.sql.Date.valueOf(ANALYSED.atDay(1)), c1, c2)).isEqualTo(2);
        runtimeService.deleteProcessInstance(pi.getId(), "test done");
    }

    private int results() {
        return jdbc.queryForObject("select count(*) from customer_month_result r join retail_customer c on c.id = r.customer_id "
                + "where r.period = ? and c.licence_no like 'RTY%'", Integer.class, ANALYSED.toString());
    }

    private int claims() {
        return jdbc.queryForObject("select count(*) from analysis_run where period = ? and kind = ?", Integer.class,
                ANALYSED.toString(), MonthlyAnalyses.CUSTOMERS);
    }
}
