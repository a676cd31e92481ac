package cn.cm135.planning.visits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.calendar.WorkingCalendar;
import cn.cm135.rules.Refusal;

/**
 * The module API of step 11: every path that touches a visit plan (task listener, REST) goes through here,
 * so "确定后不能修改" holds whichever door a change comes through. A refusal changes nothing (it rolls the
 * transaction back, and every check runs before the first write).
 *
 * <p>Confirming needs the planned visits to fit the month's working days: a plan that can't be done is
 * refused, and the refusal names the excess.
 */
@Service
public class VisitPlanService {

    static final int REASON_MAX = 200;

    private record Header(String status, LocalDateTime proposedAt, LocalDateTime confirmedAt, String confirmedBy) {

        boolean confirmed() {
            return CONFIRMED.equals(status);
        }
    }

    static final String DRAFT = "DRAFT";
    static final String CONFIRMED = "CONFIRMED";

    private static final String VISITS = """
            select v.customer_id, c.licence_no, c.name, c.route_code, v.grade, v.grade_source, v.strategy_raise,
                   v.proposed_frequency, j.planned_frequency, j.reason, v.rule_reason
              from visit_plan_customer v
              join retail_customer c on c.id = v.customer_id
              left join visit_plan_adjustment j on j.customer_manager_id = v.customer_manager_id
                    and j.period = v.period and j.customer_id = v.customer_id
             where v.customer_manager_id = :cm and v.period = :period
             order by c.route_code, c.licence_no
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final VisitFrequencyProposal proposal;
    private final NegotiatedQuantities negotiated;
    private final WorkingCalendar calendar;
    private final VisitProperties properties;
    private final Clock clock;

    VisitPlanService(NamedParameterJdbcTemplate jdbc, VisitFrequencyProposal proposal, NegotiatedQuantities negotiated,
            WorkingCalendar calendar, VisitProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.proposal = proposal;
        this.negotiated = negotiated;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates the month's plan from the rule, or proposes again for a draft (grades, strategies or customers
     * may have changed since); the customer manager's adjustments and overrides are kept.
     *
     * @throws Refusal LOCKED when the plan is confirmed
     */
    @Transactional
    public void propose(String customerManagerId, YearMonth month) {
        Optional<Header> header = header(customerManagerId, month);
        header.ifPresent(h -> requireDraft(h, customerManagerId, month));
        MapSqlParameterSource p = params(customerManagerId, month).addValue("now", Timestamp.valueOf(now()));
        if (header.isPresent()) {
            jdbc.update("update visit_plan set proposed_at = :now where customer_manager_id = :cm and period = :period", p);
        } else {
            jdbc.update("insert into visit_plan (customer_manager_id, period, status, proposed_at) "
                    + "values (:cm, :period, 'DRAFT', :now)", p);
        }
        proposal.propose(customerManagerId, month);
    }

    /** True once the plan exists; {@link #plan} and the changes need it. */
    @Transactional(readOnly = true)
    public boolean exists(String customerManagerId, YearMonth month) {
        return header(customerManagerId, month).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean isConfirmed(String customerManagerId, YearMonth month) {
        return header(customerManagerId, month).map(Header::confirmed).orElse(false);
    }

    /** The plan with its capacity check and the 商定总量 of its customers' key specs. */
    @Transactional
    public VisitPlanView plan(String customerManagerId, YearMonth month) {
        Header h = requireHeader(customerManagerId, month);
        List<PlannedVisit> customers = visits(customerManagerId, month);
        return new VisitPlanView(customerManagerId, month.toString(), h.status(), h.confirmed() ? "已确定" : "草稿",
                h.proposedAt(), h.confirmedAt(), h.confirmedBy(), capacity(month, customers), customers,
                negotiated.rows(customerManagerId, month, customers));
    }

    /** The plan's customers by route, then licence number. */
    @Transactional(readOnly = true)
    public List<PlannedVisit> visits(String customerManagerId, YearMonth month) {
        return jdbc.query(VISITS, params(customerManagerId, month), (rs, i) -> {
            int proposed = rs.getInt("proposed_frequency");
            Integer planned = rs.getObject("planned_frequency", Integer.class);
            Integer grade = rs.getObject("grade", Integer.class);
            return new PlannedVisit(rs.getLong("customer_id"), rs.getString("licence_no"), rs.getString("name"),
                    rs.getString("route_code"), grade, rs.getString("grade_source"), rs.getString("strategy_raise"),
                    proposed, planned == null ? proposed : planned, planned != null, rs.getString("reason"),
                    rs.getString("rule_reason"));
        });
    }

    /** Whether the planned visits fit the month's working days. */
    @Transactional(readOnly = true)
    public VisitCapacity capacity(String customerManagerId, YearMonth month) {
        requireHeader(customerManagerId, month);
        return capacity(month, visits(customerManagerId, month));
    }

    private VisitCapacity capacity(YearMonth month, List<PlannedVisit> customers) {
        return VisitCapacity.of(calendar.workingDays(month), properties.maxPerWorkingDay(),
                customers.stream().mapToInt(PlannedVisit::proposedFrequency).sum(),
                customers.stream().mapToInt(PlannedVisit::plannedFrequency).sum());
    }

    /**
     * {@link #adjust} and {@link #replaceOverrides} together, all or nothing; a null list changes nothing of its kind.
     */
    @Transactional
    public void change(String customerManagerId, YearMonth month, List<VisitAdjustment> adjustments,
            List<NegotiatedOverride> overrides, String by) {
        requireHeader(customerManagerId, month);
        if (adjustments != null) {
            adjust(customerManagerId, month, adjustments, by);
        }
        if (overrides != null) {
            replaceOverrides(customerManagerId, month, overrides, by);
        }
    }

    /**
     * Sets the planned frequency of the listed customers (others keep theirs), all or nothing. A frequency
     * other than the proposal needs a reason; the proposal itself withdraws an adjustment.
     *
     * @throws Refusal NOT_FOUND without a plan, INVALID for a bad row (named), LOCKED when the plan is
     *                 confirmed and the rows change anything
     */
    @Transactional
    public void adjust(String customerManagerId, YearMonth month, List<VisitAdjustment> adjustments, String by) {
        Header h = requireHeader(customerManagerId, month);
        Map<Long, PlannedVisit> current = new LinkedHashMap<>();
        visits(customerManagerId, month).forEach(v -> current.put(v.customerId(), v));
        Set<Long> seen = new HashSet<>();
        List<MapSqlParameterSource> changed = new ArrayList<>();
        List<MapSqlParameterSource> written = new ArrayList<>();
        for (int i = 0; i < adjustments.size(); i++) {
            VisitAdjustment a = adjustments.get(i);
            PlannedVisit visit = a.customerId() == null ? null : current.get(a.customerId());
            String row = "拜访计划第 " + (i + 1) + " 行";
            if (visit == null) {
                throw Refusal.invalid("customerId", row + "：客户 " + a.customerId() + " 不在客户经理 " + customerManagerId
                        + " 的 " + month + " 拜访计划中");
            }
            row += "（" + visit.label() + "）";
            if (!seen.add(visit.customerId())) {
                throw Refusal.invalid("customerId", row + "：客户重复");
            }
            Integer planned = a.plannedFrequency();
            if (planned == null || planned < 0 || planned > properties.maxFrequency()) {
                throw Refusal.invalid("plannedFrequency", row + "：计划拜访次数必须在 0 到 " + properties.maxFrequency()
                        + " 之间，收到 " + planned);
            }
            String reason = a.reason() == null ? "" : a.reason().strip();
            boolean adjusting = planned != visit.proposedFrequency();
            if (adjusting && reason.isEmpty()) {
                throw Refusal.invalid("reason", row + "：计划拜访 " + planned + " 次与建议的 " + visit.proposedFrequency()
                        + " 次不同，请填写调整原因");
            }
            if (reason.length() > REASON_MAX) {
                throw Refusal.invalid("reason", row + "：调整原因最多 " + REASON_MAX + " 字");
            }
            // Unchanged: the same frequency (and, for an adjustment, the same reason). An adjustment a new
            // proposal caught up with is left alone, so resubmitting a confirmed plan as shown changes nothing.
            boolean same = visit.plannedFrequency() == planned
                    && (!adjusting || visit.adjusted() && Objects.equals(visit.adjustmentReason(), reason));
            if (!same) {
                MapSqlParameterSource p = params(customerManagerId, month).addValue("customer", visit.customerId())
                        .addValue("planned", planned).addValue("reason", reason).addValue("by", by)
                        .addValue("at", Timestamp.valueOf(now()));
                changed.add(p);
                if (adjusting) {
                    written.add(p);
                }
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        requireDraft(h, customerManagerId, month);
        jdbc.batchUpdate("delete from visit_plan_adjustment where customer_manager_id = :cm and period = :period "
                + "and customer_id = :customer", changed.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                insert into visit_plan_adjustment (customer_manager_id, period, customer_id, planned_frequency, reason,
                                                   adjusted_by, adjusted_at)
                values (:cm, :period, :customer, :planned, :reason, :by, :at)
                """, written.toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Replaces the month's 商定总量 overrides of the plan's customers by {@code overrides}, all or nothing;
     * each needs a reason. A plan's customers and key specs only.
     *
     * @throws Refusal NOT_FOUND without a plan, INVALID for a bad row (named), LOCKED when the plan is
     *                 confirmed and the overrides change
     */
    @Transactional
    public void replaceOverrides(String customerManagerId, YearMonth month, List<NegotiatedOverride> overrides,
            String by) {
        Header h = requireHeader(customerManagerId, month);
        Set<Long> customers = new HashSet<>(jdbc.queryForList("select customer_id from visit_plan_customer "
                + "where customer_manager_id = :cm and period = :period", params(customerManagerId, month), Long.class));
        negotiated.replace(customerManagerId, month, customers, overrides, by, now(),
                () -> requireDraft(h, customerManagerId, month));
    }

