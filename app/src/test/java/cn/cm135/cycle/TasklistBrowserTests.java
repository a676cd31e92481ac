package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cm135.cycle.PlanPhaseDriver.Run;
import cn.cm135.postgres.OwnPostgresDatabase;
import cn.cm135.process.CycleVariables;

/**
 * A person in the real Tasklist, in the system Chromium (Debian {@code chromium} and {@code chromedriver};
 * {@code .ci/run} installs them, nothing is downloaded), at 1440×900 with the browser set to English, on the
 * team-size demo (cm01 serves 310 retailers, mm01 leads 12): cm01 and mm01 work every step of the month through its
 * forms (1–11, then the first of each of 12–16 as the month is lived to its end, the rest over REST), with bad input
 * and rejections; the database is checked after each 完成. Cockpit's
 * dashboard and Admin's user list are opened as well. On every page no visible word is English outside
 * {@link #ALLOWED}. Screenshots: {@code app/target/tasklist-screenshots/}.
 */
@OwnPostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "cm135.demo=true",
        "cm135.demo-size=team"})   // mm01 leads 12 customer managers of 300 retailers each
@ActiveProfiles({"test", "postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTests {

    static final YearMonth MONTH = E2eMonth.month();
    static final Path SHOTS = Path.of("target", "tasklist-screenshots");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Latin words a manager may see: product and code names, units. Everything else must be 中文. */
    static final Set<String> ALLOWED = Set.of("Camunda", "cm135", "cm01", "mm01", "yx01", "admin", "BPMN", "DMN",
            "ID", "CSV", "PDF", "API", "REST", "Platform", "UTC", "Excel");   // the footer's "Camunda Platform / v7.24.0"
    static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]+");
    /** Licence numbers, spec codes, user ids and versions (STWW2, 69010281, cm02, v7) are data, not English. */
    static final Pattern CODE = Pattern.compile("[A-Z0-9]*\\d[A-Z0-9]*|[A-Z]{2,6}\\d*|[a-z]+\\d+");

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProcessEngine engine;

    WebDriver browser;
    WebDriverWait wait;
    String signedIn;

    @DynamicPropertySource
    static void pinDemoToday(DynamicPropertyRegistry registry) {
        E2eMonth.pinDemoToday(MONTH);
    }

    @BeforeAll
    void chromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        org.junit.jupiter.api.Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                "no system Chromium here (.ci/run installs Debian chromium and chromium-driver)");
        assertThat(installed).as("CI must have the system Chromium: .ci/run installs chromium, chromium-driver").isTrue();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900",
                "--lang=en-US");   // an English browser: cm135 must still answer in 中文
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1440, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        ClockUtil.reset();
    }

    @Test
    void thePlanPhaseIsWorkedInTheRealTasklist() {
        long retailers = count("select count(*) from retail_customer c where c.id in (" + PlanPhaseDriver.CUSTOMERS_OF + ")",
                "cm01");
        long team = count("select count(*) from staff where role = 'CUSTOMER_MANAGER' and department_code = "
                + "(select code from market_department where market_manager_id = 'mm01')");
        System.out.printf("[BROWSER] cm01 serves %d retailers; mm01 leads %d customer managers%n", retailers, team);
        assertThat(retailers).as("a customer manager at real size").isBetween(280L, 320L);
        assertThat(team).as("a market manager's team at real size").isEqualTo(12);
        MonthChecks checks = new MonthChecks(rest, context);
        Run run = checks.startMonth("cm01", MONTH);
        PlanPhaseDriver driver = checks.planDriver(true);

        // Day 1: steps 1 and 1a in the browser, with an out-of-range value first; the rest of the day over REST.
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 1), 6, 5);
        driver.runJobs(run);
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 1), 8, 30);
        Task setTargets = task(run, "Task_SetTargets");
        int[] raised = new int[1];
        inBrowser("cm01", setTargets, "制定客户经理目标（" + MONTH + "）", "01-set-targets", () -> {
            assertThat(browser.findElements(By.xpath("//a[contains(normalize-space(),'发起流程') or contains("
                    + "normalize-space(),'新建任务')]")).stream().noneMatch(WebElement::isDisplayed))
                    .as("a customer manager is offered neither 发起流程 nor 新建任务").isTrue();
            WebElement volume = field("Field_Volume");
            String drafted = volume.getAttribute("value");
            type(volume, "0");
            complete();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "此项不能小于 1。"));
            shot("01-set-targets-out-of-range");
            assertChinese("制定客户经理目标 after 0");
            assertThat(taskService.createTaskQuery().taskId(setTargets.getId()).count()).as("nothing submitted").isEqualTo(1);
            raised[0] = (int) Math.round(Double.parseDouble(drafted) * 1.05 / 10) * 10;
            type(volume, String.valueOf(raised[0]));
        });
        assertThat(jdbc.queryForObject("select status || ':' || volume from monthly_target where customer_manager_id = "
                + "'cm01' and period = ?", String.class, MONTH.toString())).isEqualTo("SUBMITTED:" + raised[0]);

        PlanPhaseDriver.setClock(driver.planDay(MONTH, 1), 10, 0);
        inBrowser("mm01", task(run, "Task_ApproveTargets"), "审批", "01a-approve-targets",
                () -> click(browser.findElement(By.xpath("//label[normalize-space()='批准']"))));
        driver.runJobs(run);
        assertThat(jdbc.queryForObject("select status from monthly_target where customer_manager_id = 'cm01' "
                + "and period = ?", String.class, MONTH.toString())).isIn("APPROVED", "LOCKED");

        run.outcome().firstMonth = Boolean.TRUE.equals(runtimeService.getVariable(run.processInstanceId(),
                CycleVariables.FIRST_MONTH));
        if (run.outcome().firstMonth) {
            // cm01's first month in cm135: steps 2 and 3 make up what the month before would have recorded.
            PlanPhaseDriver.setClock(driver.planDay(MONTH, 1), 10, 30);
            String customer = jdbc.queryForObject("select licence_no from retail_customer where id in ("
                    + PlanPhaseDriver.CUSTOMERS_OF + ") order by licence_no limit 1", String.class, "cm01");
            inBrowser("cm01", task(run, "Task_BackfillDemands"), "补录上月客户直接需求", "02-backfill-demands", () -> {
                addRow(0);
                choose(field("Field_Customer"), customer);
                pick("Field_NeedType", "货源");
                type(field("Field_Content"), "希望增加紧俏规格的供应");
            });
            assertThat(count("select count(*) from customer_demand d join retail_customer c on c.id = d.customer_id "
                    + "where c.licence_no = ? and d.period = ? and d.content = '希望增加紧俏规格的供应'", customer,
                    MONTH.minusMonths(1).toString())).isEqualTo(1);
            PlanPhaseDriver.setClock(driver.planDay(MONTH, 1), 11, 0);
            inBrowser("cm01", task(run, "Task_BackfillBrandTargets"), "补做上月品牌分析目标", "03-backfill-brand-targets",
                    () -> { });
            driver.runJobs(run);
        }
        // Step 4: 完成 without the tick is refused by the listener, in 中文; with it the needs are confirmed.
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 1), 14, 0);
        inBrowser("cm01", task(run, "Task_ConfirmDemands"), "确认客户直接需求", "04-confirm-demands", () -> {
            complete();
            wait.until(b -> notifications().contains("提交任务表单时出错"));
            assertThat(notifications()).doesNotContain("ENGINE-", "Exception");
            shot("04-confirm-demands-refused");
            click(browser.findElement(By.cssSelector("input[type=checkbox][id*='Field_ConfirmDemands']")));
        });
        driver.runJobs(run);

        // Day 2: steps 5, 6 (a conclusion is required), 7 over REST (its brand targets are a list to edit), 8.
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 2), 9, 0);
        inBrowser("cm01", task(run, "Task_ReviewCustomerAnalysis"), "客户", "05-review-customer-analysis", () -> { });
        driver.runJobs(run);
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 2), 10, 0);
        inBrowser("cm01", task(run, "Task_ConfirmBrandAnalysis"), "品牌", "06-confirm-brand-analysis", () -> {
            complete();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "此项为必填项"));
            type(field("Field_BrandConclusions"), "重点品牌动销平稳，新品铺货率偏低，本月加强上柜推介。");
        });
        assertThat(jdbc.queryForObject("select count(*) from brand_month_result where period = ? and conclusions "
                + "like '重点品牌动销平稳%' and area_code in (select code from area where customer_manager_id = 'cm01')",
                Long.class, MONTH.minusMonths(1).toString())).as("the conclusion on last month's analysis").isPositive();
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 2), 11, 0);
        // Step 7: the proposal is a table; the changes list raises the first target by 50 (after -5 is refused by
        // form-js) and deletes the second.
        Task setBrandTargets = task(run, "Task_SetBrandTargets");
        com.fasterxml.jackson.databind.JsonNode proposal = json(taskService.getVariable(setBrandTargets.getId(), "brandTargets"));
        assertThat(proposal.size()).as("targets proposed").isGreaterThan(2);
        com.fasterxml.jackson.databind.JsonNode firstTarget = proposal.get(0);
        com.fasterxml.jackson.databind.JsonNode secondTarget = proposal.get(1);
        int raisedTarget = firstTarget.get("targetVolume").asInt() + 50;
        inBrowser("cm01", setBrandTargets, "品牌分析目标设置", "07-set-brand-targets", () -> {
            addRow(0);
            pick("Field_ChangeArea", 0, firstTarget.get("area").asText());
            choose(field("Field_ChangeSpec"), firstTarget.get("spec").asText());
            type(field("Field_ChangeVolume"), "-5");
            complete();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "此项不能小于 0。"));
            shot("07-set-brand-targets-out-of-range");
            assertThat(taskService.createTaskQuery().taskId(setBrandTargets.getId()).count()).as("nothing submitted").isEqualTo(1);
            type(field("Field_ChangeVolume"), String.valueOf(raisedTarget));
            addRow(0);
            pick("Field_ChangeArea", 1, secondTarget.get("area").asText());
            choose(fields("Field_ChangeSpec").get(1), secondTarget.get("spec").asText());
            click(fields("Field_ChangeDelete").get(1));
        });
        assertThat(count("select count(*) from brand_target where period = ? and area_code = ? and spec_code = ? "
                + "and target_volume = ?", MONTH.toString(), firstTarget.get("area").asText(), firstTarget.get("spec").asText(), raisedTarget))
                .as("the first target raised by 50").isEqualTo(1);
        assertThat(count("select count(*) from brand_target where period = ? and area_code in "
                + "(select code from area where customer_manager_id = 'cm01')", MONTH.toString()))
                .as("the second target deleted, the others kept").isEqualTo(proposal.size() - 1);
        assertThat(count("select count(*) from brand_target where period = ? and area_code = ? and spec_code = ?",
                MONTH.toString(), secondTarget.get("area").asText(), secondTarget.get("spec").asText())).isZero();
        assertThat(count("select count(*) from brand_target_customer where period = ? and spec_code = ? "
                + "and customer_id in (" + PlanPhaseDriver.CUSTOMERS_OF + ")", MONTH.toString(), firstTarget.get("spec").asText(),
                "cm01")).as("the raised target keeps its target customers")
                .isEqualTo(firstTarget.get("targetCustomers").size());
        driver.runJobs(run);
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 2), 14, 0);
        inBrowser("cm01", task(run, "Task_ConfirmMarketAnalysis"), "市场", "08-confirm-market-analysis",
                () -> type(field("Field_MarketConclusions"), "价格指数稳定，存销比正常，个别片区可销天数偏长。"));
        driver.runJobs(run); // 生成服务策略
        reportsWithCharts();
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 3), 9, 0);
        Task adjust = task(run, "Task_AdjustStrategies");
        long strategiesBefore = count("select count(*) from service_strategy where customer_manager_id = 'cm01' and period = ?",
                MONTH.toString());

        long dropped = jdbc.queryForObject("select min(id) from service_strategy where customer_manager_id = 'cm01' "
                + "and period = ?", Long.class, MONTH.toString());
        String licence = jdbc.queryForObject("select c.licence_no from retail_customer c where c.id in ("
                + PlanPhaseDriver.CUSTOMERS_OF + ") and not exists (select 1 from service_strategy s where s.customer_id = c.id "
                + "and s.period = ? and s.strategy_type = '个性化服务') order by c.licence_no limit 1", String.class, "cm01",
                MONTH.toString());
        inBrowser("cm01", adjust, "调整服务策略（" + MONTH + "）", "09-adjust-strategies",
                () -> dropOneAndAddOne(adjust, dropped, licence));
        assertThat(jdbc.queryForObject("select status || ':' || drop_reason from service_strategy where id = ?",
                String.class, dropped)).isEqualTo("DROPPED:客户本月外出，暂不执行");
        assertThat(count("select count(*) from service_strategy where customer_manager_id = 'cm01' and period = ?",
                MONTH.toString()))
                .as("one manual strategy added").isEqualTo(strategiesBefore + 1);
        assertThat(jdbc.queryForObject("select status from strategy_plan where customer_manager_id = 'cm01' "
                + "and period = ?", String.class, MONTH.toString())).isEqualTo("SUBMITTED");

        // mm01 approves.
        driver.runJobs(run);
        inBrowser("mm01", task(run, "Task_ApproveStrategies"), "审核服务策略", "09a-approve-strategies",
                () -> click(browser.findElement(By.xpath("//label[contains(normalize-space(),'审核通过')]"))));
        assertThat(jdbc.queryForObject("select status from strategy_plan where customer_manager_id = 'cm01' "
                + "and period = ?", String.class, MONTH.toString())).isEqualTo("LOCKED");

        // Day 4: step 10 月度工作计划, rejected once by mm01 with a reason, raised by cm01, approved; step 11 opens.
        driver.runJobs(run);
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 4), 9, 0);
        String[] top = new String[1];
        inBrowser("cm01", task(run, "Task_SetWorkPlan"), "月度工作计划", "10-set-work-plan", () -> {
            top[0] = field("Field_VisitsTop").getAttribute("value");
        });
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 4), 10, 0);
        inBrowser("mm01", task(run, "Task_ApproveWorkPlan"), "月度工作计划", "10a-approve-work-plan-reject", () -> {
            click(browser.findElement(By.xpath("//label[contains(normalize-space(),'驳回')]")));
            complete();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "此项为必填项"));
            type(field("Field_RejectionReason"), "25–30 档客户拜访次数偏少，请增加后重新提交");
        });
        assertThat(jdbc.queryForObject("select status from monthly_work_plan where customer_manager_id = 'cm01' "
                + "and period = ?", String.class, MONTH.toString())).isEqualTo("REJECTED");
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 4), 11, 0);
        int raisedTop = Integer.parseInt(top[0]) + 20;
        inBrowser("cm01", task(run, "Task_SetWorkPlan"), "月度工作计划", "10-set-work-plan-again", () -> {
            assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
                    .as("the market manager's reason shows").contains("25–30 档客户拜访次数偏少");
            type(field("Field_VisitsTop"), String.valueOf(raisedTop));
        });
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 4), 14, 0);
        inBrowser("mm01", task(run, "Task_ApproveWorkPlan"), "月度工作计划", "10a-approve-work-plan",
                () -> click(browser.findElement(By.xpath("//label[contains(normalize-space(),'审核通过')]"))));
        assertThat(jdbc.queryForObject("select status || ':' || visits_top from monthly_work_plan where customer_manager_id "
                + "= 'cm01' and period = ?", String.class, MONTH.toString())).isIn("APPROVED:" + raisedTop,
                "LOCKED:" + raisedTop);
        driver.runJobs(run);
        assertThat(task(run, "Task_PlanVisits")).as("step 11 opens after the approval").isNotNull();

        // Step 11 客户拜访计划: one customer one visit more, with a reason, in the exceptions list; 完成 = 确定.
        PlanPhaseDriver.setClock(driver.planDay(MONTH, 4), 15, 0);
        Map<String, Object> first = jdbc.queryForMap("select c.licence_no, p.customer_id, p.proposed_frequency "
                + "from visit_plan_customer p join retail_customer c on c.id = p.customer_id "
                + "where p.customer_manager_id = 'cm01' and p.period = ? order by c.licence_no limit 1", MONTH.toString());
        int more = ((Number) first.get("proposed_frequency")).intValue() + 1;
        inBrowser("cm01", task(run, "Task_PlanVisits"), "客户拜访计划", "11-plan-visits", () -> {
            assertThat(browser.findElements(By.cssSelector(".fjs-table-tr")).size())
                    .as("one page of the customers, not all of them").isLessThanOrEqualTo(16 + 30);
            addRow(0);
            choose(field("Field_ChangeCustomer"), (String) first.get("licence_no"));
            type(field("Field_ChangeFrequency"), String.valueOf(more));
            type(field("Field_ChangeReason"), "婚庆旺季，多走一次");
            shot("11-plan-visits-filled");
        });
        assertThat(jdbc.queryForObject("select status from visit_plan where customer_manager_id = 'cm01' and period = ?",
                String.class, MONTH.toString())).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select planned_frequency || ':' || reason from visit_plan_adjustment "
                + "where customer_manager_id = 'cm01' and period = ? and customer_id = ?", String.class, MONTH.toString(),
                first.get("customer_id"))).isEqualTo(more + ":婚庆旺季，多走一次");

        workTheMonth(checks, run, driver.planDay(MONTH, 4));
    }

    /**
     * Steps 12–16, day by day to the month's end: the first of each task in the browser (周工作安排, a 日拜访记录 with
     * bad input and edits, 周工作小结, 任务执行标注与结果提交, mm01's 结果审核, 月度工作总结), the others over REST.
     */
    private void workTheMonth(MonthChecks checks, Run run, java.time.LocalDate from) {
        ImplementPhaseDriver implement = checks.implementDriver();
        Set<String> done = new java.util.HashSet<>();
        implement.byHand("Task_ArrangeWeek", (t, day) -> done.add("12") && arrangeWeek(task(t)))
                .byHand("Task_RecordVisits", (t, day) -> !done.contains("13") && recordDay(task(t), day) && done.add("13"))
                .byHand("Task_SummarizeWeek", (t, day) -> done.add("15") && summarizeWeek(task(t)))
                .byHand("Task_MarkExecution", (t, day) -> done.add("14") && markExecution(task(t)))
                .byHand("Task_ApproveResults", (t, day) -> done.add("14a") && approveResults(task(t)))
                .byHand("Task_SummarizeMonth", (t, day) -> done.add("16") && summarizeMonth(task(t)));
        for (java.time.LocalDate day = from; !day.isAfter(MONTH.plusMonths(1).atDay(3)) && runtimeService
                .createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count() > 0; day = day.plusDays(1)) {
            if (ImplementPhaseDriver.before(day, ImplementPhaseDriver.MORNING)) {
                ImplementPhaseDriver.setClock(day, ImplementPhaseDriver.MORNING);
                implement.work(run, day, false);
            }
            ImplementPhaseDriver.setClock(day, ImplementPhaseDriver.EVENING);
            implement.work(run, day, true);
        }
        assertThat(done).as("every implement-phase task worked in the browser once")
                .containsExactlyInAnyOrder("12", "13", "15", "14", "14a", "16");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count())
                .as("the month ended").isZero();
        assertThat(jdbc.queryForObject("select status from month_result where customer_manager_id = 'cm01' and period = ?",
                String.class, MONTH.toString())).isIn("APPROVED", "LOCKED");
    }

    /** Step 12: 完成 without the week's brand focus is refused; with both focuses the proposed routes stand. */
    private boolean arrangeWeek(Task task) {
        inBrowser("cm01", task, "周工作安排", "12-arrange-week", () -> {
            // The generated retailers have coordinates: each day's optimised route and its saving are shown.
            String form = browser.findElement(By.cssSelector(".fjs-container")).getText();
            assertThat(form).contains("各日线路：默认顺序与优化顺序").containsPattern("本周 \\d+ 天按优化顺序共 [0-9.]+ 公里，比默认顺序少 [0-9.]+ 公里（\\d+%）")
                    .containsPattern("优化后 [0-9.]+ 公里 / 约 \\d+ 分钟");
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                    browser.findElement(By.xpath("//*[contains(text(), '每日拜访线路')]")));
            shot("12-arrange-week-routes");
            type(field("Field_MarketFocus"), "收集重点规格实际零售价，留意断货");
            type(field("Field_BrandFocus"), "");
            complete();
            wait.until(b -> notifications().contains("品牌培育重点") || b.findElement(By.cssSelector(".fjs-container"))
                    .getText().contains("此项为必填项"));
            shot("12-arrange-week-refused");
            assertChinese("周工作安排 without the brand focus");
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("nothing submitted").isEqualTo(1);
            type(field("Field_BrandFocus"), "新品上柜，目标客户逐户推介");
        });
        assertThat(jdbc.queryForObject("select count(*) from week_arrangement where customer_manager_id = 'cm01' "
                + "and brand_focus = '新品上柜，目标客户逐户推介'", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from day_route where customer_manager_id = 'cm01' and optimised "
                + "and optimised_meters < default_meters", Long.class)).as("arranged days ordered by the optimiser").isPositive();
        return true;
    }

    /**
     * Step 13 in the embedded form, one customer at a time: a count that is not a number is refused with the
     * customer, spec and field named, then fixed; the first customer visited with a price, a shelf check, a ★ and a
     * need; the second not visited. The database then holds exactly that.
     */
    private boolean recordDay(Task task, java.time.LocalDate day) {
        com.fasterxml.jackson.databind.JsonNode visits = json(taskService.getVariable(task.getId(), "visits"));
        if (visits.size() < 2) {
            return false; // a day with two customers at least shows both halves of the form
        }
        long firstCustomer = visits.get(0).get("customer").asLong();
        long secondCustomer = visits.get(1).get("customer").asLong();
        String spec = json(taskService.getVariable(task.getId(), "keySpecOptions")).get(0).get("value").asText();
        String[] star = new String[1];
        inBrowser("cm01", task, "日拜访记录", "13-record-visits", () -> {
            assertThat(browser.findElements(By.cssSelector(".cm135-counts tbody tr")).size())
                    .as("the key specs of the customer being recorded, not the day's every row")
                    .isEqualTo(json(taskService.getVariable(task.getId(), "keySpecOptions")).size());
            select("effect", "好");
            type(named("opinions"), "希望紧俏规格多投放一些");
            type(named("inventory"), "十二");
            complete();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cm135-problems")));
            waitQuiet(); // the form scrolls its list of mistakes into view
            assertThat(browser.findElement(By.cssSelector(".cm135-problems")).getText())
                    .contains("库存（条）须为 0 到 100000 的整数，收到“十二”");
            shot("13-record-visits-refused");
            assertChinese("日拜访记录 after a bad count");
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("nothing submitted").isEqualTo(1);
            type(named("inventory"), "12");
            type(named("retailPrice"), "230.5");
            select("onShelf", "是");
            List<WebElement> strategies = browser.findElements(By.cssSelector("input[name=strategyDone]"));
            if (!strategies.isEmpty()) {
                click(strategies.get(0));
                star[0] = strategies.get(0).findElement(By.xpath("..")).getText().strip().split(" · ")[0];
            }
            click(browser.findElement(By.name("addNeed")));
            select("needType", "货源");
            type(named("needContent"), "下月希望增加紧俏规格的供应");
            click(browser.findElement(By.xpath("//button[normalize-space()='下一户']")));
            click(named("visited"));
            type(named("note"), "店主外出，未见面");
            type(browser.findElement(By.name("feelings")), "按线路走访，客户对新品认可度较高。");
            shot("13-record-visits-filled");
        });
        assertThat(jdbc.queryForList("select customer_id || ':' || visited || ':' || coalesce(effect, '') || ':' "
                + "|| coalesce(note, '') from visit_record where customer_manager_id = 'cm01' and visit_date = ? "
                + "and customer_id in (?, ?) order by customer_id = ? desc", String.class, day, firstCustomer,
                secondCustomer, firstCustomer)).containsExactly(firstCustomer + ":true:好:", secondCustomer + ":false::店主外出，未见面");
        assertThat(count("select count(*) from visit_record where customer_manager_id = 'cm01' and visit_date = ?", day))
                .as("one record per customer of the day").isEqualTo(visits.size());
        assertThat(jdbc.queryForObject("select inventory || ':' || retail_price || ':' || on_shelf from field_observation "
                + "where customer_id = ? and spec_code = ? and observed_on = ?", String.class, firstCustomer, spec, day))
                .isEqualTo("12:230.50:true");
        assertThat(count("select count(*) from field_observation where observed_on = ? and customer_id = ?", day,
                secondCustomer)).as("blank counts are not recorded").isZero();
        assertThat(count("select count(*) from customer_demand where customer_id = ? and content = "
                + "'下月希望增加紧俏规格的供应'", firstCustomer)).isEqualTo(1);
        if (star[0] != null) {
            assertThat(jdbc.queryForObject("select status from service_strategy where id = ?", String.class,
                    Long.valueOf(star[0]))).isEqualTo("DONE");
        }
        return true;
    }

    /** Step 15: the suggested status kept, the two judgements written. */
    private boolean summarizeWeek(Task task) {
        inBrowser("cm01", task, "周工作小结", "15-summarize-week", () -> {
            type(field("Field_Rationality"), "线路安排与拜访频次匹配，周一客户偏多");
            type(field("Field_Effectiveness"), "策略执行按计划推进，新品上柜进展正常");
        });
        return true;
    }

    /** Step 14: one more strategy ★ and 结果提交. */
    private boolean markExecution(Task task) {
        inBrowser("cm01", task, "任务执行标注与结果提交", "14-mark-execution", () -> {
            List<WebElement> open = browser.findElements(By.cssSelector("input[type=checkbox][id*='Field_MarkedStrategies']"));
            if (!open.isEmpty()) {
                click(open.get(0));
            }
        });
        return true;
    }

    /** 结果审核 by mm01: approved. */
    private boolean approveResults(Task task) {
        inBrowser("mm01", task, "结果审核", "14a-approve-results", () -> {
            pick("Field_Decision", "审核通过");
        });
        return true;
    }

    /** Step 16: the evaluation (five texts, each required) and next month's improvement. */
    private boolean summarizeMonth(Task task) {
        inBrowser("cm01", task, "月度工作总结", "16-summarize-month", () -> {
            type(field("Field_AnalysisAccuracy"), "客户分级与实际走访情况基本一致");
            type(field("Field_PlanRationality"), "拜访频次合理，个别线路客户偏多");
            type(field("Field_GoodPractice"), "按策略逐户推介新品，上柜率提高");
            type(field("Field_Shortcomings"), "部分客户未见面，需求收集不全");
            type(field("Field_ImprovementMeasures"), "下月逐户回访未见面的客户；紧俏规格提前备货");
        });
        assertThat(count("select count(*) from month_summary where customer_manager_id = 'cm01' and period = ? "
                + "and improvement_measures like '下月逐户回访%'", MONTH.toString())).isEqualTo(1);
        return true;
    }

    /**
     * An overdue 日拜访记录 escalated to the market manager (Task_SuperviseOverdueVisits, form supervise-overdue-work):
     * cm02's visit day of Friday 9 June 2034, still open eleven days later. mm01 opens 督办逾期日拜访记录 in Tasklist;
     * 完成 without 督办意见 is refused and nothing is submitted; with it, the note reaches the overdue record as a
     * comment and the record stays open. The instance starts right at the step (process instance modification).
     */
    @Test
    void anOverdueVisitDayIsSupervisedInTheRealTasklist() {
        YearMonth month = YearMonth.of(2034, 6);
        ClockUtil.setCurrentTime(shanghai(LocalDateTime.of(2034, 6, 9, 7, 0)));
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(CycleVariables.PROCESS_KEY)
                .businessKey(CycleVariables.businessKey("cm02", month))
                .setVariables(Map.of(CycleVariables.CUSTOMER_MANAGER_ID, "cm02", CycleVariables.MARKET_MANAGER_ID, "mm01",
                        CycleVariables.PERIOD, month.toString(), "weekStart", "2034-06-05", "visitDate", "2034-06-09"))
                .startBeforeActivity("Task_RecordVisits").execute();
        try {
            // Eleven days on: the reminder at the due time and the escalation two working days later are both due.
            ClockUtil.setCurrentTime(shanghai(LocalDateTime.of(2034, 6, 20, 21, 0)));
            ManagementService management = engine.getManagementService();
            for (int round = 0; round < 5; round++) {
                List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).timers().executable().list();
                due.forEach(job -> management.executeJob(job.getId()));
            }
            Task record = taskService.createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey("Task_RecordVisits").singleResult();
            Task supervise = taskService.createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey("Task_SuperviseOverdueVisits").singleResult();
            assertThat(supervise.getAssignee()).isEqualTo("mm01");
            inBrowser("mm01", supervise, "督办逾期日拜访记录", "17-supervise-overdue-visits", () -> {
                assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
                        .contains("日拜访记录（2034-06-09），截止 6 月 9 日 20:00");
                complete();
                wait.until(b -> notifications().contains("督办意见") || b.findElement(By.cssSelector(".fjs-container"))
                        .getText().contains("此项为必填项"));
                shot("17-supervise-overdue-visits-refused");
                assertChinese("督办逾期日拜访记录 without 督办意见");
                assertThat(taskService.createTaskQuery().taskId(supervise.getId()).count()).as("nothing submitted")
                        .isEqualTo(1);
                type(field("Field_SupervisionNote"), "今天下班前补录，明早电话确认");
            });
            assertThat(taskService.getTaskComments(record.getId())).extracting(Comment::getFullMessage)
                    .as("cm02 reads it on the overdue record").contains("督办意见（mm01）：今天下班前补录，明早电话确认");
            assertThat(taskService.createTaskQuery().taskId(record.getId()).count()).as("the record stays open").isEqualTo(1);
        } finally {
            runtimeService.deleteProcessInstance(pi.getId(), "test done");
            ClockUtil.reset();
        }
    }

    private static java.util.Date shanghai(LocalDateTime time) {
        return java.util.Date.from(time.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    void cockpitAndAdminSpeakChinese() {
        login("yx01", "/camunda/app/cockpit/" + engine.getName() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard, [cam-widget-header], .cam-brand")));
        waitQuiet();
        shot("cockpit-dashboard");
        assertChinese("Cockpit dashboard");

        login("admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(normalize-space(),'发起流程')]")));

        login("admin", "/camunda/app/admin/" + engine.getName() + "/#/users");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table")));
        waitQuiet();
        shot("admin-users");
        assertChinese("Admin users");

        // The API's description opens with the same browser's login (no second password), its groups in 中文.
        browser.get("http://localhost:" + port + "/api/docs");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#swagger-ui"), "客户经理目标"));
        waitQuiet();
        shot("api-docs");
        assertThat(browser.findElement(By.cssSelector("#swagger-ui")).getText()).contains("cm135 客户经理135工作法 API",
                "月度工作计划", "数据导入");
    }

    /**
     * The analysed month's reports as cm01 opens them from the forms (same browser login): each draws its charts
     * (ECharts, SVG) above the tables, in 中文.
     */
    private void reportsWithCharts() {
        String analysed = MONTH.minusMonths(1).toString();
        for (String report : List.of("business-effect", "brand-status", "market-analysis")) {
            browser.get(url("/reports/" + report + "/" + analysed));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
            waitQuiet();
            assertThat(browser.findElements(By.cssSelector(".chart svg")).size()).as(report + " charts drawn")
                    .isEqualTo(browser.findElements(By.cssSelector(".chart")).size());
            shot("report-" + report);
            assertChinese("report " + report);
        }
    }

    /**
     * Step 9's edits: a drop row without a strategy (form-js refuses), the same strategy listed twice (the
     * listener refuses, nothing stored), then {@code dropped} dropped with a reason and a manual strategy for
     * {@code licence}.
     */
    private void dropOneAndAddOne(Task adjust, long dropped, String licence) {
        assertThat(browser.findElements(By.cssSelector(".fjs-table-tr")).size())
                .as("the table shows one page of 10, not all strategies").isBetween(10, 11);
        addRow(0);
        type(field("Field_DropReason"), "客户本月外出，暂不执行");
        complete();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "此项为必填项"));
        shot("09-adjust-strategies-required");
        assertChinese("调整服务策略 after a missing strategy");
        assertThat(taskService.createTaskQuery().taskId(adjust.getId()).count()).as("nothing submitted").isEqualTo(1);

        choose(field("Field_DropStrategy"), dropped + " ·");
        addRow(0);
        choose(browser.findElements(By.cssSelector("input[id*='Field_DropStrategy']")).get(1), dropped + " ·");
        type(browser.findElements(By.cssSelector("input[id*='Field_DropReason']")).get(1), "重复");
        complete();
        wait.until(b -> notifications().contains("重复列出"));
        shot("09-adjust-strategies-refused");
        assertThat(notifications()).contains("删除策略第 2 行：策略编号 " + dropped + " 重复列出")
                .doesNotContain("ENGINE-", "Exception", "Cannot");
        click(browser.findElements(By.cssSelector(".fjs-container .fjs-repeat-row-remove")).get(1));
        assertThat(jdbc.queryForObject("select status from service_strategy where id = ?", String.class, dropped))
                .as("the refused submission changed nothing").isEqualTo("OPEN");

        addRow(1);
        type(field("Field_ManualLicence"), licence);
        pick("Field_ManualType", "个性化服务");
        type(field("Field_ManualContent"), "每周三上午电话提醒订货");
        shot("09-adjust-strategies-filled");
    }

    // --- the person's actions ---

    /** Types {@code search} into a searchable select and picks the first match, as a person would. */
    private void choose(WebElement select, String search) {
        click(select);
        select.sendKeys(search);
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-dropdownlist-item"))));
    }

    /** Opens a form-js select that has no search box and picks {@code option}. */
    private void pick(String componentId, String option) {
        pick(componentId, 0, option);
    }

    /** As {@link #pick(String, String)}, in row {@code row} of a dynamic list. */
    private void pick(String componentId, int row, String option) {
        By groups = By.xpath("//*[contains(@id,'" + componentId + "')]/ancestor::*[contains(@class,"
                + "'fjs-form-field')][1]//*[contains(@class,'fjs-input-group')]");
        wait.until(b -> b.findElements(groups).size() > row);   // a row just added renders in the next frame
        click(browser.findElements(groups).get(row));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']"))));
    }

    /** {@code user} opens the task, checks its texts, does {@code fill} and 完成; prints how long both took. */
    private void inBrowser(String user, Task task, String title, String shot, Runnable fill) {
        assertThat(task).as("%s's task %s", user, title).isNotNull();
        if (!user.equals(signedIn)) {
            login(user);
        }
        double opened = openTask(task, title);
        shot(shot);
        assertChinese(task.getName());
        fill.run();
        long pressed = complete();
        double completed = awaitCompleted(task, pressed);
        System.out.printf("[BROWSER] %s: form open %.2f s, 完成 %.2f s%n", task.getName(), opened, completed);
    }

    private void login(String user) {
        login(user, "/camunda/app/tasklist/" + engine.getName() + "/");
    }

    private void login(String user, String app) {
        signedIn = user;
        browser.manage().deleteAllCookies();
        browser.get(url(app));
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        WebElement name = browser.findElement(By.xpath("//input[@type='password']/ancestor::form//input[not(@type='password')]"));
        name.clear();
        name.sendKeys(user);
        password.sendKeys(user);
        password.submit();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    }

    /** Opens the task the way a link from the list does; the seconds until the form shows its fields. */
    private double openTask(Task task, String title) {
        long started = System.nanoTime();
        browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + task.getId()));
        // A Camunda Form's first field, or the embedded 日拜访记录's heading.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".fjs-container .fjs-form-field, .cm135-record-visits h3")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), title));
        waitQuiet();
        return MonthChecks.seconds(System.nanoTime() - started);
    }

    /**
     * As a person finishing a form: leaves the last field (form-js takes a typed value a moment after the last key:
     * a 完成 pressed within that moment would submit the value before), closes Tasklist's notifications (×), then
     * presses 完成.
     */
    private long complete() {
        letFormJsTakeInput();
        for (WebElement close : browser.findElements(By.cssSelector(".page-notifications .close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        // The shown form's button: Tasklist may keep the previous task's form in the page for a moment.
        List<WebElement> buttons = browser.findElements(By.xpath("//button[normalize-space()='完成']")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(buttons).as("one 完成 button shown").hasSize(1);
        long pressed = System.nanoTime();
        click(buttons.get(0));
        return pressed;
    }

    /** Waits until the engine has the task completed; the seconds since 完成 was pressed. */
    private double awaitCompleted(Task task, long pressed) {
        String[] said = {""};   // Tasklist's notifications fade: keep what they said while waiting
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50)).until(b -> {
                String now = notifications();
                if (!now.isBlank()) {
                    said[0] = now;
                }
                return taskService.createTaskQuery().taskId(task.getId()).count() == 0;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("still-open-" + task.getTaskDefinitionKey());
            String fieldErrors = (String) ((JavascriptExecutor) browser).executeScript("return Array.from(document"
                    + ".querySelectorAll('.fjs-form-field-error')).map(e => (e.closest('.fjs-form-field')||e).innerText)"
                    + ".join(' | ')");
            throw new AssertionError("the task is still open; Tasklist said: " + said[0] + "; fields: " + fieldErrors, e);
        }
        return MonthChecks.seconds(System.nanoTime() - pressed);
    }

    private String notifications() {
        return browser.findElements(By.cssSelector(".notifications, .page-notifications")).stream()
                .map(WebElement::getText).reduce("", String::concat);
    }

    /** The n-th 「新增一行」 button of the form (0: first dynamic list). */
    /**
     * Leaves the field and waits out form-js's input delay (its change of a dynamic-list field arrives later and
     * carries the list as it was typed in: a row added meanwhile would be lost, a 完成 would submit the old value).
     */
    private void letFormJsTakeInput() {
        // form-js takes a typed value after a debounce timer. Waiting with a timer of the page itself, queued after
        // that one and longer, outlasts it however slow a loaded machine runs the page (a sleep here did not: a
        // reason typed under load was still unseen at 完成).
        ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "if (document.activeElement) document.activeElement.blur();"
                + "setTimeout(function () { requestAnimationFrame(function () { setTimeout(done, 0); }); }, 600);");
    }

    private void addRow(int n) {
        letFormJsTakeInput();
        List<WebElement> add = browser.findElements(By.cssSelector(".fjs-container .fjs-repeat-render-add"));
        assertThat(add).as("add buttons").hasSizeGreaterThan(n);
        click(add.get(n));
    }

    /** An input of the embedded form, by name, as shown now (the first when several rows carry it). */
    private WebElement named(String name) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.name(name)));
    }

    private void select(String name, String option) {
        new org.openqa.selenium.support.ui.Select(named(name)).selectByVisibleText(option);
    }

    private Task task(Map<String, Object> restTask) {
        return taskService.createTaskQuery().taskId(PlanPhaseDriver.id(restTask)).singleResult();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Object variable) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(variable.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inputs of a form-js component, one a row of its dynamic list. */
    private List<WebElement> fields(String componentId) {
        return browser.findElements(By.cssSelector("[id*='" + componentId + "']:is(input, textarea)"));
    }

    private WebElement field(String componentId) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "[id*='" + componentId + "']:is(input, textarea)")));
    }

    /** Scrolls the element to the middle of the window first, as a person would, then clicks it. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void type(WebElement input, String text) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.clear();
        // As a person empties a field (clear() alone fires no input event for form-js or Angular).
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    private void waitQuiet() {
        try {
            Thread.sleep(700); // form-js and Angular render in a few frames; the script translates in the next one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every visible word of the page is 中文, a code or number, or on the allow-list. */
    private void assertChinese(String page) {
        String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
        List<String> english = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            // A test JVM holds several engines (one per cached context), so the header shows the engine's name.
            boolean engineName = word.startsWith("processEngine");
            if (!ALLOWED.contains(word) && !CODE.matcher(word).matches() && !engineName && !english.contains(word)) {
                english.add(word);
            }
        }
        assertThat(english).as("English on %s", page).isEmpty();
    }

    private Task task(Run run, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(run.businessKey()).taskDefinitionKey(key)
                .singleResult();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
