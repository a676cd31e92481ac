package cn.cm135.visit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

import cn.cm135.customer.demand.DemandService;
import cn.cm135.customer.demand.NeedType;
import cn.cm135.customer.demand.NewDemand;
import cn.cm135.planning.approval.ResultsLock;
import cn.cm135.planning.strategy.OpenStrategies;
import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.planning.strategy.StrategyService;
import cn.cm135.planning.visits.NegotiatedQuantityRow;
import cn.cm135.planning.visits.VisitPlanService;
import cn.cm135.planning.week.WeekDays;
import cn.cm135.rules.Refusal;

/**
 * The module API of step 13 日拜访记录 (task listener, REST and the printed sheet alike).
 *
 * <p>Recording writes where the analyses already read: inventory, retail price and shelf presence to
 * field_observation (one row per customer, spec and day, as the CSV import does), anomalies to
 * market_anomaly, needs to customer_demand through {@link DemandService#record} with the visit's month as
 * the period (the month they were collected in: step 4 of the next month confirms them), strategies carried
 * out through {@link StrategyService#markDone} (★). Nothing is derived from these tables ahead of time (the
 * observation import refreshes nothing either): 上柜率, the ledger's stock and the anomaly counts are
 * computed when the analyses and reports run, so there is nothing to refresh.
 */
@Service
public class VisitRecordService {

    static final List<String> EFFECTS = List.of("好", "较好", "一般", "差");
    static final List<String> ANOMALY_TYPES = List.of("假烟", "走私烟", "无证经营", "价格异常", "断货", "其他");
    static final int TEXT_MAX = 1000;
    static final int FEELINGS_MAX = 2000;
    static final int NOTE_MAX = 500;
    static final int INVENTORY_MAX = 100_000;
    /** A retail price above this many times the guide price is a typing error (e.g. 元/包 × 100). */
    static final BigDecimal PRICE_FACTOR_MAX = BigDecimal.TEN;

    private record CustomerRef(long id, String licence, String name) {
        String label() {
            return name + "（" + licence + "）";
        }
    }

    private record Spec(String code, String name, BigDecimal guidePrice) {
    }

    private record StrategyRef(long id, long customerId, String status, LocalDate doneOn) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DemandService demands;
    private final StrategyService strategies;
    private final OpenStrategies openStrategies;
    private final VisitPlanService plans;
    private final ResultsLock results;
    private final SalesRollup rollup;
    private final Clock clock;

    VisitRecordService(NamedParameterJdbcTemplate jdbc, DemandService demands, StrategyService strategies,
            OpenStrategies openStrategies, VisitPlanService plans, ResultsLock results, SalesRollup rollup,
            Clock clock) {
        this.jdbc = jdbc;
        this.demands = demands;
        this.strategies = strategies;
        this.openStrategies = openStrategies;
        this.plans = plans;
        this.results = results;
        this.rollup = rollup;
        this.clock = clock;
    }

