package cn.cm135.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * 月度品牌状态分析: per area of the scope and spec, the month's brand status (step 6) as stored in
 * {@code brand_month_result}; the areas' conclusions below. An area belongs to the customer manager it has
 * today, as in {@code BrandAnalysisService}.
 */
@Component
class BrandStatusReport implements Report {

    static final List<Column> COLUMNS = List.of(
            Column.text("片区"), Column.text("规格代码"), Column.text("规格名称"), Column.text("价类"),
            Column.integer("销量（条）"), Column.growthIndex("环比增长"), Column.growthIndex("同比增长"),
            Column.percent("铺货率"), Column.percent("重购率"), Column.percent("上柜率"), Column.decimal("动销率", 2),
            Column.integer("品牌目标（条）"), Column.percent("目标完成率"), Column.integer("目标客户数"),
            Column.integer("已订购目标客户"), Column.text("状态"), Column.flag("预警", "预警"));

    private static final String WHERE = " where b.period = :period and " + ReportSql.managedBy("a.customer_manager_id")
            + "\n";

    private static final String SQL = """
            select a.name, b.spec_code, s.name,
                   case b.price_class when 1 then '一类' when 2 then '二类' when 3 then '三类' when 4 then '四类'
                        else '五类' end,
                   b.volume, b.mom_index, b.yoy_index, b.distribution_rate, b.repurchase_rate, b.shelf_rate,
                   b.sales_rate, b.target_volume, b.target_attainment, b.target_customers,
                   b.target_customers_converted, b.status, b.warning
              from brand_month_result b
              join area a on a.code = b.area_code
              join cigarette_spec s on s.code = b.spec_code
            """ + WHERE + " order by a.code, b.spec_code";

    private static final String CONCLUSIONS = "select a.name, max(b.conclusions), "
            + "case when min(case when b.locked then 1 else 0 end) = 1 then true else false end\n"
            + " from brand_month_result b join area a on a.code = b.area_code\n" + WHERE
            + " group by a.code, a.name order by a.code";

    private final ReportSql sql;
    private final ReportCharts charts;

    BrandStatusReport(ReportSql sql, ReportCharts charts) {
        this.sql = sql;
        this.charts = charts;
    }

    @Override
    public String name() {
        return "brand-status";
    }

    @Override
    public String title() {
        return "月度品牌状态分析";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        List<ReportNote> notes = new ArrayList<>(AreaConclusions.of(sql, CONCLUSIONS, request));
        notes.add(new ReportNote("说明", "铺货率 = 订购该规格的客户 ÷ 本月有订货的客户；重购率 = 上月、本月都订购的客户 ÷ 上月订购的客户；"
                + "上柜率 = 观察到上柜的客户 ÷ 有上柜观察的客户；动销率 = 本月户均订购 ÷ 上月户均订购。没有基数时为「—」。"));
        return new ReportContent(List.of(sql.section(null, COLUMNS, SQL, request)), notes)
                .withCharts(charts.brandRates(request));
    }
}
