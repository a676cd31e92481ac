package cn.cm135.planning.visits;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cm135.customer.ledger.NegotiatedQuantity;
import cn.cm135.customer.ledger.NegotiatedQuantityService;
import cn.cm135.rules.Refusal;

/**
 * 商定总量 per customer and key spec for a plan's month: the computed proposal with the customer manager's
 * overrides laid over it. An override needs a reason; every change of one is kept in
 * {@code negotiated_quantity_override_history}.
 */
@Component
class NegotiatedQuantities {

    /** The largest quantity of one key spec a customer manager may agree with one retailer for a month, 条. */
    static final int QUANTITY_MAX = 10_000;
    static final int REASON_MAX = 200;

    private record Stored(int quantity, String reason, String by, LocalDateTime at) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final NegotiatedQuantityService computed;

    NegotiatedQuantities(NamedParameterJdbcTemplate jdbc, NegotiatedQuantityService computed) {
        this.jdbc = jdbc;
        this.computed = computed;
    }

    /** The rows of the plan's customers, in their order, then by spec code. */
    List<NegotiatedQuantityRow> rows(String customerManagerId, YearMonth month, List<PlannedVisit> customers) {
        Map<Long, List<NegotiatedQuantity>> proposals = computed.proposeKeySpecs(customerManagerId, month);
        Map<Long, Map<String, Stored>> overrides = overrides(customerManagerId, month);
        Map<String, String> specNames = new HashMap<>();
        jdbc.query("select code, name from cigarette_spec where key_brand", Map.of(), rs -> {
            specNames.put(rs.getString(1), rs.getString(2));
        });
        List<NegotiatedQuantityRow> rows = new ArrayList<>();
        for (PlannedVisit c : customers) {
            Map<String, Stored> overridden = overrides.getOrDefault(c.customerId(), Map.of());
            Map<String, NegotiatedQuantity> bySpec = new TreeMap<>();
            proposals.getOrDefault(c.customerId(), List.of()).forEach(q -> bySpec.put(q.specCode(), q));
            overridden.keySet().forEach(spec -> bySpec.putIfAbsent(spec, null));
            bySpec.forEach((spec, q) -> {
                Stored o = overridden.get(spec);
                int computedQuantity = q == null ? 0 : q.quantity();
                rows.add(new NegotiatedQuantityRow(c.customerId(), c.licenceNo(), c.name(), spec,
                        specNames.getOrDefault(spec, spec), q == null ? 0 : q.purchases3m(),
                        q == null ? BigDecimal.ZERO.setScale(2) : q.baseMean(), q == null ? null : q.seasonalIndex(),
                        computedQuantity, o == null ? null : o.quantity(), o == null ? null : o.reason(),
                        o == null ? null : o.by(), o == null ? null : o.at(), o == null ? computedQuantity : o.quantity()));
            });
        }
        return rows;
    }

