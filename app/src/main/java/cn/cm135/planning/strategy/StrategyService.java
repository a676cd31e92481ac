package cn.cm135.planning.strategy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.planning.approval.Approvals;
import cn.cm135.rules.Refusal;

/**
 * The module API of step 9 生成服务策略: every path that touches a month's strategy plan (the process,
 * the forms, REST) goes through here, so the plan's life cycle holds whichever door a change comes
 * through. Generating, dropping and adding lock the plan's row first.
 */
@Service
// A refused change changed nothing, so it need not doom the caller's transaction.
@Transactional(noRollbackFor = Refusal.class)
public class StrategyService {

    static final Set<String> KEY_POINTS = Set.of("客户", "品牌", "市场");
    private static final int TYPE_MAX = 32;
    private static final int CONTENT_MAX = 500;
    private static final int REASON_MAX = 1000;

    private final StrategyPlanRepository plans;
    private final StrategyRows rows;
    private final StrategyInputs inputs;
    private final ServiceStrategyDecision decision;
    private final JdbcTemplate jdbc;
    private final Approvals approvals;
    private final Clock clock;

    StrategyService(StrategyPlanRepository plans, StrategyRows rows, StrategyInputs inputs,
            ServiceStrategyDecision decision, JdbcTemplate jdbc, Approvals approvals, Clock clock) {
        this.approvals = approvals;
        this.plans = plans;
        this.rows = rows;
        this.inputs = inputs;
        this.decision = decision;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@link #generate(String, YearMonth, Date)} with the latest deployed rule table. */
    public GenerationResult generate(String customerManagerId, YearMonth month) {
        return generate(customerManagerId, month, null);
    }

    /**
     * 计划新增: evaluates the rule table in force at {@code rulesAsOf} (the month's start; null: the latest) once
     * per active customer of the customer manager and stores the strategies with their reasons. Running it again never duplicates a row and never
     * overwrites the customer manager's changes: dropped and manual rows stay as they are; open system rows
     * get this run's reason, and those whose rule no longer fires go.
     */
    public GenerationResult generate(String customerManagerId, YearMonth month, Date rulesAsOf) {
        return generate(List.of(customerManagerId), month, rulesAsOf).get(customerManagerId);
    }

    /**
     * 计划新增 for several customer managers at once (the whole centre after a change of rules, the benchmark): their
     * facts are read with the same few set-based queries as one customer manager's, the table is evaluated for
     * their customers on every core, and each plan is compared as {@link #generate(String, YearMonth, Date)} compares
     * it, the inserts, refreshes and removals of all plans then written in one batch each. Refused as a whole, before
     * anything is written, when any of the plans can no longer be changed.
     */
    public Map<String, GenerationResult> generate(Collection<String> customerManagerIds, YearMonth month, Date rulesAsOf) {
        Map<String, StrategyPlan> plansOf = editablePlans(customerManagerIds, month);
        StrategyMonth window = StrategyMonth.of(month);

        long t0 = System.nanoTime();
        Map<String, List<CustomerFacts>> facts = inputs.load(plansOf.keySet(), window);
        long t1 = System.nanoTime();
        ServiceStrategyDecision.Table table = decision.load(rulesAsOf);
        // Customers are independent and the parsed table is immutable: evaluated in parallel, collected in order.
        Map<Long, List<StrategyRows.NewStrategy>> hits = facts.values().stream().flatMap(List::stream).toList()
                .parallelStream().collect(Collectors.toConcurrentMap(c -> c.customerId, c -> proposals(table, c, window)));
        long t2 = System.nanoTime();

        // Every plan's rows are read, compared and written together: a few statements for the whole centre.
        Map<String, List<StrategyRows.Stored>> stored = rows.storedIn(plansOf.keySet(), month.toString());
        LocalDateTime now = now();
        StrategyRows.Changes changes = new StrategyRows.Changes();
        Map<String, GenerationResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, StrategyPlan> entry : plansOf.entrySet()) {
            String customerManagerId = entry.getKey();
            List<CustomerFacts> customers = facts.getOrDefault(customerManagerId, List.of());
            Map<Strategy.Key, StrategyRows.NewStrategy> proposed = new LinkedHashMap<>();
            for (CustomerFacts customer : customers) {
                // Two rules giving the same type and spec for one customer make one strategy (the first rule's).
                hits.get(customer.customerId).forEach(s -> proposed.putIfAbsent(s.key(), s));
            }
            results.put(customerManagerId, compare(customerManagerId, month, customers.size(), proposed,
                    stored.getOrDefault(customerManagerId, List.of()), changes,
                    (t1 - t0) / 1_000_000 * customers.size() / Math.max(1, hits.size()),
                    (t2 - t1) / 1_000_000 * customers.size() / Math.max(1, hits.size())));
            entry.getValue().generated(customers.size(), now);
        }
        rows.write(month.toString(), changes, now);
        long writeMillis = (System.nanoTime() - t2) / 1_000_000;
        results.replaceAll((customerManagerId, result) -> result.withWriteMillis(
                writeMillis * result.customers() / Math.max(1, hits.size())));
        return results;
    }