    /**
     * The day's sheet: the listed customers (by route, licence) with grade, open strategies and the 商定总量
     * of every key spec, and what has been recorded.
     *
     * @throws Refusal NOT_FOUND when there is no such customer manager
     */
    @Transactional
    public VisitSheet sheet(String customerManagerId, LocalDate visitDate) {
        String name = jdbc.queryForList("select name from staff where staff_id = :cm and role = 'CUSTOMER_MANAGER'",
                new MapSqlParameterSource("cm", customerManagerId), String.class).stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("没有客户经理 " + customerManagerId));
        YearMonth period = YearMonth.from(visitDate);
        MapSqlParameterSource p = params(customerManagerId, visitDate);
        List<VisitSheet.KeySpec> keySpecs = jdbc.query("select code, name from cigarette_spec where key_brand order by code",
                Map.of(), (rs, n) -> new VisitSheet.KeySpec(rs.getString(1), rs.getString(2)));
        Map<Long, Map<String, Integer>> negotiated = new HashMap<>();
        if (plans.exists(customerManagerId, period)) {
            for (NegotiatedQuantityRow q : plans.plan(customerManagerId, period).negotiatedQuantities()) {
                negotiated.computeIfAbsent(q.customerId(), k -> new HashMap<>()).put(q.specCode(), q.effectiveQuantity());
            }
        }
        record Row(long id, String licence, String name, String address, String route, Integer grade) {
        }
        List<Row> rows = jdbc.query("""
                select c.id, c.licence_no, c.name, c.address, l.route_code, coalesce(v.grade, c.grade) as grade
                  from day_visit_list l
                  join retail_customer c on c.id = l.customer_id
                  left join visit_plan_customer v on v.customer_manager_id = l.customer_manager_id
                        and v.period = l.period and v.customer_id = l.customer_id
                 where l.customer_manager_id = :cm and l.visit_date = :day
                 order by coalesce(l.visit_order, 0), l.route_code, c.licence_no
                """, p, (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, Integer.class)));
        var open = openStrategies.of(period.toString(), rows.stream().map(Row::id).toList());
        List<VisitSheet.Customer> customers = rows.stream().map(r -> new VisitSheet.Customer(r.id(), r.licence(),
                r.name(), r.address(), r.route(), r.grade(), open.getOrDefault(r.id(), List.of()),
                keySpecs.stream().map(s -> new VisitSheet.Negotiated(s.code(), s.name(),
                        negotiated.getOrDefault(r.id(), Map.of()).get(s.code()))).toList(),
                "/reports/sales-ledger/" + period + "?customer=" + r.id())).toList();
        Map<String, Object> week = jdbc.query("select market_focus, brand_focus from week_arrangement "
                + "where customer_manager_id = :cm and period = :period and week_start = :week",
                p.addValue("period", period.toString()).addValue("week", WeekDays.monday(visitDate)),
                rs -> rs.next() ? Map.<String, Object>of("market", nz(rs.getString(1)), "brand", nz(rs.getString(2)))
                        : Map.<String, Object>of("market", "", "brand", ""));
        return new VisitSheet(customerManagerId, name, period.toString(), visitDate,
                WeekDays.weekdayLabel(visitDate.getDayOfWeek().getValue()), (String) week.get("market"),
                (String) week.get("brand"), keySpecs, customers, recorded(customerManagerId, visitDate),
                routeSummary(customerManagerId, visitDate));
    }

    /** Step 12's line on the day's route (order, distance, saving), or empty when the day was not arranged. */
    private String routeSummary(String customerManagerId, LocalDate visitDate) {
        return jdbc.queryForList("select summary from day_route where customer_manager_id = :cm and visit_date = :day",
                params(customerManagerId, visitDate), String.class).stream().findFirst().orElse("");
    }

    /** What has been recorded for the day. */
    @Transactional(readOnly = true)
    public RecordedDay recorded(String customerManagerId, LocalDate visitDate) {
        MapSqlParameterSource p = params(customerManagerId, visitDate);
        List<RecordedDay.RecordedVisit> visits = jdbc.query("""
                select r.customer_id, c.licence_no, c.name, r.visited, r.planned, r.opinions, r.effect, r.note
                  from visit_record r join retail_customer c on c.id = r.customer_id
                 where r.customer_manager_id = :cm and r.visit_date = :day
                 order by c.route_code, c.licence_no
                """, p, (rs, n) -> new RecordedDay.RecordedVisit(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        String ofDay = "(select customer_id from visit_record where customer_manager_id = :cm and visit_date = :day)";
        List<DayRecord.Observation> observations = jdbc.query("select customer_id, spec_code, inventory, retail_price, "
                + "on_shelf from field_observation where observed_on = :day and customer_id in " + ofDay
                + " order by customer_id, spec_code", p, (rs, n) -> new DayRecord.Observation(rs.getLong(1),
                        rs.getString(2), rs.getObject(3, Integer.class), rs.getBigDecimal(4),
                        rs.getObject(5, Boolean.class)));
        List<DayRecord.Anomaly> anomalies = jdbc.query("select customer_id, anomaly_type, spec_code, note "
                + "from market_anomaly where observed_on = :day and customer_id in " + ofDay
                + " order by customer_id, anomaly_type", p, (rs, n) -> new DayRecord.Anomaly(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4)));
        List<DayRecord.Need> needs = jdbc.query("""
                select d.customer_id, d.need_type, d.content, d.urgent
                  from visit_day_demand l join customer_demand d on d.id = l.demand_id
                 where l.customer_manager_id = :cm and l.visit_date = :day order by d.id
                """, p, (rs, n) -> new DayRecord.Need(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4)));
        List<Long> done = jdbc.queryForList("select id from service_strategy where customer_manager_id = :cm "
                + "and status = 'DONE' and done_on = :day order by id", p, Long.class);
        return jdbc.query("select status, feelings, recorded_at from visit_day where customer_manager_id = :cm "
                + "and visit_date = :day", p, rs -> rs.next()
                        ? new RecordedDay(rs.getString(1), rs.getString(2), rs.getTimestamp(3) == null ? null
                                : rs.getTimestamp(3).toLocalDateTime(), visits, done, observations, anomalies, needs)
                        : new RecordedDay("OPEN", "", null, visits, done, observations, anomalies, needs));
    }

    /**
     * Records the day, replacing what an earlier recording of it wrote (visits, observations and anomalies of
     * its customers on the day, needs it recorded that were not confirmed yet). All or nothing: a bad row
     * refuses everything, naming the customer and the field. Strategies stay done (★ is not taken back).
     *
     * @throws Refusal INVALID for bad input; LOCKED once the month's results are approved
     */
    @Transactional
    public RecordedDay record(String customerManagerId, LocalDate visitDate, DayRecord day, String by) {
        LocalDate today = LocalDate.now(clock);
        if (visitDate.isAfter(today)) {
            throw Refusal.invalid("visitDate", "不能记录将来的拜访：" + visitDate + "（今天是 " + today + "）");
        }
        YearMonth period = YearMonth.from(visitDate);
        results.requireOpen(customerManagerId, period, "拜访记录");
        MapSqlParameterSource p = params(customerManagerId, visitDate).addValue("period", period.toString());
        Map<Long, CustomerRef> own = new HashMap<>();
        jdbc.query("""
                select c.id, c.licence_no, c.name from retail_customer c
                  join route r on r.code = c.route_code join area a on a.code = r.area_code
                 where a.customer_manager_id = :cm
                """, p, rs -> {
                    own.put(rs.getLong(1), new CustomerRef(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
        Set<Long> listed = new LinkedHashSet<>(jdbc.queryForList("select customer_id from day_visit_list "
                + "where customer_manager_id = :cm and visit_date = :day", p, Long.class));

        // Visits: the submitted ones, then every listed customer not submitted as not visited.
        Map<Long, DayRecord.Visit> visits = new LinkedHashMap<>();
        List<DayRecord.Visit> submitted = DayRecord.orEmpty(day.visits());
        for (int n = 0; n < submitted.size(); n++) {
            DayRecord.Visit v = submitted.get(n);
            String row = "拜访第 " + (n + 1) + " 行";
            CustomerRef c = customer(own, v == null ? null : v.customerId(), row, customerManagerId);
            String at = row + "（" + c.label() + "）";
            if (visits.containsKey(c.id())) {
                throw Refusal.invalid("customerId", at + "：客户重复");
            }
            if (v.visited() == null) {
                throw Refusal.invalid("visited", at + "：请选择是否拜访");
            }
            if (v.effect() != null && !v.effect().isBlank() && !EFFECTS.contains(v.effect().strip())) {
                throw Refusal.invalid("effect", at + "：拜访效果必须是 " + String.join("、", EFFECTS) + " 之一，收到 "
                        + v.effect());
            }
            length(v.opinions(), TEXT_MAX, "opinions", at + "：客户意见建议");
            length(v.note(), TEXT_MAX, "note", at + "：备注");
            visits.put(c.id(), v);
        }
        listed.forEach(id -> visits.putIfAbsent(id, new DayRecord.Visit(id, false, null, null, null)));
        Set<Long> visited = new HashSet<>();
        visits.forEach((id, v) -> {
            if (v.visited()) {
                visited.add(id);
            }
        });

        if (DayRecord.orEmpty(day.strategiesDone()).stream().anyMatch(java.util.Objects::isNull)) {
            throw Refusal.invalid("strategiesDone", "已完成策略中有空的策略编号");
        }
        List<Long> strategyIds = List.copyOf(new LinkedHashSet<>(DayRecord.orEmpty(day.strategiesDone())));
        List<StrategyRef> toMark = strategiesToMark(customerManagerId, period, strategyIds, visited, own);
        Map<String, Spec> specs = new HashMap<>();
        jdbc.query("select code, name, retail_price from cigarette_spec", Map.of(), rs -> {
            specs.put(rs.getString(1), new Spec(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
        });
        List<MapSqlParameterSource> observations = observations(day, own, visited, specs, visitDate);
        List<MapSqlParameterSource> anomalies = anomalies(day, own, visited, specs, visitDate);
        List<NewDemand> needs = needs(day, own, visited);
        length(day.feelings(), FEELINGS_MAX, "feelings", "拜访效果及感受");

        // Everything is checked: replace the day.
        Set<Long> affected = new HashSet<>(jdbc.queryForList("select customer_id from visit_record "
                + "where customer_manager_id = :cm and visit_date = :day", p, Long.class));
        affected.addAll(visits.keySet());
        if (!affected.isEmpty()) {
            MapSqlParameterSource q = params(customerManagerId, visitDate).addValue("customers", affected);
            jdbc.update("delete from field_observation where observed_on = :day and customer_id in (:customers)", q);
            jdbc.update("delete from market_anomaly where observed_on = :day and customer_id in (:customers)", q);
        }
        jdbc.update("""
                delete from customer_demand where status = 'RECORDED' and id in (
                       select demand_id from visit_day_demand where customer_manager_id = :cm and visit_date = :day)
                """, p);
        // Their links go with them (on delete cascade); a need confirmed meanwhile stays, linked to the day.
        jdbc.update("delete from visit_record where customer_manager_id = :cm and visit_date = :day", p);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbc.batchUpdate("""
                insert into visit_record (customer_manager_id, period, customer_id, visit_date, visited, planned, opinions,
                                          effect, note, recorded_by, recorded_at)
                values (:cm, :period, :customer, :day, :visited, :planned, :opinions, :effect, :note, :by, :now)
                """, visits.values().stream().map(v -> new MapSqlParameterSource(p.getValues())
                .addValue("customer", v.customerId()).addValue("visited", v.visited())
                .addValue("planned", listed.contains(v.customerId())).addValue("opinions", blankToNull(v.opinions()))
                .addValue("effect", blankToNull(v.effect())).addValue("note", blankToNull(v.note()))
                .addValue("by", by).addValue("now", now)).toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                insert into field_observation (customer_id, spec_code, observed_on, inventory, retail_price, on_shelf)
                values (:customer, :spec, :day, :inventory, :price, :onShelf)
                """, observations.toArray(MapSqlParameterSource[]::new));
        // The day's observations replaced: the roll-ups they feed follow, for these customers.
        rollup.refreshObservations(YearMonth.from(visitDate), affected);
        jdbc.batchUpdate("""
                insert into market_anomaly (customer_id, observed_on, anomaly_type, spec_code, note)
                values (:customer, :day, :type, :spec, :note)
                """, anomalies.toArray(MapSqlParameterSource[]::new));
        recordNeeds(customerManagerId, visitDate, period, needs);
        for (StrategyRef s : toMark) {
            strategies.markDone(customerManagerId, period, s.id(), visitDate);
        }
        jdbc.update("delete from visit_day where customer_manager_id = :cm and visit_date = :day", p);
        jdbc.update("insert into visit_day (customer_manager_id, period, visit_date, feelings, status, recorded_at) "
                + "values (:cm, :period, :day, :feelings, 'RECORDED', :now)",
                p.addValue("feelings", blankToNull(day.feelings())).addValue("now", now));
        return recorded(customerManagerId, visitDate);
    }

    private List<StrategyRef> strategiesToMark(String customerManagerId, YearMonth period, List<Long> ids,
            Set<Long> visited, Map<Long, CustomerRef> own) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StrategyRef> found = new HashMap<>();
        jdbc.query("select id, customer_id, status, done_on from service_strategy where id in (:ids) "
                + "and customer_manager_id = :cm and period = :period", new MapSqlParameterSource("ids", ids)
                .addValue("cm", customerManagerId).addValue("period", period.toString()), rs -> {
                    found.put(rs.getLong(1), new StrategyRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()));
                });
        List<StrategyRef> toMark = new ArrayList<>();
        for (Long id : ids) {
            StrategyRef s = found.get(id);
            if (s == null) {
                throw Refusal.invalid("strategiesDone", "策略编号 " + id + " 不是客户经理 " + customerManagerId + " 的 "
                        + period + " 服务策略");
            }
            String who = own.containsKey(s.customerId()) ? own.get(s.customerId()).label() : "客户 " + s.customerId();
            if ("DROPPED".equals(s.status())) {
                throw Refusal.invalid("strategiesDone", who + "：策略编号 " + id + " 已删除，不能标注完成");
            }
            if (!visited.contains(s.customerId())) {
                throw Refusal.invalid("strategiesDone", who + "：策略编号 " + id + " 的客户本日未拜访，不能标注完成");
            }
            if (!"DONE".equals(s.status())) {
                toMark.add(s);
            }
        }
        List<String> plan = jdbc.queryForList("select status from strategy_plan where customer_manager_id = :cm "
                + "and period = :period", new MapSqlParameterSource("cm", customerManagerId)
                .addValue("period", period.toString()), String.class);
        if (!toMark.isEmpty() && (plan.isEmpty() || !List.of("APPROVED", "LOCKED").contains(plan.get(0)))) {
            throw Refusal.invalid("strategiesDone", customerManagerId + " 的 " + period
                    + " 服务策略计划尚未审核通过，不能标注完成");
        }
        return toMark;
    }

    private static List<MapSqlParameterSource> observations(DayRecord day, Map<Long, CustomerRef> own, Set<Long> visited,
            Map<String, Spec> specs, LocalDate visitDate) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<DayRecord.Observation> submitted = DayRecord.orEmpty(day.observations());
        for (int n = 0; n < submitted.size(); n++) {
            DayRecord.Observation o = submitted.get(n);
            String row = "库存价格第 " + (n + 1) + " 行";
            CustomerRef c = visitedCustomer(own, visited, o == null ? null : o.customerId(), row);
            String at = row + "（" + c.label() + "）";
            Spec spec = o.specCode() == null ? null : specs.get(o.specCode().strip());
            if (spec == null) {
                throw Refusal.invalid("specCode", at + "：没有规格 " + o.specCode());
            }
            at += spec.name();
            if (!seen.add(c.id() + "/" + spec.code())) {
                throw Refusal.invalid("specCode", at + "：同一客户同一规格只能填写一行");
            }
            if (o.inventory() == null && o.retailPrice() == null && o.onShelf() == null) {
                throw Refusal.invalid("inventory", at + "：库存、零售价、是否上柜至少填写一项");
            }
            if (o.inventory() != null && (o.inventory() < 0 || o.inventory() > INVENTORY_MAX)) {
                throw Refusal.invalid("inventory", at + "：库存必须在 0 到 " + INVENTORY_MAX + " 条之间，收到 "
                        + o.inventory());
            }
            if (o.retailPrice() != null) {
                BigDecimal max = spec.guidePrice().multiply(PRICE_FACTOR_MAX);
                if (o.retailPrice().signum() <= 0 || o.retailPrice().compareTo(max) > 0) {
                    throw Refusal.invalid("retailPrice", at + "：零售价必须大于 0 且不超过指导价的 10 倍（" + max.toPlainString()
                            + " 元/条），收到 " + o.retailPrice().toPlainString());
                }
                if (o.retailPrice().scale() > 2 && o.retailPrice().stripTrailingZeros().scale() > 2) {
                    throw Refusal.invalid("retailPrice", at + "：零售价最多两位小数，收到 " + o.retailPrice().toPlainString());
                }
            }
            rows.add(new MapSqlParameterSource("customer", c.id()).addValue("spec", spec.code()).addValue("day", visitDate)
                    .addValue("inventory", o.inventory()).addValue("price", o.retailPrice())
                    .addValue("onShelf", o.onShelf()));
        }
        return rows;
    }

    private static List<MapSqlParameterSource> anomalies(DayRecord day, Map<Long, CustomerRef> own, Set<Long> visited,
            Map<String, Spec> specs, LocalDate visitDate) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<DayRecord.Anomaly> submitted = DayRecord.orEmpty(day.anomalies());
        for (int n = 0; n < submitted.size(); n++) {
            DayRecord.Anomaly a = submitted.get(n);
            String row = "市场异常第 " + (n + 1) + " 行";
            CustomerRef c = visitedCustomer(own, visited, a == null ? null : a.customerId(), row);
            String at = row + "（" + c.label() + "）";
            String type = a.anomalyType() == null ? null : a.anomalyType().strip();
            if (type == null || !ANOMALY_TYPES.contains(type)) {
                throw Refusal.invalid("anomalyType", at + "：异常类型必须是 " + String.join("、", ANOMALY_TYPES)
                        + " 之一，收到 " + a.anomalyType());
            }
            String spec = blankToNull(a.specCode());
            if (spec != null && !specs.containsKey(spec.strip())) {
                throw Refusal.invalid("specCode", at + "：没有规格 " + spec);
            }
            if (!seen.add(c.id() + "/" + type)) {
                throw Refusal.invalid("anomalyType", at + "：同一客户同一天的“" + type + "”只能填写一行");
            }
            length(a.note(), NOTE_MAX, "note", at + "：异常说明");
            rows.add(new MapSqlParameterSource("customer", c.id()).addValue("day", visitDate).addValue("type", type)
                    .addValue("spec", spec == null ? null : spec.strip()).addValue("note", blankToNull(a.note())));
        }
        return rows;
    }

    private static List<NewDemand> needs(DayRecord day, Map<Long, CustomerRef> own, Set<Long> visited) {
        List<NewDemand> needs = new ArrayList<>();
        List<DayRecord.Need> submitted = DayRecord.orEmpty(day.needs());
        for (int n = 0; n < submitted.size(); n++) {
            DayRecord.Need need = submitted.get(n);
            String row = "客户需求第 " + (n + 1) + " 行";
            CustomerRef c = visitedCustomer(own, visited, need == null ? null : need.customerId(), row);
            String at = row + "（" + c.label() + "）";
            if (need.needType() == null || !NeedType.ALL.contains(need.needType().strip())) {
                throw Refusal.invalid("needType", at + "：需求类型必须是 " + String.join("、", NeedType.ALL) + " 之一，收到 "
                        + need.needType());
            }
            if (need.content() == null || need.content().isBlank()) {
                throw Refusal.invalid("content", at + "：请填写需求内容");
            }
            length(need.content(), 500, "content", at + "：需求内容");
            needs.add(new NewDemand(c.id(), need.needType().strip(), need.content().strip(), need.urgent()));
        }
        return needs;
    }

    /** Records the needs (collected in the visit's month) and links those recorded now to the day. */
    private void recordNeeds(String customerManagerId, LocalDate visitDate, YearMonth period, List<NewDemand> needs) {
        if (needs.isEmpty()) {
            return;
        }
        MapSqlParameterSource p = params(customerManagerId, visitDate).addValue("period", period.toString())
                .addValue("customers", needs.stream().map(NewDemand::customerId).distinct().toList());
        String ids = "select id from customer_demand where period = :period and customer_id in (:customers)";
        Set<Long> before = new HashSet<>(jdbc.queryForList(ids, p, Long.class));
        demands.record(customerManagerId, period, needs);
        List<MapSqlParameterSource> links = jdbc.queryForList(ids, p, Long.class).stream()
                .filter(id -> !before.contains(id))
                .map(id -> params(customerManagerId, visitDate).addValue("demand", id)).toList();
        jdbc.batchUpdate("insert into visit_day_demand (customer_manager_id, visit_date, demand_id) "
                + "values (:cm, :day, :demand)", links.toArray(MapSqlParameterSource[]::new));
    }

    private static CustomerRef customer(Map<Long, CustomerRef> own, Long id, String row, String customerManagerId) {
        if (id == null) {
            throw Refusal.invalid("customerId", row + "：请选择客户");
        }
        CustomerRef c = own.get(id);
        if (c == null) {
            throw Refusal.invalid("customerId", row + "：客户 " + id + " 不是客户经理 " + customerManagerId + " 服务的客户");
        }
        return c;
    }

    private static CustomerRef visitedCustomer(Map<Long, CustomerRef> own, Set<Long> visited, Long id, String row) {
        if (id == null) {
            throw Refusal.invalid("customerId", row + "：请选择客户");
        }
        CustomerRef c = own.get(id);
        if (c == null || !visited.contains(id)) {
            throw Refusal.invalid("customerId", row + "：" + (c == null ? "客户 " + id : c.label())
                    + " 本日未记录为已拜访，请先在拜访记录中填写该客户");
        }
        return c;
    }

    private static void length(String text, int max, String field, String label) {
        if (text != null && text.strip().length() > max) {
            throw Refusal.invalid(field, label + "最多 " + max + " 字");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static MapSqlParameterSource params(String customerManagerId, LocalDate visitDate) {
        return new MapSqlParameterSource("cm", customerManagerId).addValue("day", visitDate);
    }
}
