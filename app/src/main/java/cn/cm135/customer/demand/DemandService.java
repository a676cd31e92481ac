package cn.cm135.customer.demand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.CustomerDirectory;
import cn.cm135.customer.demand.DemandSurvey.TypeRow;
import cn.cm135.rules.Refusal;

/**
 * Records, confirms and counts customers' direct needs. {@code period} is always the month the needs
 * were collected in; the cycle of month m works on the needs of m − 1.
 */
@Service
public class DemandService {

    static final int CONTENT_MAX = 500;

    private static final String OF_MANAGERS = """
            customer_id in (select c.id from retail_customer c
                              join route r on r.code = c.route_code
                              join area a on a.code = r.area_code
                             where a.customer_manager_id in (:cms))
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerDirectory customers;
    private final Clock clock;

    DemandService(NamedParameterJdbcTemplate jdbc, CustomerDirectory customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Records needs of the customer manager's customers collected in {@code period}, all or none: a bad
     * row refuses the whole batch, naming the row and the field. A need already recorded (same customer,
     * type and content) is not recorded twice, so submitting a batch again is harmless.
     *
     * @return the needs recorded now
     */
    @Transactional
    public int record(String customerManagerId, YearMonth period, List<NewDemand> batch) {
        for (int i = 0; i < batch.size(); i++) {
            check(i + 1, batch.get(i));
        }
        Set<Long> foreign = customers.notServedBy(customerManagerId,
                batch.stream().map(NewDemand::customerId).distinct().toList());
        if (!foreign.isEmpty()) {
            throw Refusal.invalid("customerId", "客户 " + foreign + " 不是客户经理 " + customerManagerId + " 服务的客户");
        }
        int recorded = 0;
        for (NewDemand need : batch) {
            MapSqlParameterSource p = new MapSqlParameterSource("customer", need.customerId())
                    .addValue("period", period.toString()).addValue("type", need.needType())
                    .addValue("content", need.content().strip()).addValue("urgent", Boolean.TRUE.equals(need.urgent()))
                    .addValue("by", customerManagerId);
            recorded += jdbc.update("""
                    insert into customer_demand (customer_id, period, need_type, content, urgent, status, recorded_by)
                    select :customer, :period, :type, :content, :urgent, 'RECORDED', :by
                     where not exists (select 1 from customer_demand
                                        where customer_id = :customer and period = :period
                                          and need_type = :type and content = :content)
                    """, p);
        }
        return recorded;
    }

    private static void check(int row, NewDemand need) {
        String at = "第 " + row + " 行";
        if (need.customerId() == null) {
            throw Refusal.invalid("customerId", at + "：请选择客户");
        }
        if (need.needType() == null || !NeedType.ALL.contains(need.needType())) {
            throw Refusal.invalid("needType", at + "：需求类型必须是 " + String.join("、", NeedType.ALL) + " 之一，收到 "
                    + need.needType());
        }
        if (need.content() == null || need.content().isBlank()) {
            throw Refusal.invalid("content", at + "：请填写需求内容");
        }
        if (need.content().strip().length() > CONTENT_MAX) {
            throw Refusal.invalid("content", at + "：需求内容最多 " + CONTENT_MAX + " 字");
        }
    }

    /** The needs of the customer manager's customers collected in {@code period}, unconfirmed first. */
    @Transactional(readOnly = true)
    public List<CustomerDemand> needs(String customerManagerId, YearMonth period) {
        return jdbc.query("""
                select d.id, d.customer_id, c.licence_no, c.name, d.period, d.need_type, d.content, d.urgent, d.status
                  from customer_demand d join retail_customer c on c.id = d.customer_id
                 where d.period = :period and d.""" + OF_MANAGERS + """
                 order by case when d.status = 'RECORDED' then 0 else 1 end, d.urgent desc, c.licence_no, d.id
                """, params(List.of(customerManagerId), period),
                (rs, i) -> new CustomerDemand(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9)));
    }

    @Transactional(readOnly = true)
    public int unconfirmedCount(String customerManagerId, YearMonth period) {
        Integer n = jdbc.queryForObject("select count(*) from customer_demand where period = :period and status = 'RECORDED' and "
                + OF_MANAGERS, params(List.of(customerManagerId), period), Integer.class);
        return n == null ? 0 : n;
    }

    /** Confirms every unconfirmed need of the customer manager's customers collected in {@code period}. */
    @Transactional
    public int confirmAll(String customerManagerId, YearMonth period) {
        return jdbc.update("update customer_demand set status = 'CONFIRMED', confirmed_at = :now "
                + "where period = :period and status = 'RECORDED' and " + OF_MANAGERS,
                params(List.of(customerManagerId), period).addValue("now", now()));
    }

    /**
     * Confirms the given needs; each must be a need of the customer manager's customers collected in
     * {@code period}, or nothing is confirmed. Needs already confirmed stay as they are.
     */
    @Transactional
    public int confirm(String customerManagerId, YearMonth period, Collection<Long> demandIds) {
        Set<Long> ids = new LinkedHashSet<>(demandIds);
        if (ids.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource p = params(List.of(customerManagerId), period).addValue("ids", ids);
        Set<Long> own = new LinkedHashSet<>(jdbc.queryForList(
                "select id from customer_demand where id in (:ids) and period = :period and " + OF_MANAGERS, p, Long.class));
        ids.removeAll(own);
        if (!ids.isEmpty()) {
            throw Refusal.invalid("demandIds", "需求 " + ids + " 不是客户经理 " + customerManagerId + " 的客户在 " + period
                    + " 收集的需求");
        }
        return jdbc.update("update customer_demand set status = 'CONFIRMED', confirmed_at = :now "
                + "where id in (:ids) and status = 'RECORDED'", p.addValue("now", now()));
    }

    /** 客户需求调查统计表 of one customer manager. */
    @Transactional(readOnly = true)
    public DemandSurvey survey(String customerManagerId, YearMonth period) {
        return survey(List.of(customerManagerId), period);
    }

    /** 客户需求调查统计表 over several customer managers (a market manager's team, the centre). */
    @Transactional(readOnly = true)
    public DemandSurvey survey(Collection<String> customerManagerIds, YearMonth period) {
        if (customerManagerIds.isEmpty()) {
            return new DemandSurvey(period.toString(), 0, 0, 0, 0, 0,
                    NeedType.ALL.stream().map(t -> new TypeRow(t, 0, BigDecimal.ZERO.setScale(4), 0, 0)).toList(), List.of());
        }
        MapSqlParameterSource p = params(customerManagerIds, period);
        Integer served = jdbc.queryForObject("""
                select count(*) from retail_customer c join route r on r.code = c.route_code
                  join area a on a.code = r.area_code
                 where a.customer_manager_id in (:cms) and c.status = 'ACTIVE'
                """, p, Integer.class);
        Map<String, Object> totals = jdbc.queryForMap("""
                select count(distinct customer_id) as customers, count(*) as needs,
                       coalesce(sum(case when status = 'RECORDED' then 0 else 1 end), 0) as confirmed
                  from customer_demand where period = :period and""" + " " + OF_MANAGERS, p);
        Map<String, int[]> byType = new HashMap<>();
        jdbc.query("""
                select need_type, count(distinct customer_id), count(*), sum(case when urgent then 1 else 0 end)
                  from customer_demand where period = :period and""" + " " + OF_MANAGERS + " group by need_type",
                p, rs -> {
                    byType.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
                });
        int servedCount = served == null ? 0 : served;
        List<TypeRow> types = new ArrayList<>();
        for (String type : NeedType.ALL) {
            int[] n = byType.getOrDefault(type, new int[3]);
            types.add(new TypeRow(type, n[0], share(n[0], servedCount), n[1], n[2]));
        }
        // 紧急需求前三: the types with the most urgent needs; ties keep the table's order.
        List<TypeRow> topUrgent = types.stream().filter(t -> t.urgent() > 0)
                .sorted(Comparator.comparingInt(TypeRow::urgent).reversed()).limit(3).toList();
        int needs = ((Number) totals.get("needs")).intValue();
        int confirmed = ((Number) totals.get("confirmed")).intValue();
        return new DemandSurvey(period.toString(), servedCount, ((Number) totals.get("customers")).intValue(), needs,
                confirmed, needs - confirmed, types, topUrgent);
    }

    private static BigDecimal share(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static MapSqlParameterSource params(Collection<String> customerManagerIds, YearMonth period) {
        return new MapSqlParameterSource("cms", customerManagerIds).addValue("period", period.toString());
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }
}
