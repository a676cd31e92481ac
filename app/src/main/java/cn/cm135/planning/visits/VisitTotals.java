package cn.cm135.planning.visits;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The month's three visit totals side by side, with the reason they differ, in the sentence step 11 shows: the
 * target of step 1 (the grade rule over the customers active at the month's start, as approved), the work plan of
 * step 10 (the grade bands with the customer manager's extra visits) and this plan (the grade rule, plus the
 * strategy raise, plus the customer manager's adjustments). A customer manager can repeat it to a market manager
 * who asks why 302, 309 and 411 are all "this month's visits".
 */
@Component
class VisitTotals {

    private final NamedParameterJdbcTemplate jdbc;
    private final VisitProperties rule;

    VisitTotals(NamedParameterJdbcTemplate jdbc, VisitProperties rule) {
        this.jdbc = jdbc;
        this.rule = rule;
    }

    String explain(String customerManagerId, YearMonth month, List<PlannedVisit> visits, int proposedTotal,
            int plannedTotal) {
        Map<String, Object> key = Map.of("cm", customerManagerId, "period", month.toString());
        List<Integer> target = jdbc.queryForList(
                "select visits from monthly_target where customer_manager_id = :cm and period = :period", key, Integer.class);
        List<Integer> workPlan = jdbc.queryForList("select visits_top + visits_middle + visits_base from monthly_work_plan "
                + "where customer_manager_id = :cm and period = :period", key, Integer.class);
        int byGrade = visits.stream().mapToInt(v -> rule.frequency(v.grade())).sum();
        long raised = visits.stream().filter(v -> v.strategyRaise() != null && !v.strategyRaise().isBlank()).count();
        int adjusted = plannedTotal - proposedTotal;
        StringBuilder text = new StringBuilder("本计划 ").append(plannedTotal).append(" 次 = 档位规则 ").append(byGrade)
                .append(" 次 + 服务策略加访 ").append(proposedTotal - byGrade).append(" 次（").append(raised)
                .append(" 户有经营分析指导或品牌策略，每户 +").append(rule.strategyRaise()).append("）");
        if (adjusted != 0) {
            text.append(adjusted > 0 ? " + " : " − ").append(Math.abs(adjusted)).append(" 次客户经理调整");
        }
        text.append("。");
        if (!target.isEmpty() && target.get(0) != null) {
            text.append("月目标 ").append(target.get(0)).append(" 次（步骤1：月初按档位规则预测，审批后的目标）");
        }
        if (!workPlan.isEmpty() && workPlan.get(0) != null) {
            text.append(target.isEmpty() ? "" : "，").append("工作计划 ").append(workPlan.get(0))
                    .append(" 次（步骤10：按档位段合计，含客户经理加访）");
        }
        if (!target.isEmpty() || !workPlan.isEmpty()) {
            text.append("；三者之差来自服务策略加访、客户经理的调整和月初以来客户档位或在营状态的变化。");
        }
        return text.toString();
    }
}