    /**
     * 确定: locks the plan. Refused when the planned visits exceed what the working days allow.
     *
     * @throws Refusal NOT_FOUND without a plan, LOCKED when already confirmed, INVALID over capacity
     */
    @Transactional
    public void confirm(String customerManagerId, YearMonth month, String by) {
        Header h = requireHeader(customerManagerId, month);
        if (h.confirmed()) {
            throw Refusal.locked(what(customerManagerId, month) + "已于 "
                    + h.confirmedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " 确定，不能重复确定");
        }
        VisitCapacity capacity = capacity(month, visits(customerManagerId, month));
        if (!capacity.fits()) {
            throw Refusal.invalid("plannedFrequency", capacity.message() + "，请减少拜访次数后再确定");
        }
        jdbc.update("update visit_plan set status = 'CONFIRMED', confirmed_at = :now, confirmed_by = :by "
                + "where customer_manager_id = :cm and period = :period", params(customerManagerId, month)
                .addValue("now", Timestamp.valueOf(now())).addValue("by", by));
    }

    private Optional<Header> header(String customerManagerId, YearMonth month) {
        return jdbc.query("select status, proposed_at, confirmed_at, confirmed_by from visit_plan "
                + "where customer_manager_id = :cm and period = :period", params(customerManagerId, month),
                (rs, i) -> new Header(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime(), rs.getString(4)))
                .stream().findFirst();
    }

    private Header requireHeader(String customerManagerId, YearMonth month) {
        return header(customerManagerId, month).orElseThrow(() -> Refusal.notFound(what(customerManagerId, month)
                + "尚未生成：请打开「客户拜访计划」任务，或 POST /api/visit-plans/" + customerManagerId + "/" + month + "/proposal"));
    }

    private static void requireDraft(Header h, String customerManagerId, YearMonth month) {
        if (h.confirmed()) {
            throw Refusal.locked(what(customerManagerId, month) + "已确定，不能再修改（确定后不能修改）");
        }
    }

    private static String what(String customerManagerId, YearMonth month) {
        return customerManagerId + " 的 " + month + " 客户拜访计划";
    }

    private static MapSqlParameterSource params(String customerManagerId, YearMonth month) {
        return new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
