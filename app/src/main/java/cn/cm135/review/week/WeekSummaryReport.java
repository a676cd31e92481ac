package cn.cm135.review.week;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.report.Column;
import cn.cm135.report.Report;
import cn.cm135.report.ReportContent;
import cn.cm135.report.ReportNote;
import cn.cm135.report.ReportRequest;
import cn.cm135.report.ReportSql;

/**
 * 周工作小结 (step 15) of a month as a printable page under {@code /reports/week-summary/{yyyy-MM}}: one row
 * per customer manager and week with the month-to-date figures as summarized, the texts as notes.
 */
@Component
class WeekSummaryReport implements Report {

    static final List<Column> COLUMNS = List.of(Column.text("客户经理"), Column.text("周开始"), Column.text("截至"),
            Column.integer("累计销量（条）"), Column.integer("销量目标（条）"), Column.percent("时间进度"),
            Column.percent("销量进度"), Column.decimal("单条值（元/条）", 2), Column.decimal("单条值目标（元/条）", 2),
            Column.decimal("重点品牌同比增长（%）", 2), Column.decimal("重点品牌增长目标（%）", 2), Column.text("建议状态"),
            Column.text("状态判断"), Column.text("小结"));

    private static final String SQL = """
            select s.name, cast(w.week_start as varchar(10)), cast(w.as_of as varchar(10)), w.volume, w.volume_target,
                   w.time_progress, w.volume_progress, w.unit_value, w.unit_value_target, w.key_brand_growth,
                   w.key_brand_growth_target, w.suggested_status, w.judged_status,
                   case when w.status = 'DONE' then '已完成' else '未完成' end
              from week_summary w join staff s on s.staff_id = w.customer_manager_id
             where w.period = :period and """ + ReportSql.managedBy("w.customer_manager_id") + """
             order by w.customer_manager_id, w.week_start
            """;

    private static final String TEXTS = """
            select s.name, cast(w.week_start as varchar(10)), w.rationality, w.effectiveness
              from week_summary w join staff s on s.staff_id = w.customer_manager_id
             where w.period = :period and w.status = 'DONE' and """ + ReportSql.managedBy("w.customer_manager_id") + """
             order by w.customer_manager_id, w.week_start
            """;

    private final ReportSql sql;

    WeekSummaryReport(ReportSql sql) {
        this.sql = sql;
    }

    @Override
    public String name() {
        return "week-summary";
    }

    @Override
    public String title() {
        return "周工作小结";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        List<ReportNote> notes = new ArrayList<>();
        sql.query(TEXTS, request, (rs, i) -> {
            notes.add(new ReportNote(rs.getString(1) + " · " + rs.getString(2) + " 周 · 周工作安排的合理性", rs.getString(3)));
            notes.add(new ReportNote(rs.getString(1) + " · " + rs.getString(2) + " 周 · 周工作实施的有效性", rs.getString(4)));
            return null;
        });
        notes.add(new ReportNote("说明", "累计自月初至「截至」日；时间进度 = 已过工作日 ÷ 本月工作日，销量进度 = 累计销量 ÷ 销量目标；"
                + "建议状态：销量进度 ≥ 时间进度 + 5 个百分点为超前，< 时间进度 − 5 个百分点为滞后，其余为正常，由客户经理判断。"));
        return new ReportContent(List.of(sql.section(null, COLUMNS, SQL, request)), notes);
    }
}