    private static List<StrategyRows.NewStrategy> proposals(ServiceStrategyDecision.Table table, CustomerFacts customer,
            StrategyMonth window) {
        List<StrategyRows.NewStrategy> proposed = new ArrayList<>();
        for (ServiceStrategyDecision.Hit hit : table.evaluate(customer.variables(window))) {
            proposed.add(new StrategyRows.NewStrategy(customer.customerId, clip(hit.strategyType(), TYPE_MAX),
                    hit.keyPoint(), hit.specCode(), clip(hit.content(), CONTENT_MAX),
                    clip(hit.reason() == null ? "规则“" + hit.strategyType() + "”命中" : hit.reason(), REASON_MAX),
                    Strategy.Source.SYSTEM));
        }
        return proposed;
    }

    /** One plan's proposals against the rows it holds, as changes to write; the shares of reading and evaluating are given. */
    private static GenerationResult compare(String customerManagerId, YearMonth month, int customers,
            Map<Strategy.Key, StrategyRows.NewStrategy> proposed, List<StrategyRows.Stored> stored,
            StrategyRows.Changes changes, long inputMillis, long evaluateMillis) {
        Map<Strategy.Key, StrategyRows.Stored> existing = new HashMap<>();
        stored.forEach(s -> existing.put(s.key(), s));
        int inserted = 0;
        int refreshed = 0;
        int untouched = 0;
        for (StrategyRows.NewStrategy s : proposed.values()) {
            StrategyRows.Stored old = existing.remove(s.key());
            if (old == null) {
                changes.insert(customerManagerId, s);
                inserted++;
            } else if (old.openSystemRow()) {
                changes.refresh(old.id(), s);
                refreshed++;
            } else {
                untouched++;
            }
        }
        List<Long> stale = existing.values().stream().filter(StrategyRows.Stored::openSystemRow)
                .map(StrategyRows.Stored::id).toList();
        changes.delete(stale);
        return new GenerationResult(month, customers, proposed.size(), inserted, refreshed, stale.size(), untouched,
                inputMillis, evaluateMillis, 0);
    }

    @Transactional(readOnly = true)
    public StrategyPlan plan(String customerManagerId, YearMonth month) {
        return plans.findByCustomerManagerIdAndPeriod(customerManagerId, month.toString())
                .orElseThrow(() -> StrategyException.missing("%s 还没有 %s 月的服务策略计划（先执行“计划新增”）"
                        .formatted(customerManagerId, month)));
    }

    /** The plan's strategies by licence number, then key point 客户/品牌/市场, type and spec. */
    @Transactional(readOnly = true)
    public List<Strategy> strategies(String customerManagerId, YearMonth month) {
        return rows.forPlan(customerManagerId, month.toString());
    }

