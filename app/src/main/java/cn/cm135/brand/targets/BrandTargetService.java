package cn.cm135.brand.targets;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.brand.analysis.BrandAnalysisService;
import cn.cm135.customer.CustomerDirectory;
import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.rules.Refusal;

/**
 * A customer manager's brand targets and target customers of a month. They can be changed until the
 * month's brand analysis (next month's step 6) is confirmed; from then on they are part of a locked
 * analysis and refused.
 */
@Service
public class BrandTargetService {

    /** The largest target a form accepts for one spec in one area, 条 a month. */
    static final int VOLUME_MAX = 1_000_000;

    private static final String SUGGESTIONS = """
            with mine as (
                select c.id, c.licence_no, c.name
                  from retail_customer c
                  join route r on r.code = c.route_code
                  join area a on a.code = r.area_code
                 where a.customer_manager_id = :cm and c.status = 'ACTIVE'),
            bought as (
                select q.customer_id, q.spec_code, p.price_class, q.quantity_3m as quantity
                  from sales_quarter q join cigarette_spec p on p.code = q.spec_code
                 where q.month_start = :lastMonth and q.customer_id in (select id from mine)),
            class_volume as (
                select customer_id, price_class, sum(quantity) as quantity
                  from bought group by customer_id, price_class),
            ranked as (
                select k.code as spec_code, v.customer_id, v.quantity,
                       row_number() over (partition by k.code order by v.quantity desc, v.customer_id) as rank_no
                  from cigarette_spec k
                  join class_volume v on v.price_class = k.price_class
                 where k.code in (:specs)
                   and not exists (select 1 from bought b where b.customer_id = v.customer_id and b.spec_code = k.code))
            select r.spec_code, r.customer_id, m.licence_no, m.name, r.quantity
              from ranked r join mine m on m.id = r.customer_id
             where r.rank_no <= :limit
             order by r.spec_code, r.rank_no
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerDirectory customers;
    private final SalesRollup rollup;
    private final BrandAnalysisService analysis;

    BrandTargetService(NamedParameterJdbcTemplate jdbc, CustomerDirectory customers, SalesRollup rollup,
            BrandAnalysisService analysis) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.rollup = rollup;
        this.analysis = analysis;
    }

    /** The targets the customer manager set for {@code month}, by area and spec. */
    @Transactional(readOnly = true)
    public List<BrandTarget> targets(String customerManagerId, YearMonth month) {
        Map<String, List<Long>> customersBySpecAndArea = new LinkedHashMap<>();
        jdbc.query("""
                select t.spec_code, r.area_code, t.customer_id
                  from brand_target_customer t
                  join retail_customer c on c.id = t.customer_id
                  join route r on r.code = c.route_code
                  join area a on a.code = r.area_code
                 where t.period = :period and a.customer_manager_id = :cm
                 order by t.customer_id
                """, params(customerManagerId, month), rs -> {
                    customersBySpecAndArea.computeIfAbsent(rs.getString(2) + "|" + rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getLong(3));
                });
        List<BrandTarget> targets = new ArrayList<>(jdbc.query("""
                select t.area_code, t.spec_code, t.target_volume
                  from brand_target t join area a on a.code = t.area_code
                 where t.period = :period and a.customer_manager_id = :cm
                 order by t.area_code, t.spec_code
                """, params(customerManagerId, month), (rs, i) -> new BrandTarget(rs.getString(1), rs.getString(2),
                        rs.getInt(3), customersBySpecAndArea.remove(rs.getString(1) + "|" + rs.getString(2)))));
        // Target customers of a spec without a volume target in that area are still targets.
        customersBySpecAndArea.forEach((key, ids) -> {
            String[] areaAndSpec = key.split("\\|", 2);
            targets.add(new BrandTarget(areaAndSpec[0], areaAndSpec[1], null, ids));
        });
        return targets;
    }

    /**
     * A starting point when the customer manager has set nothing for {@code month}: one row per area and
     * key or new brand, the target being last month's volume of the area rounded to 10 条, and the target
     * customers the first {@code suggestions} suggested ones.
     */
    @Transactional
    public List<BrandTarget> proposal(String customerManagerId, YearMonth month, int suggestions) {
        return proposal(customerManagerId, month, suggestions(customerManagerId, month, suggestions));
    }

    /** As {@link #proposal(String, YearMonth, int)}, with the suggestions already read. */
    @Transactional
    public List<BrandTarget> proposal(String customerManagerId, YearMonth month, List<SuggestedCustomer> suggestions) {
        YearMonth base = month.minusMonths(1);
        rollup.ensure(base, base);
        Map<Long, String> areaOf = new HashMap<>();
        customers.activeCustomers(customerManagerId).forEach(c -> areaOf.put(c.id(), c.areaCode()));
        // spec → area → suggested customers of that area, in the suggestions' order
        Map<String, Map<String, List<Long>>> suggested = new HashMap<>();
        suggestions.forEach(s -> suggested.computeIfAbsent(s.specCode(), k -> new HashMap<>())
                .computeIfAbsent(areaOf.get(s.customerId()), k -> new ArrayList<>()).add(s.customerId()));
        MapSqlParameterSource p = params(customerManagerId, base).addValue("from", java.sql.Date.valueOf(base.atDay(1)));
        return jdbc.query("""
                select a.code as area_code, p.code as spec_code,
                       coalesce(v.quantity, 0) as volume
                  from area a cross join cigarette_spec p
                  left join area_sales_month v on v.month_start = :from and v.area_code = a.code and v.spec_code = p.code
                 where a.customer_manager_id = :cm and (p.key_brand or p.new_brand)
                 order by a.code, p.code
                """, p, (rs, i) -> new BrandTarget(rs.getString("area_code"), rs.getString("spec_code"),
                        roundTo10(rs.getInt("volume")), suggested.getOrDefault(rs.getString("spec_code"), Map.of())
                                .getOrDefault(rs.getString("area_code"), List.of())));
    }

    private static int roundTo10(int volume) {
        return Math.round(volume / 10f) * 10;
    }

    /**
     * Suggested target customers of {@code month} for the key and new brands: the customer manager's active
     * customers who bought other specs of the spec's price class in the three months before {@code month}
     * but not the spec, most price-class volume first, at most {@code limit} a spec.
     */
    @Transactional
    public List<SuggestedCustomer> suggestions(String customerManagerId, YearMonth month, int limit) {
        List<String> specs = jdbc.queryForList("select code from cigarette_spec where key_brand or new_brand order by code",
                Map.of(), String.class);
        return suggestions(customerManagerId, month, specs, limit);
    }

    /** As {@link #suggestions(String, YearMonth, int)}, for the given specs. */
    @Transactional
    public List<SuggestedCustomer> suggestions(String customerManagerId, YearMonth month, List<String> specs, int limit) {
        if (specs.isEmpty() || limit <= 0) {
            return List.of();
        }
        rollup.ensure(month.minusMonths(3), month.minusMonths(1));
        MapSqlParameterSource p = params(customerManagerId, month).addValue("specs", specs).addValue("limit", limit)
                .addValue("lastMonth", java.sql.Date.valueOf(month.minusMonths(1).atDay(1)));
        return jdbc.query(SUGGESTIONS, p, (rs, i) -> new SuggestedCustomer(rs.getString(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getInt(5)));
    }

    /**
     * Replaces the customer manager's brand targets and target customers of {@code month} by {@code targets},
     * all or nothing; a bad row refuses the whole list, naming the row and the field.
     *
     * @throws Refusal LOCKED once the month's brand analysis of the customer manager is confirmed
     */
    @Transactional
    public void replace(String customerManagerId, YearMonth month, List<BrandTarget> targets) {
        if (analysis.isLocked(month, customerManagerId)) {
            throw Refusal.locked(month + " 的月度品牌状态分析已确定，品牌目标和目标客户不能再修改");
        }
        check(customerManagerId, targets);
        MapSqlParameterSource p = params(customerManagerId, month);
        jdbc.update("delete from brand_target where period = :period "
                + "and area_code in (select code from area where customer_manager_id = :cm)", p);
        jdbc.update("""
                delete from brand_target_customer where period = :period and customer_id in (
                    select c.id from retail_customer c join route r on r.code = c.route_code
                      join area a on a.code = r.area_code where a.customer_manager_id = :cm)
                """, p);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        Set<String> targetCustomers = new LinkedHashSet<>();
        for (BrandTarget t : targets) {
            if (t.targetVolume() != null) {
                rows.add(new MapSqlParameterSource("period", month.toString()).addValue("area", t.areaCode())
                        .addValue("spec", t.specCode()).addValue("volume", t.targetVolume()));
            }
            t.targetCustomers().forEach(id -> targetCustomers.add(t.specCode() + "|" + id));
        }
        jdbc.batchUpdate("insert into brand_target (period, area_code, spec_code, target_volume) "
                + "values (:period, :area, :spec, :volume)", rows.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("insert into brand_target_customer (period, spec_code, customer_id) values (:period, :spec, :customer)",
                targetCustomers.stream().map(key -> key.split("\\|", 2)).map(k -> new MapSqlParameterSource("period",
                        month.toString()).addValue("spec", k[0]).addValue("customer", Long.parseLong(k[1])))
                        .toArray(MapSqlParameterSource[]::new));
    }

    private void check(String customerManagerId, List<BrandTarget> targets) {
        Set<String> areas = new HashSet<>(customers.areas(customerManagerId));
        Set<String> specs = new HashSet<>(jdbc.queryForList("select code from cigarette_spec", Map.of(), String.class));
        Set<String> seen = new HashSet<>();
        Set<Long> allCustomers = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            BrandTarget t = targets.get(i);
            String at = "第 " + (i + 1) + " 行";
            if (t.areaCode() == null || !areas.contains(t.areaCode())) {
                throw Refusal.invalid("area", at + "：片区 " + t.areaCode() + " 不是客户经理 " + customerManagerId + " 的片区");
            }
            if (t.specCode() == null || !specs.contains(t.specCode())) {
                throw Refusal.invalid("spec", at + "：没有规格 " + t.specCode());
            }
            if (!seen.add(t.areaCode() + "|" + t.specCode())) {
                throw Refusal.invalid("spec", at + "：片区 " + t.areaCode() + " 的规格 " + t.specCode() + " 重复");
            }
            if (t.targetVolume() != null && (t.targetVolume() < 0 || t.targetVolume() > VOLUME_MAX)) {
                throw Refusal.invalid("targetVolume", at + "：品牌目标必须在 0 到 " + VOLUME_MAX + " 条之间，收到 " + t.targetVolume());
            }
            allCustomers.addAll(t.targetCustomers());
        }
        Set<Long> foreign = customers.notServedBy(customerManagerId, allCustomers);
        if (!foreign.isEmpty()) {
            throw Refusal.invalid("targetCustomers", "目标客户 " + foreign + " 不是客户经理 " + customerManagerId + " 服务的客户");
        }
    }

    private static MapSqlParameterSource params(String customerManagerId, YearMonth month) {
        return new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString());
    }
}
