package cn.cm135.planning.visits;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "客户拜访计划" (Task_PlanVisits, step 11). On create it proposes the month's frequencies (a
 * draft plan is proposed again, keeping the customer manager's adjustments) and shows the plan: a summary
 * with the working-day capacity, the customers as a paged table ({@code planRows}, 300 customers don't fit
 * as cards), the 商定总量 table and its overrides as the editable dynamic list {@code negotiatedOverrides}.
 * The form edits only the exceptions: {@code visitChanges} lists customers by id with a new count and a
 * reason. A REST client may instead send the whole list {@code visitPlan} (also on the process scope); the
 * changes apply on top of it. On complete (确定) it stores the adjustments and overrides and confirms the
 * plan, which then refuses every change; a plan over capacity is refused and the task stays open.
 */
@Component
class VisitPlanTaskListener extends StepTaskListener {

    static final String VISIT_PLAN = "visitPlan";
    static final String OVERRIDES = "negotiatedOverrides";
    static final String CHANGES = "visitChanges";

    private final VisitPlanService plans;
    private final VisitProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final VisitTotals totals;

    VisitPlanTaskListener(VisitPlanService plans, VisitProperties properties, NamedParameterJdbcTemplate jdbc,
            ObjectMapper json, VisitTotals totals) {
        this.plans = plans;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.totals = totals;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        if (!plans.isConfirmed(customerManagerId, month)) {
            plans.propose(customerManagerId, month);
        }
        show(task, plans.plan(customerManagerId, month));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        complete(task, CycleVariables.customerManagerId(task), CycleVariables.period(task));
    }

