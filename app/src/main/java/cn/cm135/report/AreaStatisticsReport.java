package cn.cm135.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.planning.visits.VisitProperties;

/**
 * 片区统计: per area of the scope, its analysed customers by grade band (the bands of the visit frequency,
 * {@code cm135.visits.bands}, e.g. 档位 25–30, 15–24, 1–14) and capability level, warnings, volume, amount and
 * 单条值; a total row (合计) over the whole scope. One grouped query, one total query.
 */
@Component
class AreaStatisticsReport implements Report {

    private static final List<Column> BEFORE_BANDS = List.of(
            Column.text("片区"), Column.text("客户经理"), Column.integer("客户数"));
    private static final List<Column> AFTER_BANDS = List.of(
            Column.integer("优"), Column.integer("良"), Column.integer("中"), Column.integer("差"),
            Column.integer("预警户数"), Column.integer("销量（条）"), Column.growthIndex("销量环比"),
            Column.decimal("销售额（元）", 2), Column.decimal("单条值（元/条）", 2), Column.decimal("平均能力得分", 2));

    /** %s: one count per grade band. */
    private static final String FIGURES = """
                   count(*),
                   %s
                   sum(case when r.capability_level = '优' then 1 else 0 end),
                   sum(case when r.capability_level = '良' then 1 else 0 end),
                   sum(case when r.capability_level = '中' then 1 else 0 end),
                   sum(case when r.capability_level = '差' then 1 else 0 end),
                   sum(case when r.warning then 1 else 0 end),
                   sum(r.volume),
                   case when sum(r.prev_volume) > 0
                        then round(cast(sum(r.volume) as decimal(20, 4)) / sum(r.prev_volume), 4) end,
                   sum(r.amount),
                   case when sum(r.volume) > 0 then round(sum(r.amount) / sum(r.volume), 2) else 0 end,
                   round(avg(r.capability_score), 2)
            """;

    private final ReportSql sql;
    private final List<Column> columns;
    private final String grouped;
    private final String total;

    AreaStatisticsReport(ReportSql sql, VisitProperties visits) {
        this.sql = sql;
        List<Column> columns = new ArrayList<>(BEFORE_BANDS);
        StringBuilder bands = new StringBuilder();
        for (int i = 0; i < visits.bands().size(); i++) {
            columns.add(Column.integer(visits.range(i) + "档"));
            bands.append("sum(case when ").append(visits.bandSql("r.grade")).append(" = ").append(i)
                    .append(" then 1 else 0 end),\n");
        }
        columns.addAll(AFTER_BANDS);
        this.columns = List.copyOf(columns);
        String figures = FIGURES.formatted(bands);
        this.grouped = "select a.name, s.name,\n" + figures + CustomerResultSql.FROM
                + " left join staff s on s.staff_id = a.customer_manager_id\n" + CustomerResultSql.WHERE
                + " group by a.code, a.name, s.name order by a.code";
        this.total = "select '合计', cast(null as varchar(100)),\n" + figures + CustomerResultSql.FROM_SCOPE;
    }

    @Override
    public String name() {
        return "area-statistics";
    }

    @Override
    public String title() {
        return "片区统计";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        return new ReportContent(List.of(sql.section(null, columns, grouped, total, request)), List.of(new ReportNote("说明",
                "按本月经营状态分析的客户统计；单条值 = 销售额 ÷ 销量，销量环比 = 本月销量 ÷ 上月销量 − 1。"
                        + "服务策略按类型的统计在「生成服务策略」上线后加入。")));
    }
}