    /** The customer manager removes a strategy from the plan; the reason stays with it. */
    public Strategy drop(String customerManagerId, YearMonth month, long id, String reason) {
        lock(customerManagerId, month).requireEditable();
        Strategy strategy = inPlan(customerManagerId, month, id);
        if (reason == null || reason.isBlank()) {
            throw StrategyException.badInput("dropReason", "删除策略时必须填写删除原因（策略编号 %d：%s %s）"
                    .formatted(id, strategy.licenceNo(), strategy.strategyType()));
        }
        if (reason.strip().length() > CONTENT_MAX) {
            throw StrategyException.badInput("dropReason", "删除原因最多 " + CONTENT_MAX + " 个字");
        }
        rows.setStatus(id, Strategy.Status.DROPPED, reason.strip(), null, now());
        return rows.find(id).orElseThrow();
    }

    /** Undoes a drop while the plan is still being adjusted. */
    public Strategy restore(String customerManagerId, YearMonth month, long id) {
        lock(customerManagerId, month).requireEditable();
        Strategy strategy = inPlan(customerManagerId, month, id);
        if (strategy.status() == Strategy.Status.DROPPED) {
            rows.setStatus(id, Strategy.Status.OPEN, null, null, now());
        }
        return rows.find(id).orElseThrow();
    }

    /** The customer manager adds a strategy of their own for one of their customers. */
    public Strategy addManual(String customerManagerId, YearMonth month, ManualStrategy input) {
        StrategyPlan plan = editablePlans(List.of(customerManagerId), month).get(customerManagerId);
        String licence = required(input.licenceNo(), "licenceNo", "许可证号");
        String type = required(input.strategyType(), "strategyType", "策略类型");
        String content = required(input.content(), "content", "策略内容");
        if (type.length() > TYPE_MAX) {
            throw StrategyException.badInput("strategyType", "策略类型最多 " + TYPE_MAX + " 个字，收到 " + type.length() + " 个");
        }
        if (content.length() > CONTENT_MAX) {
            throw StrategyException.badInput("content", "策略内容最多 " + CONTENT_MAX + " 个字，收到 " + content.length() + " 个");
        }
        long customerId = customerOf(customerManagerId, licence);
        String spec = input.specCode() == null || input.specCode().isBlank() ? null : input.specCode().strip();
        if (spec != null && count("select count(*) from cigarette_spec where code = ?", spec) == 0) {
            throw StrategyException.badInput("specCode", "没有规格代码为 " + spec + " 的卷烟规格");
        }
        String keyPoint = keyPoint(input.keyPoint(), type);
        rows.find(customerId, month.toString(), type, spec).ifPresent(same -> {
            throw StrategyException.badInput("strategyType", "零售户 %s 本月已有“%s”%s策略（编号 %d，%s），不能重复新增"
                    .formatted(licence, type, spec == null ? "" : "（规格 " + spec + "）", same.id(), statusLabel(same)));
        });
        long id = rows.insert(customerManagerId, month.toString(), new StrategyRows.NewStrategy(customerId, type, keyPoint,
                spec, content, null, Strategy.Source.MANUAL), now());
        return rows.find(id).orElseThrow();
    }

    /** 计划提交: the plan goes to the market manager; no change until they decide. */
    public StrategyPlan submit(String customerManagerId, YearMonth month) {
        StrategyPlan plan = lock(customerManagerId, month);
        approvals.submit(plan);
        return plans.save(plan);
    }

    /** 计划审核 passed. */
    public StrategyPlan approve(String customerManagerId, YearMonth month, String approver) {
        StrategyPlan plan = lock(customerManagerId, month);
        approvals.approve(plan, approver);
        return plans.save(plan);
    }

    /** Back to the customer manager with a reason; the strategies and their adjustments stay as they are. */
    public StrategyPlan reject(String customerManagerId, YearMonth month, String approver, String reason) {
        StrategyPlan plan = lock(customerManagerId, month);
        approvals.reject(plan, approver, reason);
        return plans.save(plan);
    }

    /** The approved plan becomes the month's fixed plan (步骤10 may start). */
    public StrategyPlan lockPlan(String customerManagerId, YearMonth month) {
        StrategyPlan plan = lock(customerManagerId, month);
        approvals.lock(plan);
        return plans.save(plan);
    }

