package cn.cm135.planning.strategy;

import java.time.YearMonth;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.Cm135Application;
import cn.cm135.organization.Organization;

/**
 * Times 计划新增 (step 9) for every active customer manager of a city on PostgreSQL: each customer manager's
 * {@link StrategyService#generate} as the cycle's service task runs it (its own transaction), one after the
 * other. Not a test: it prints figures and never fails on timing.
 *
 * <p>Needs a database holding a city (the {@code city} dataset) whose customer analysis of the month before
 * the plan month has run (customer_month_result) and whose roll-up sales_month covers the 3 months before:
 * <pre>
 * mvn -o -q -DskipModelLint test-compile -pl app
 * cd app && mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *   -DCM135_DB_URL=jdbc:postgresql://localhost:5432/cm135city -DCM135_DB_USER=postgres \
 *   cn.cm135.planning.strategy.StrategyGenerationBenchmark [yyyy-MM]
 * </pre>
 * The argument is the plan month (default: the month after the latest analysed month). It runs the whole
 * city twice: the first run inserts the strategies (a second run of a fresh month would too), the second
 * regenerates over them (refresh). It writes strategy rows and plans of that month, nothing else.
 */
public final class StrategyGenerationBenchmark {

    private StrategyGenerationBenchmark() {
    }

    public static void main(String[] args) {
        // System properties, not default properties: application.yaml's port 8080 and job executor would win over those.
        System.setProperty("spring.datasource.url", System.getProperty("CM135_DB_URL", "jdbc:postgresql://localhost:5432/cm135city"));
        System.setProperty("spring.datasource.username", System.getProperty("CM135_DB_USER", "postgres"));
        System.setProperty("spring.datasource.password", System.getProperty("CM135_DB_PASSWORD", ""));
        System.setProperty("server.port", "0");
        System.setProperty("cm135.demo", "false");
        System.setProperty("cm135.admin-password", "bench");
        System.setProperty("camunda.bpm.job-execution.enabled", "false");
        SpringApplication app = new SpringApplication(Cm135Application.class);
        app.setAdditionalProfiles("postgres");
        try (ConfigurableApplicationContext context = app.run()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            StrategyService strategies = context.getBean(StrategyService.class);
            String latest = jdbc.queryForObject("select max(period) from customer_month_result", String.class);
            if (latest == null && args.length == 0) {
                System.out.println("no customer analysis in this database: run step 5 first");
                return;
            }
            YearMonth plan = args.length > 0 ? YearMonth.parse(args[0]) : YearMonth.parse(latest).plusMonths(1);
            List<Organization.CustomerManager> managers = context.getBean(Organization.class).activeCustomerManagers();
            System.out.printf("plan month %s (analysed %s), %d customer managers%n", plan, plan.minusMonths(1),
                    managers.size());
            jdbc.update("delete from service_strategy where period = ?", plan.toString());
            jdbc.update("delete from strategy_plan where period = ?", plan.toString());
            for (int run = 1; run <= 2; run++) {
                int customers = 0, fired = 0, inserted = 0, refreshed = 0;
                long input = 0, evaluate = 0, write = 0, slowest = 0;
                long t0 = System.nanoTime();
                for (Organization.CustomerManager cm : managers) {
                    long s = System.nanoTime();
                    GenerationResult r = strategies.generate(cm.id(), plan);
                    slowest = Math.max(slowest, System.nanoTime() - s);
                    customers += r.customers();
                    fired += r.strategies();
                    inserted += r.inserted();
                    refreshed += r.refreshed();
                    input += r.inputMillis();
                    evaluate += r.evaluateMillis();
                    write += r.writeMillis();
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                System.out.printf("run %d: %d customers, %d strategies (%d inserted, %d refreshed) in %.1f s wall; "
                        + "reading facts %.1f s, evaluating the table %.1f s (%.3f ms a customer), writing %.1f s; "
                        + "slowest customer manager %.2f s%n", run, customers, fired, inserted, refreshed, wall,
                        input / 1e3, evaluate / 1e3, customers == 0 ? 0 : (double) evaluate / customers, write / 1e3,
                        slowest / 1e9);
            }
            jdbc.query("select strategy_type, count(*) from service_strategy where period = ? group by strategy_type "
                    + "order by count(*) desc", rs -> {
                        System.out.printf("  %s %d%n", rs.getString(1), rs.getInt(2));
                    }, plan.toString());
        }
    }
}
