package cn.cm135.planning.visits;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.Cm135Application;
import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.customer.ledger.NegotiatedQuantityService;
import cn.cm135.process.CycleVariables;

/**
 * Times step 11 for one customer manager with many customers (default 300, the upper end of domain.md's
 * 150–400) on an in-memory H2: the proposal, the plan with its 商定总量, the task's create listener and the
 * size of the form's variables, a completion that adjusts every customer. Not a test: it prints figures.
 *
 * <pre>
 * mvn -o -q -DskipModelLint test-compile -pl app
 * cd app && mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) cn.cm135.planning.visits.VisitPlanBenchmark 300
 * </pre>
 * Each customer buys 6 of 20 specs (8 of them key specs) once a week for the 12 months before the plan's month.
 */
public final class VisitPlanBenchmark {

    static final YearMonth MONTH = YearMonth.of(2034, 2);

    private VisitPlanBenchmark() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        SpringApplication app = new SpringApplication(Cm135Application.class);
        // As arguments: they outrank application.yaml (default properties would not).
        try (ConfigurableApplicationContext context = app.run(
                "--spring.datasource.url=jdbc:h2:mem:visitbench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=0",
                "--server.port=0", "--cm135.demo=false", "--cm135.admin-password=bench",
                "--camunda.bpm.job-execution.enabled=false")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long t = System.nanoTime();
            int lines = generate(jdbc, customers);
            SalesRollup rollup = context.getBean(SalesRollup.class);
            rollup.ensure(MONTH.minusMonths(12), MONTH.minusMonths(1));
            report("generate " + customers + " customers, " + lines + " order lines, roll-up", t);

            VisitPlanService plans = context.getBean(VisitPlanService.class);
            t = System.nanoTime();
            plans.propose("bench-cm", MONTH);
            report("propose (INSERT … SELECT)", t);
            t = System.nanoTime();
            plans.propose("bench-cm", MONTH);
            report("propose again", t);
            t = System.nanoTime();
            var keySpecs = context.getBean(NegotiatedQuantityService.class).proposeKeySpecs("bench-cm", MONTH);
            report("商定总量 of the key specs, set-based (" + keySpecs.size() + " customers with key specs)", t);
            t = System.nanoTime();
            VisitPlanView plan = plans.plan("bench-cm", MONTH);
            report("plan with 商定总量 (" + plan.customers().size() + " customers, " + plan.negotiatedQuantities().size()
                    + " key-spec rows)", t);

            RepositoryService repository = context.getBean(RepositoryService.class);
            repository.createDeployment().addModelInstance("bench.bpmn", Bpmn.createExecutableProcess("bench-visit-plan")
                    .camundaHistoryTimeToLive(1).startEvent().userTask("Task_PlanVisits")
                    .camundaAssignee("${customerManagerId}")
                    .camundaTaskListenerDelegateExpression("create", "${visitPlanTaskListener}")
                    .camundaTaskListenerDelegateExpression("complete", "${visitPlanTaskListener}").endEvent().done())
                    .deploy();
            RuntimeService runtime = context.getBean(RuntimeService.class);
            TaskService tasks = context.getBean(TaskService.class);
            t = System.nanoTime();
            String pi = runtime.startProcessInstanceByKey("bench-visit-plan", Map.of(CycleVariables.CUSTOMER_MANAGER_ID,
                    "bench-cm", CycleVariables.PERIOD, MONTH.toString())).getId();
            report("task create listener", t);
            Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
            t = System.nanoTime();
            Map<String, Object> variables = tasks.getVariables(task.getId());
            report("read the form's variables", t);
            variables.forEach((name, value) -> {
                int size = String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (size > 1000) {
                    System.out.printf("  variable %-20s %,d bytes%n", name, size);
                }
            });
            String edited = String.valueOf(variables.get(VisitPlanTaskListener.VISIT_PLAN))
                    .replaceAll("\"plannedFrequency\":\\d+,\"reason\":\"\"", "\"plannedFrequency\":2,\"reason\":\"压测\"");
            t = System.nanoTime();
            // As Tasklist sends it: a Json value (a String variable is limited to 4,000 characters).
            tasks.complete(task.getId(), Map.of(VisitPlanTaskListener.VISIT_PLAN,
                    org.camunda.spin.plugin.variable.SpinValues.jsonValue(edited).create()));
            report("complete: every customer planned at 2 (with a reason), confirm", t);
            VisitCapacity capacity = plans.capacity("bench-cm", MONTH);
            System.out.println("  " + capacity.message());
        }
    }

    private static int generate(JdbcTemplate jdbc, int customers) {
        jdbc.update("insert into staff (staff_id, name, role, active) values ('bench-cm', '压测经理', 'CUSTOMER_MANAGER', true)");
        jdbc.update("insert into area (code, name, customer_manager_id) values ('BA', '压测片区', 'bench-cm')");
        for (int r = 1; r <= 5; r++) {
            jdbc.update("insert into route (code, name, area_code, weekday) values (?, ?, 'BA', ?)", "BR" + r, "线路" + r, r);
        }
        for (int s = 1; s <= 20; s++) {
            jdbc.update("insert into cigarette_spec (code, name, brand_family, wholesale_price, retail_price, price_class, "
                    + "key_brand) values (?, ?, '压测', 100, 110, 3, ?)", "BS" + s, "压测烟" + s, s <= 8);
        }
        Random random = new Random(135);
        List<Object[]> orders = new ArrayList<>();
        LocalDate from = MONTH.minusMonths(12).atDay(1);
        LocalDate to = MONTH.atDay(1);
        int orderNo = 0;
        for (int c = 1; c <= customers; c++) {
            jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type, grade, "
                    + "status) values (?, ?, ?, '食杂店', '城网', ?, 'ACTIVE')", "BL" + c, "压测户" + c,
                    "BR" + (1 + c % 5), 1 + random.nextInt(30));
            long id = jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class, "BL" + c);
            if (c % 3 == 0) {
                jdbc.update("insert into service_strategy (customer_id, period, customer_manager_id, strategy_type, "
                        + "key_point, spec_key, source, status, created_at, updated_at) values (?, ?, ?, '经营分析指导', "
                        + "'客户', '', 'SYSTEM', 'OPEN', current_timestamp, current_timestamp)", id, MONTH.toString(), "bench-cm");
            }
            int first = random.nextInt(20);
            for (LocalDate day = from.plusDays(c % 7); day.isBefore(to); day = day.plusWeeks(1)) {
                orderNo++;
                for (int k = 0; k < 6; k++) {
                    int quantity = 1 + random.nextInt(10);
                    orders.add(new Object[] {"BO" + orderNo, id, "BS" + (1 + (first + k) % 20), Date.valueOf(day),
                            quantity, quantity * 100});
                }
            }
        }
        jdbc.batchUpdate("insert into order_line (order_no, customer_id, spec_code, order_date, quantity, amount) "
                + "values (?, ?, ?, ?, ?, ?)", orders);
        return orders.size();
    }

    private static void report(String what, long startNanos) {
        System.out.printf("%-70s %,8d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