    /**
     * The overrides of the month for the plan's customers, as the customer manager submitted them: a row
     * not submitted any more is withdrawn. All or nothing; a bad row names the row and the field.
     *
     * @param beforeChange called once before anything is written, only when something changes (the lock check)
     */
    void replace(String customerManagerId, YearMonth month, Set<Long> planCustomers, List<NegotiatedOverride> submitted,
            String by, LocalDateTime at, Runnable beforeChange) {
        Set<String> keySpecs = new HashSet<>(jdbc.queryForList("select code from cigarette_spec where key_brand",
                Map.of(), String.class));
        // Sorted, so that the history lists a change's rows in customer and spec order.
        Map<Long, Map<String, Stored>> wanted = new TreeMap<>();
        for (int i = 0; i < submitted.size(); i++) {
            NegotiatedOverride o = submitted.get(i);
            String row = "商定总量第 " + (i + 1) + " 行";
            if (o.customerId() == null || !planCustomers.contains(o.customerId())) {
                throw Refusal.invalid("customerId", row + "：客户 " + o.customerId() + " 不在客户经理 " + customerManagerId
                        + " 的 " + month + " 拜访计划中");
            }
            if (o.specCode() == null || !keySpecs.contains(o.specCode())) {
                throw Refusal.invalid("specCode", row + "：规格 " + o.specCode() + " 不是重点品牌规格，商定总量只针对重点品牌");
            }
            if (o.quantity() == null || o.quantity() < 0 || o.quantity() > QUANTITY_MAX) {
                throw Refusal.invalid("quantity", row + "：商定总量必须在 0 到 " + QUANTITY_MAX + " 条之间，收到 " + o.quantity());
            }
            String reason = o.reason() == null ? "" : o.reason().strip();
            if (reason.isEmpty()) {
                throw Refusal.invalid("reason", row + "：调整商定总量必须填写原因");
            }
            if (reason.length() > REASON_MAX) {
                throw Refusal.invalid("reason", row + "：原因最多 " + REASON_MAX + " 字");
            }
            if (wanted.computeIfAbsent(o.customerId(), k -> new TreeMap<>())
                    .put(o.specCode(), new Stored(o.quantity(), reason, by, at)) != null) {
                throw Refusal.invalid("specCode", row + "：客户 " + o.customerId() + " 的规格 " + o.specCode() + " 重复");
            }
        }
        Map<Long, Map<String, Stored>> current = overrides(customerManagerId, month);
        List<MapSqlParameterSource> withdrawn = new ArrayList<>();
        List<MapSqlParameterSource> written = new ArrayList<>();
        current.forEach((customer, specs) -> specs.forEach((spec, stored) -> {
            if (!wanted.getOrDefault(customer, Map.of()).containsKey(spec)) {
                withdrawn.add(key(month, customer, spec).addValue("quantity", null).addValue("reason", null));
            }
        }));
        wanted.forEach((customer, specs) -> specs.forEach((spec, o) -> {
            Stored stored = current.getOrDefault(customer, Map.of()).get(spec);
            if (stored == null || stored.quantity() != o.quantity() || !Objects.equals(stored.reason(), o.reason())) {
                written.add(key(month, customer, spec).addValue("quantity", o.quantity()).addValue("reason", o.reason()));
            }
        }));
        if (withdrawn.isEmpty() && written.isEmpty()) {
            return;
        }
        beforeChange.run();
        List<MapSqlParameterSource> changed = new ArrayList<>(withdrawn);
        changed.addAll(written);
        changed.forEach(p -> p.addValue("by", by).addValue("at", Timestamp.valueOf(at)));
        MapSqlParameterSource[] all = changed.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("delete from negotiated_quantity_override where period = :period and customer_id = :customer "
                + "and spec_code = :spec", all);
        jdbc.batchUpdate("""
                insert into negotiated_quantity_override (period, customer_id, spec_code, quantity, reason, overridden_by,
                                                          overridden_at)
                values (:period, :customer, :spec, :quantity, :reason, :by, :at)
                """, written.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                insert into negotiated_quantity_override_history (period, customer_id, spec_code, quantity, reason,
                                                                  changed_by, changed_at)
                values (:period, :customer, :spec, :quantity, :reason, :by, :at)
                """, all);
    }

    private Map<Long, Map<String, Stored>> overrides(String customerManagerId, YearMonth month) {
        Map<Long, Map<String, Stored>> overrides = new TreeMap<>();
        jdbc.query("""
                select o.customer_id, o.spec_code, o.quantity, o.reason, o.overridden_by, o.overridden_at
                  from negotiated_quantity_override o
                 where o.period = :period and o.customer_id in (
                       select v.customer_id from visit_plan_customer v
                        where v.customer_manager_id = :cm and v.period = :period)
                """, new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString()), rs -> {
                    overrides.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), new Stored(
                            rs.getInt(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toLocalDateTime()));
                });
        return overrides;
    }

    private static MapSqlParameterSource key(YearMonth month, long customer, String spec) {
        return new MapSqlParameterSource("period", month.toString()).addValue("customer", customer).addValue("spec", spec);
    }
}
