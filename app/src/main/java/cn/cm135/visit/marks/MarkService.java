package cn.cm135.visit.marks;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.CustomerDirectory;
import cn.cm135.planning.strategy.Strategy;
import cn.cm135.planning.strategy.StrategyService;
import cn.cm135.review.results.AdHocTask;
import cn.cm135.review.results.MonthExecutionQuery;
import cn.cm135.review.results.ResultService;
import cn.cm135.rules.Refusal;

/**
 * 任务执行标注 (step 14): ★ marks a strategy of the month's approved plan done (through
 * {@link StrategyService#markDone}), ● records work the plan did not contain. Every change is refused
 * (409, 确定后不能修改) while the month's results wait for the market manager's review and once approved.
 */
@Service
@Transactional
public class MarkService {

    static final int DESCRIPTION_MAX = 500;

    private final StrategyService strategies;
    private final ResultService results;
    private final MonthExecutionQuery execution;
    private final CustomerDirectory customers;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MarkService(StrategyService strategies, ResultService results, MonthExecutionQuery execution,
            CustomerDirectory customers, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.strategies = strategies;
        this.results = results;
        this.execution = execution;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** ★ the strategy was carried out on {@code on} (a day of the month, not after today). */
    public Strategy markDone(String customerManagerId, YearMonth month, long strategyId, LocalDate on) {
        results.requireOpen(customerManagerId, month);
        dayOfMonth(on, month, "doneOn", "策略编号 " + strategyId + " 的完成日期");
        return strategies.markDone(customerManagerId, month, strategyId, on);
    }

    @Transactional(readOnly = true)
    public List<AdHocTask> adHocTasks(String customerManagerId, YearMonth month) {
        return execution.adHocTasks(customerManagerId, month);
    }

    /** ● adds one ad-hoc task. */
    public AdHocTask add(String customerManagerId, YearMonth month, AdHocTaskInput task) {
        results.requireOpen(customerManagerId, month);
        long id = insert(customerManagerId, month, checked(customerManagerId, month, task, "临时性任务"));
        return adHocTasks(customerManagerId, month).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    /** Removes one ad-hoc task of the month. */
    public void remove(String customerManagerId, YearMonth month, long id) {
        results.requireOpen(customerManagerId, month);
        int removed = jdbc.update("delete from ad_hoc_task where id = :id and customer_manager_id = :cm and period = :period",
                params(customerManagerId, month).addValue("id", id));
        if (removed == 0) {
            throw Refusal.notFound("%s 的 %s 月没有编号为 %d 的临时性任务".formatted(customerManagerId, month, id));
        }
    }

    /** The month's ad-hoc tasks become {@code tasks} (the form's and the API's list): all rows checked first. */
    public List<AdHocTask> replace(String customerManagerId, YearMonth month, List<AdHocTaskInput> tasks) {
        results.requireOpen(customerManagerId, month);
        List<AdHocTaskInput> checked = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            checked.add(checked(customerManagerId, month, tasks.get(i), "第 " + (i + 1) + " 条临时性任务"));
        }
        jdbc.update("delete from ad_hoc_task where customer_manager_id = :cm and period = :period",
                params(customerManagerId, month));
        checked.forEach(t -> insert(customerManagerId, month, t));
        return adHocTasks(customerManagerId, month);
    }

    private AdHocTaskInput checked(String customerManagerId, YearMonth month, AdHocTaskInput task, String row) {
        if (task == null) {
            throw Refusal.invalid("adHocTasks", row + "为空");
        }
        String description = task.description() == null ? "" : task.description().strip();
        if (description.isEmpty()) {
            throw Refusal.invalid("description", row + "：任务内容必须填写");
        }
        if (description.length() > DESCRIPTION_MAX) {
            throw Refusal.invalid("description", row + "：任务内容最多 " + DESCRIPTION_MAX + " 字，收到 "
                    + description.length() + " 字");
        }
        dayOfMonth(task.doneOn(), month, "doneOn", row + "的完成日期");
        if (task.customerId() != null) {
            if (!customers.notServedBy(customerManagerId, List.of(task.customerId())).isEmpty()) {
                throw Refusal.invalid("customerId", row + "：零售户编号 " + task.customerId() + " 不是你的客户");
            }
        }
        return new AdHocTaskInput(task.customerId(), task.doneOn(), description);
    }

    private void dayOfMonth(LocalDate day, YearMonth month, String field, String label) {
        if (day == null) {
            throw Refusal.invalid(field, label + "必须填写");
        }
        if (!YearMonth.from(day).equals(month)) {
            throw Refusal.invalid(field, label + "必须在 " + month + " 月内，收到 " + day);
        }
        if (day.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid(field, label + "不能晚于今天，收到 " + day);
        }
    }

    private long insert(String customerManagerId, YearMonth month, AdHocTaskInput task) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into ad_hoc_task (customer_manager_id, period, customer_id, done_on, description, recorded_by, recorded_at)
                values (:cm, :period, :customer, :doneOn, :description, :cm, :now)
                """, params(customerManagerId, month).addValue("customer", task.customerId())
                .addValue("doneOn", Date.valueOf(task.doneOn())).addValue("description", task.description())
                .addValue("now", Timestamp.valueOf(LocalDateTime.now(clock))), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    private static MapSqlParameterSource params(String customerManagerId, YearMonth month) {
        return new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString());
    }
}