    /** ★ A strategy of an approved plan carried out on a visit (步骤13/14). */
    public Strategy markDone(String customerManagerId, YearMonth month, long id, LocalDate on) {
        lock(customerManagerId, month).requireApproved();
        Strategy strategy = inPlan(customerManagerId, month, id);
        if (strategy.status() == Strategy.Status.DROPPED) {
            throw StrategyException.badInput("status", "策略编号 %d 已删除，不能标注完成".formatted(id));
        }
        rows.setStatus(id, Strategy.Status.DONE, null, on, now());
        return rows.find(id).orElseThrow();
    }

    private StrategyPlan lock(String customerManagerId, YearMonth month) {
        return plans.findForUpdateByCustomerManagerIdAndPeriod(customerManagerId, month.toString())
                .orElseThrow(() -> StrategyException.missing("%s 还没有 %s 月的服务策略计划（先执行“计划新增”）"
                        .formatted(customerManagerId, month)));
    }

    /**
     * The month's plans of these customer managers, row-locked in one statement, created where missing; refused
     * before anything is created when one of them can no longer be changed.
     */
    private Map<String, StrategyPlan> editablePlans(Collection<String> customerManagerIds, YearMonth month) {
        String period = month.toString();
        Map<String, StrategyPlan> plansOf = new LinkedHashMap<>();
        customerManagerIds.forEach(cm -> plansOf.put(cm, null));
        // Locked in one order (by customer manager), so two runs over overlapping teams cannot deadlock.
        for (StrategyPlan plan : plans.findForUpdateByPeriodAndCustomerManagerIdInOrderByCustomerManagerId(period,
                plansOf.keySet())) {
            plan.requireEditable();
            plansOf.put(plan.getCustomerManagerId(), plan);
        }
        List<StrategyPlan> created = plans.saveAll(plansOf.entrySet().stream().filter(e -> e.getValue() == null)
                .map(e -> new StrategyPlan(e.getKey(), period)).toList());
        created.forEach(plan -> plansOf.put(plan.getCustomerManagerId(), plan));
        return plansOf;
    }

    private Strategy inPlan(String customerManagerId, YearMonth month, long id) {
        return rows.find(id).filter(s -> s.customerManagerId().equals(customerManagerId)
                && s.period().equals(month.toString()))
                .orElseThrow(() -> StrategyException.missing("%s 的 %s 月服务策略中没有编号为 %d 的策略"
                        .formatted(customerManagerId, month, id)));
    }

    private long customerOf(String customerManagerId, String licence) {
        List<Long> ids = jdbc.queryForList("""
                select c.id from retail_customer c join route r on r.code = c.route_code join area a on a.code = r.area_code
                 where c.licence_no = ? and a.customer_manager_id = ? and c.status = 'ACTIVE'
                """, Long.class, licence, customerManagerId);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        if (count("select count(*) from retail_customer where licence_no = ?", licence) == 0) {
            throw StrategyException.badInput("licenceNo", "没有许可证号为 " + licence + " 的零售户");
        }
        throw StrategyException.badInput("licenceNo", "许可证号 " + licence + " 不是你在营的零售户");
    }

    private String keyPoint(String given, String type) {
        if (given != null && !given.isBlank()) {
            if (!KEY_POINTS.contains(given.strip())) {
                throw StrategyException.badInput("keyPoint", "要点应为 客户、品牌 或 市场，收到 " + given);
            }
            return given.strip();
        }
        String fromTable = decision.load().keyPointsByType().get(type);
        if (fromTable == null) {
            throw StrategyException.badInput("keyPoint", "“" + type + "”不是规则表中的策略类型，请选择要点（客户、品牌 或 市场）");
        }
        return fromTable;
    }

    private int count(String sql, Object arg) {
        Integer n = jdbc.queryForObject(sql, Integer.class, arg);
        return n == null ? 0 : n;
    }

    private static String required(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            throw StrategyException.badInput(field, label + "必须填写");
        }
        return value.strip();
    }

    static String statusLabel(Strategy s) {
        return switch (s.status()) {
            case OPEN -> "未完成";
            case DONE -> "已完成";
            case DROPPED -> "已删除";
        };
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
