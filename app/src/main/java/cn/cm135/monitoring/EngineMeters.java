package cn.cm135.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The engine's work in progress as gauges. Overdue tasks, failed jobs and incidents are counted when scraped
 * (one indexed count each). Open tasks per task key are one group-by over the engine's task table, refreshed
 * every {@code cm135.metrics.refresh} (see {@link MeterRefresh}), so that a key appears when its first task
 * does, also for a process redeployed with new tasks.
 */
@Component
public class EngineMeters {

    private final JdbcTemplate jdbc;
    private final MultiGauge openTasks;

    EngineMeters(MeterRegistry registry, JdbcTemplate jdbc, TaskService tasks, ManagementService management,
            RuntimeService runtime) {
        this.jdbc = jdbc;
        this.openTasks = MultiGauge.builder("cm135.tasks.open").description("Open user tasks per task key")
                .baseUnit("tasks").register(registry);
        Gauge.builder("cm135.tasks.overdue", tasks, t -> t.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count())
                .description("Open user tasks past their due date").baseUnit("tasks").register(registry);
        Gauge.builder("cm135.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs whose retries are used up (each has an incident)").baseUnit("jobs").register(registry);
        Gauge.builder("cm135.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents of the engine").baseUnit("incidents").register(registry);
        refresh();
    }

    /** Re-reads the open tasks per task key; keys without open tasks drop out. */
    @Scheduled(fixedDelayString = "${cm135.metrics.refresh:PT30S}", initialDelayString = "${cm135.metrics.refresh:PT30S}")
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.query("select TASK_DEF_KEY_, count(*) from ACT_RU_TASK where TASK_DEF_KEY_ is not null group by TASK_DEF_KEY_",
                rs -> {
                    rows.add(MultiGauge.Row.of(Tags.of("task", rs.getString(1)), rs.getLong(2)));
                });
        openTasks.register(rows, true);
    }
}
