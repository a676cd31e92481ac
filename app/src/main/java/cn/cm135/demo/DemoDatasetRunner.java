package cn.cm135.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * Fills an empty database with a generated city:
 * <ul>
 * <li>on the first start with {@code cm135.demo=true}: the demo city, so a newcomer logs in to a live cycle;</li>
 * <li>{@code cm135.demo-size=demo|team} chooses the demo loaded on first start;</li>
 * <li>on request, {@code --cm135.generate=demo|team|city|tiny}: generate (COPY on PostgreSQL), print the
 * figures and exit.</li>
 * </ul>
 * Runs before the other runners, which may expect the organisation to exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoDatasetRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDatasetRunner.class);

    private final DatasetLoader loader;
    private final SalesRollup rollup;
    private final CamundaIdentitySync identitySync;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<Clock> clock;
    private final ConfigurableApplicationContext context;
    private final boolean demo;
    private final long seed;
    private final String generate;
    private final DatasetSize demoSize;

    DemoDatasetRunner(DatasetLoader loader, SalesRollup rollup, CamundaIdentitySync identitySync, JdbcTemplate jdbc,
                      ObjectProvider<Clock> clock, ConfigurableApplicationContext context,
                      @Value("${cm135.demo:true}") boolean demo, @Value("${cm135.demo-seed:135}") long seed,
                      @Value("${cm135.generate:}") String generate,
                      @Value("${cm135.demo-size:demo}") String demoSize) {
        this.loader = loader;
        this.rollup = rollup;
        this.identitySync = identitySync;
        this.jdbc = jdbc;
        this.clock = clock;
        this.context = context;
        this.demo = demo;
        this.seed = seed;
        this.generate = generate;
        this.demoSize = DatasetSize.valueOf(demoSize.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!generate.isBlank()) {
            int exitCode = generateOnRequest(generate.trim());
            System.exit(SpringApplication.exit(context, () -> exitCode));
        } else if (demo && staffCount() == 0) {
            log.info("Empty database and cm135.demo=true: loading the demo city (seed {})", seed);
            long started = System.nanoTime();
            GenerationReport report = loadAndCreateUsers(demoSize, false);
            log.info("Demo city loaded: {} rows in {} s, {} s in all with the roll-ups and the users; users log in with "
                    + "password = user id (yx01, mm01, cm01 ...)", report.totalRows(), report.elapsed().toSeconds(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    private int generateOnRequest(String sizeName) {
        DatasetSize size;
        try {
            size = DatasetSize.valueOf(sizeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("cm135.generate must be tiny, demo, team or city, not " + sizeName);
            return 2;
        }
        long staff = staffCount();
        if (staff > 0) {
            System.err.println("Refusing to generate: the database already has " + staff
                    + " staff. Generate into an empty database.");
            return 1;
        }
        GenerationReport report = loadAndCreateUsers(size, true);
        System.out.println(report.describe());
        return 0;
    }

    private GenerationReport loadAndCreateUsers(DatasetSize size, boolean preferCopy) {
        LocalDate today = LocalDate.now(clock.getIfAvailable(Clock::systemDefaultZone));
        GeneratorSettings settings = GeneratorSettings.of(size, seed, today);
        GenerationReport report = loader.load(settings, preferCopy);
        // Like the orders import, the generator leaves the sales roll-ups of the months it wrote up to date.
        long started = System.nanoTime();
        List<YearMonth> months = Stream.iterate(YearMonth.from(settings.firstDay()),
                m -> !m.isAfter(settings.currentMonth()), m -> m.plusMonths(1)).toList();
        rollup.refresh(months);
        log.info("Sales roll-ups of {} months refreshed in {} s", months.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        // Generated staff are demo users: password = user id, as the README lists them.
        identitySync.syncAll(InitialPasswords.USER_ID);
        return report;
    }

    private long staffCount() {
        Long count = jdbc.queryForObject("select count(*) from staff", Long.class);
        return count == null ? 0 : count;
    }
}