    private void show(DelegateTask task, VisitPlanView plan) {
        task.setName("客户拜访计划（" + plan.month() + "）");
        VisitCapacity capacity = plan.capacity();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("visitMonth", plan.month());
        shown.put("planStatus", plan.statusLabel());
        shown.put("planConfirmed", VisitPlanService.CONFIRMED.equals(plan.status()));
        shown.put("customerCount", (long) plan.customers().size());
        shown.put("adjustedCount", plan.customers().stream().filter(PlannedVisit::adjusted).count());
        shown.put("proposedTotal", (long) capacity.proposedTotal());
        shown.put("plannedTotal", (long) capacity.plannedTotal());
        shown.put("workingDays", (long) capacity.workingDays());
        shown.put("maxPerWorkingDay", (long) capacity.maxPerWorkingDay());
        shown.put("capacity", (long) capacity.capacity());
        shown.put("overCapacity", !capacity.fits());
        shown.put("capacityMessage", capacity.message());
        shown.put("frequencyRule", properties.ruleText());
        shown.put("negotiatedBasis", negotiatedBasis(YearMonth.parse(plan.month())));
        shown.put("visitTotals", totals.explain(plan.customerManagerId(), YearMonth.parse(plan.month()), plan.customers(),
                capacity.proposedTotal(), capacity.plannedTotal()));
        task.setVariablesLocal(shown);
        task.setVariableLocal("negotiatedRows", FormData.json(json, plan.negotiatedQuantities().stream().map(q -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("customer", q.customerName() + "（" + q.licenceNo() + "）");
            line.put("spec", q.specName());
            // As text: a form shows 20.00 and 1.9200 as they are, where a JSON number would lose the scale.
            line.put("baseMean", q.baseMean().toPlainString());
            line.put("seasonalIndex", q.seasonalIndex() == null ? "—" : q.seasonalIndex().toPlainString());
            line.put("computed", q.computedQuantity());
            line.put("override", q.overrideQuantity() == null ? "" : q.overrideQuantity());
            line.put("effective", q.effectiveQuantity());
            line.put("reason", q.overrideReason() == null ? "" : q.overrideReason());
            return line;
        }).toList()));
        task.setVariableLocal("customerOptions", FormData.json(json, plan.customers().stream()
                .map(c -> FormData.option(Long.toString(c.customerId()), c.label())).toList()));
        task.setVariableLocal("keySpecOptions", FormData.json(json, jdbc.query(
                "select code, name from cigarette_spec where key_brand order by code", Map.of(),
                (rs, i) -> FormData.option(rs.getString(1), rs.getString(2) + "（" + rs.getString(1) + "）"))));
        task.setVariableLocal("planRows", FormData.json(json, plan.customers().stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", c.label());
            row.put("route", c.routeCode());
            row.put("ruleReason", c.ruleReason());
            row.put("proposed", c.proposedFrequency());
            row.put("planned", c.plannedFrequency());
            row.put("reason", c.adjustmentReason() == null ? "" : c.adjustmentReason());
            return row;
        }).toList()));
        FormData.editable(task, CHANGES, FormData.json(json, List.of()));
        FormData.editable(task, VISIT_PLAN, FormData.json(json, plan.customers().stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("licence", c.licenceNo());
            row.put("customer", c.name());
            row.put("route", c.routeCode());
            row.put("ruleReason", c.ruleReason());
            row.put("proposedFrequency", c.proposedFrequency());
            row.put("plannedFrequency", c.plannedFrequency());
            row.put("reason", c.adjustmentReason() == null ? "" : c.adjustmentReason());
            return row;
        }).toList()));
        FormData.editable(task, OVERRIDES, FormData.json(json, plan.negotiatedQuantities().stream()
                .filter(q -> q.overrideQuantity() != null).map(q -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("customer", Long.toString(q.customerId()));
                    row.put("spec", q.specCode());
                    row.put("quantity", q.overrideQuantity());
                    row.put("reason", q.overrideReason());
                    return row;
                }).toList()));
    }

    /** How 商定总量 is computed for {@code month}, with its months named (indicators.md, "Negotiated quantity"). */
    static String negotiatedBasis(YearMonth month) {
        return "商定总量 = 近三月（" + month.minusMonths(3) + "～" + month.minusMonths(1) + "）月均 × 季节指数 × 商圈系数，"
                + "四舍五入到条。季节指数 = 片区去年同月（" + month.minusMonths(12) + "）销量 ÷ 近 12 个月（" + month.minusMonths(12)
                + "～" + month.minusMonths(1) + "）月均，取自 " + month.minusMonths(1) + " 的市场分析；该片区未分析时按同一公式现算，"
                + "12 个月没有销量时按 1。";
    }

    private void complete(DelegateTask task, String customerManagerId, YearMonth month) {
        Map<String, Long> byLicence = new HashMap<>();
        plans.visits(customerManagerId, month).forEach(v -> byLicence.put(v.licenceNo(), v.customerId()));
        List<Map<String, Object>> visitRows = FormData.rows(json, FormData.edited(task, VISIT_PLAN), VISIT_PLAN, "拜访计划");
        List<VisitAdjustment> adjustments = visitRows.stream().map(row -> {
            Object licence = row.get("licence");
            Long customerId = licence == null ? null : byLicence.get(licence.toString());
            if (customerId == null) {
                throw Refusal.invalid("licence", "拜访计划中的许可证号 " + licence + " 不是本计划的客户");
            }
            return new VisitAdjustment(customerId, FormData.integer(row.get("plannedFrequency"), "plannedFrequency",
                    "计划拜访次数"), text(row.get("reason")));
        }).collect(Collectors.toCollection(ArrayList::new));
        applyChanges(adjustments, FormData.edited(task, CHANGES));
        Object submittedOverrides = FormData.edited(task, OVERRIDES);
        // Absent (not blank) means the client didn't send the list: keep the overrides rather than withdraw them all.
        List<NegotiatedOverride> overrides = submittedOverrides == null ? null
                : FormData.rows(json, submittedOverrides, OVERRIDES, "商定总量调整").stream()
                        .map(row -> new NegotiatedOverride(FormData.id(row.get("customer"), "customer", "客户"),
                                text(row.get("spec")), FormData.integer(row.get("quantity"), "quantity", "商定总量（条）"),
                                text(row.get("reason"))))
                        .toList();
        plans.change(customerManagerId, month, adjustments, overrides, customerManagerId);
        // A plan confirmed meanwhile (REST) completes the task as it is; the adjustments above refused any change.
        if (!plans.isConfirmed(customerManagerId, month)) {
            plans.confirm(customerManagerId, month, customerManagerId);
        }
    }

    /** The form's exceptions replace the listed customers' counts; a row nobody filled is skipped. */
    private void applyChanges(List<VisitAdjustment> adjustments, Object submitted) {
        if (submitted == null) {
            return;
        }
        int n = 0;
        for (Map<String, Object> row : FormData.rows(json, submitted, CHANGES, "调整拜访次数")) {
            n++;
            if (row.get("customer") == null && row.get("plannedFrequency") == null && text(row.get("reason")) == null) {
                continue;
            }
            Long customerId = FormData.id(row.get("customer"), "customer", "调整拜访次数第 " + n + " 行的客户");
            Integer planned = FormData.integer(row.get("plannedFrequency"), "plannedFrequency",
                    "调整拜访次数第 " + n + " 行的计划拜访次数");
            if (customerId == null || adjustments.stream().noneMatch(a -> customerId.equals(a.customerId()))) {
                throw Refusal.invalid("customer", "调整拜访次数第 " + n + " 行：请选择本计划中的客户");
            }
            if (planned == null) {
                throw Refusal.invalid("plannedFrequency", "调整拜访次数第 " + n + " 行：请填写计划拜访次数");
            }
            adjustments.replaceAll(a -> customerId.equals(a.customerId())
                    ? new VisitAdjustment(customerId, planned, text(row.get("reason"))) : a);
        }
    }

    private static String text(Object raw) {
        return raw == null ? null : raw.toString();
    }
}
