package cn.cm135.review.results;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a month's execution with a few aggregate queries: strategies by status (service_strategy), the
 * ad-hoc tasks, planned visits (the confirmed visit plan: a customer's adjusted frequency, else the proposed
 * one — as planning/visits computes it) and visits done (visit_record, written by the daily visit records).
 */
@Component
public class MonthExecutionQuery {

    private static final String STRATEGIES = """
            select coalesce(sum(case when status = 'DONE' then 1 else 0 end), 0) as done,
                   coalesce(sum(case when status = 'OPEN' then 1 else 0 end), 0) as open_count,
                   coalesce(sum(case when status = 'DROPPED' then 1 else 0 end), 0) as dropped
              from service_strategy where customer_manager_id = :cm and period = :period
            """;
    // confirmed = 0: the month has no confirmed visit plan (planned visits unknown, not 0).
    private static final String PLANNED_VISITS = """
            select count(distinct p.period) as confirmed,
                   coalesce(sum(coalesce(adj.planned_frequency, vc.proposed_frequency)), 0) as planned
              from visit_plan p
              left join visit_plan_customer vc on vc.customer_manager_id = p.customer_manager_id and vc.period = p.period
              left join visit_plan_adjustment adj on adj.customer_manager_id = vc.customer_manager_id
                    and adj.period = vc.period and adj.customer_id = vc.customer_id
             where p.customer_manager_id = :cm and p.period = :period and p.status = 'CONFIRMED'
            """;
    private static final String DONE_VISITS = """
            select count(*) from visit_record where customer_manager_id = :cm and period = :period and visited = true
            """;
    private static final String AD_HOC_TASKS = """
            select t.id, t.customer_id, c.name, c.licence_no, t.done_on, t.description
              from ad_hoc_task t left join retail_customer c on c.id = t.customer_id
             where t.customer_manager_id = :cm and t.period = :period
             order by t.done_on, t.id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    MonthExecutionQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public MonthExecution of(String customerManagerId, YearMonth month) {
        MapSqlParameterSource p = new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString());
        Map<String, Object> s = jdbc.queryForMap(STRATEGIES, p);
        Map<String, Object> v = jdbc.queryForMap(PLANNED_VISITS, p);
        Integer planned = ((Number) v.get("confirmed")).intValue() == 0 ? null : ((Number) v.get("planned")).intValue();
        Integer done = jdbc.queryForObject(DONE_VISITS, p, Integer.class);
        return new MonthExecution(number(s, "done"), number(s, "open_count"), number(s, "dropped"), planned,
                done == null ? 0 : done, adHocTasks(customerManagerId, month));
    }

    @Transactional(readOnly = true)
    public List<AdHocTask> adHocTasks(String customerManagerId, YearMonth month) {
        return jdbc.query(AD_HOC_TASKS, new MapSqlParameterSource("cm", customerManagerId)
                .addValue("period", month.toString()), (rs, i) -> {
                    Long customerId = rs.getObject("customer_id", Long.class);
                    String name = customerId == null ? "" : rs.getString("name") + "（" + rs.getString("licence_no") + "）";
                    return new AdHocTask(rs.getLong("id"), customerId, name, rs.getDate("done_on").toLocalDate(),
                            rs.getString("description"));
                });
    }

    private static int number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }
}
