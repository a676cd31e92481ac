package cn.cm135.customer.analysis;

import java.time.YearMonth;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.Cm135Application;

/**
 * Times the roll-up and the analysis of one month on PostgreSQL at city scale (architecture.md,
 * "Scale": ~30,000 retailers, ~1.5 M order lines a month). Not a test: it prints figures and never
 * fails on timing.
 *
 * <p>Run against an empty scratch database (it writes rows with the prefix BENCH):
 * <pre>
 * createdb cm135bench
 * mvn -o -q -DskipModelLint test-compile -pl app
 * cd app && mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *   -DCM135_DB_URL=jdbc:postgresql://localhost:5432/cm135bench -DCM135_DB_USER=postgres \
 *   cn.cm135.customer.analysis.CustomerAnalysisBenchmark 30000
 * </pre>
 * The argument is the number of customers (default 30,000); each orders about 12 of 60 specs once a
 * week for 15 months (≈ 52 lines per customer and month). Data generation uses PostgreSQL's
 * generate_series and is done once; later runs reuse it.
 *
 * <p>Measured 2026-11 on the 2-core build machine, PostgreSQL 15, 30,000 customers, 23 M order lines,
 * 1.59 M in the analysed month (this generator is pessimistic: its roll-up has 1.13 M rows a month,
 * 70 % of the lines, because each customer orders a random 12 of 60 specs each week):
 * bare GROUP BY of the month 5.4 s; roll-up refresh of one month 26–38 s, of which ~15 s are the two
 * foreign keys of sales_month and most of the rest is maintenance of its primary key (dropping the
 * foreign keys: 23 s; inserting in key order: 20 s); analyse(m) with the roll-up in place 41–46 s
 * (first run 70 s), i.e. the month's refresh plus ~15–20 s for the analysis statement itself.
 */
public final class CustomerAnalysisBenchmark {

    static final YearMonth MONTH = YearMonth.of(2025, 12);

    private CustomerAnalysisBenchmark() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        SpringApplication app = new SpringApplication(Cm135Application.class);
        app.setAdditionalProfiles("postgres");
        app.setDefaultProperties(Map.of(
                "spring.datasource.url", System.getProperty("CM135_DB_URL", "jdbc:postgresql://localhost:5432/cm135bench"),
                "spring.datasource.username", System.getProperty("CM135_DB_USER", "postgres"),
                "spring.datasource.password", System.getProperty("CM135_DB_PASSWORD", ""),
                "server.port", "0",
                "cm135.demo", "false",
                "cm135.admin-password", "bench",
                "camunda.bpm.job-execution.enabled", "false"));
        try (ConfigurableApplicationContext context = app.run()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            SalesRollup rollup = context.getBean(SalesRollup.class);
            CustomerAnalysisService analysis = context.getBean(CustomerAnalysisService.class);
            generate(jdbc, customers);
            Integer lines = jdbc.queryForObject("select count(*) from order_line where order_date >= ? and order_date < ?",
                    Integer.class, java.sql.Date.valueOf(MONTH.atDay(1)), java.sql.Date.valueOf(MONTH.plusMonths(1).atDay(1)));
            System.out.printf("customers %d, order lines in %s: %d%n", customers, MONTH, lines);

            jdbc.update("delete from customer_month_result");
            jdbc.update("delete from sales_month");
            jdbc.update("delete from sales_month_refresh");
            long t0 = System.nanoTime();
            rollup.ensure(MONTH.minusMonths(14), MONTH.minusMonths(1));
            long t1 = System.nanoTime();
            System.out.printf("roll-up of 14 earlier months (first analysis only): %.1f s%n", (t1 - t0) / 1e9);
            for (int run = 1; run <= 3; run++) {
                long s = System.nanoTime();
                var result = analysis.analyse(MONTH);
                System.out.printf("analyse(%s) run %d (refreshes month m, computes %d customers): %.1f s%n", MONTH, run,
                        result.analysed(), (System.nanoTime() - s) / 1e9);
            }
        }
    }

    private static void generate(JdbcTemplate jdbc, int customers) {
        Integer existing = jdbc.queryForObject("select count(*) from retail_customer where licence_no like 'BENCH%'",
                Integer.class);
        if (existing != null && existing >= customers) {
            return;
        }
        long t0 = System.nanoTime();
        jdbc.update("insert into staff (staff_id, name, role, active) values ('bench-cm', '基准客户经理', 'CUSTOMER_MANAGER', true)");
        jdbc.update("insert into area (code, name, customer_manager_id) values ('BENCH-A', '基准片区', 'bench-cm')");
        jdbc.update("insert into route (code, name, area_code, weekday) values ('BENCH-R', '基准线路', 'BENCH-A', 1)");
        jdbc.update("""
                insert into cigarette_spec (code, name, brand_family, wholesale_price, retail_price, price_class, key_brand)
                select 'BENCH-S' || n, '基准烟' || n, '基准', 40 + n * 5, (40 + n * 5) * 1.1, 1 + n % 5, n % 4 = 0
                  from generate_series(1, 60) n
                """);
        String[] formats = {"食杂店", "便利店", "超市", "商场", "烟酒店", "娱乐服务类", "其他"};
        jdbc.update("""
                insert into retail_customer (licence_no, name, route_code, business_format, market_type, status, opened_on)
                select 'BENCH' || lpad(n::text, 8, '0'), '基准零售户' || n, 'BENCH-R',
                       (array['%s'])[1 + n %% 7], case when n %% 3 = 0 then '农网' else '城网' end,
                       'ACTIVE', date '2020-01-01'
                  from generate_series(1, ?) n
                """.formatted(String.join("','", formats)), customers);
        jdbc.update("""
                insert into order_line (order_no, customer_id, spec_code, order_date, quantity, amount)
                select 'BENCH-' || c.id || '-' || to_char(d, 'YYYYMMDD'), c.id, s.code, d::date,
                       1 + (c.id + length(s.code)) % 5, (1 + (c.id + length(s.code)) % 5) * s.wholesale_price
                  from retail_customer c
                 cross join generate_series(date '2024-10-01', date '2025-12-31', interval '7 day') w
                 cross join lateral (select w + ((c.id % 7) || ' day')::interval as d) dd
                  join cigarette_spec s on s.code like 'BENCH-S%'
                       and abs(hashtext(c.id::text || s.code || w::text)) % 60 < 12
                 where c.licence_no like 'BENCH%' and w + ((c.id % 7) || ' day')::interval <= date '2025-12-31'
                """);
        jdbc.execute("analyze");
        System.out.printf("generated benchmark data in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
