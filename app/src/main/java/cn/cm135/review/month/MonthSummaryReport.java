package cn.cm135.review.month;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.report.Column;
import cn.cm135.report.Report;
import cn.cm135.report.ReportContent;
import cn.cm135.report.ReportNote;
import cn.cm135.report.ReportRequest;
import cn.cm135.report.ReportSection;
import cn.cm135.report.ReportSql;

/**
 * 月度工作总结 (step 16) as a printable page under {@code /reports/month-summary/{yyyy-MM}}: one row per
 * customer manager of the scope with the month's figures as summarized, the brand targets against the areas'
 * volumes, and the customer managers' texts as notes. Access: the report framework's rules.
 */
@Component
class MonthSummaryReport implements Report {

    static final List<Column> SUMMARY = List.of(Column.text("客户经理"), Column.text("状态"), Column.integer("销量（条）"),
            Column.integer("销量目标（条）"), Column.percent("销量完成率"), Column.decimal("单条值（元/条）", 2),
            Column.decimal("单条值目标（元/条）", 2), Column.decimal("重点品牌同比增长（%）", 2),
            Column.decimal("重点品牌增长目标（%）", 2), Column.integer("计划拜访（次）"), Column.integer("已拜访（次）"),
            Column.percent("拜访完成率"), Column.integer("★ 已完成策略"), Column.integer("未完成策略"),
            Column.integer("已删除策略"), Column.integer("● 临时性任务"));

    static final List<Column> BRANDS = List.of(Column.text("片区"), Column.text("客户经理"), Column.text("规格"),
            Column.integer("品牌目标（条）"), Column.integer("本月销量（条）"), Column.percent("目标完成率"));

    private static final String SUMMARY_SQL = """
            select s.name, case when m.status = 'DONE' then '已完成' else '未完成' end, m.volume, m.volume_target,
                   case when m.volume_target > 0 then cast(m.volume as decimal(18, 6)) / m.volume_target end,
                   m.unit_value, m.unit_value_target, m.key_brand_growth, m.key_brand_growth_target,
                   m.planned_visits, m.done_visits,
                   case when m.planned_visits > 0 then cast(m.done_visits as decimal(18, 6)) / m.planned_visits end,
                   m.strategies_done, m.strategies_open, m.strategies_dropped, m.ad_hoc_tasks
              from month_summary m join staff s on s.staff_id = m.customer_manager_id
             where m.period = :period and """ + ReportSql.managedBy("m.customer_manager_id") + """
             order by m.customer_manager_id
            """;

    private static final String BRANDS_SQL = """
            select ar.name, s.name, sp.name || '（' || sp.code || '）', t.target_volume, coalesce(v.volume, 0),
                   case when t.target_volume > 0 then cast(coalesce(v.volume, 0) as decimal(18, 6)) / t.target_volume end
              from brand_target t
              join area ar on ar.code = t.area_code
              join staff s on s.staff_id = ar.customer_manager_id
              join cigarette_spec sp on sp.code = t.spec_code
              left join (select r.area_code, x.spec_code, sum(x.quantity) as volume
                           from order_line x
                           join retail_customer c on c.id = x.customer_id
                           join route r on r.code = c.route_code
                          where x.order_date >= :first and x.order_date <= :lastDay
                            and x.spec_code in (select spec_code from brand_target where period = :period)
                          group by r.area_code, x.spec_code) v on v.area_code = t.area_code and v.spec_code = t.spec_code
             where t.period = :period and """ + ReportSql.managedBy("ar.customer_manager_id") + """
             order by ar.code, sp.code
            """;

    private static final String TEXTS_SQL = """
            select s.name, m.analysis_accuracy, m.plan_rationality, m.good_practice, m.shortcomings, m.improvement_measures
              from month_summary m join staff s on s.staff_id = m.customer_manager_id
             where m.period = :period and m.status = 'DONE' and """ + ReportSql.managedBy("m.customer_manager_id") + """
             order by m.customer_manager_id
            """;

    static final String[] TEXT_LABELS = {"月分析的准确性", "月计划的合理性", "好的经验", "不足", "改进措施"};

    private final ReportSql sql;

    MonthSummaryReport(ReportSql sql) {
        this.sql = sql;
    }

    @Override
    public String name() {
        return "month-summary";
    }

    @Override
    public String title() {
        return "月度工作总结";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        List<ReportNote> notes = new ArrayList<>();
        sql.query(TEXTS_SQL, request, (rs, i) -> {
            for (int t = 0; t < TEXT_LABELS.length; t++) {
                String text = rs.getString(t + 2);
                notes.add(new ReportNote(rs.getString(1) + " · " + TEXT_LABELS[t], text == null ? "（未填写）" : text));
            }
            return null;
        });
        notes.add(new ReportNote("说明", "计划拜访 = 已确定的客户拜访计划的计划次数之和，已拜访 = 日拜访记录中已拜访的次数；"
                + "单条值 = 销售额 ÷ 销量；重点品牌同比增长按去年同月计算。未完成的总结显示生成时的数字。"));
        return new ReportContent(List.of(sql.section("工作完成情况", SUMMARY, SUMMARY_SQL, request),
                sql.section("重点品牌目标完成情况", BRANDS, BRANDS_SQL, request)), notes);
    }
}
