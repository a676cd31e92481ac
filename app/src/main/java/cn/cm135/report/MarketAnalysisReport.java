package cn.cm135.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.market.analysis.MarketIndicatorProperties;

/**
 * 市场分析: per area of the scope, the month's market indicators (step 8, {@code market_month_result}),
 * the volume shares by price class, the specs whose observed retail price strays from the guide price,
 * and the anomalies seen on visits; the areas' conclusions below. Four set-based queries, one per table.
 */
@Component
class MarketAnalysisReport implements Report {

    static final List<Column> INDICATORS = List.of(
            Column.text("片区"), Column.text("客户经理"), Column.integer("有订货客户数"), Column.integer("销量（条）"),
            Column.growthIndex("销量环比"), Column.growthIndex("全市销量环比"), Column.decimal("单条值（元/条）", 2),
            Column.growthIndex("单条值环比"), Column.decimal("价格指数", 4), Column.decimal("社会库存（条）", 0),
            Column.decimal("存销比", 2), Column.decimal("可销天数", 1), Column.percent("零售毛利率"),
            Column.decimal("下月季节指数", 2), Column.flag("预警", "预警"));

    static final List<Column> PRICE_CLASSES = List.of(Column.text("片区"), Column.percent("一类"),
            Column.percent("二类"), Column.percent("三类"), Column.percent("四类"), Column.percent("五类"));

    static final List<Column> PRICES = List.of(Column.text("片区"), Column.text("规格代码"), Column.text("规格名称"),
            Column.integer("调查户数"), Column.decimal("平均实际零售价（元/条）", 2),
            Column.decimal("零售指导价（元/条）", 2), Column.signedPercent("偏离"));

    static final List<Column> ANOMALIES = List.of(Column.text("片区"), Column.integer("假烟"),
            Column.integer("走私烟"), Column.integer("无证经营"), Column.integer("价格异常"), Column.integer("断货"),
            Column.integer("其他"), Column.integer("合计"));

    private static final String FROM = """
              from market_month_result m
              join area a on a.code = m.area_code
            """;

    private static final String WHERE = " where m.period = :period and " + ReportSql.managedBy("m.customer_manager_id")
            + "\n";

    private static final String INDICATORS_SQL = """
            select a.name, s.name, m.active_customers, m.volume, m.volume_index, m.centre_volume_index,
                   m.unit_value, m.unit_value_index, m.price_index, m.social_inventory, m.stock_sales_ratio,
                   m.days_of_stock, m.retail_margin_rate, m.seasonal_index_next, m.warning
            """ + FROM + " left join staff s on s.staff_id = m.customer_manager_id\n" + WHERE + " order by a.code";

    private static final String PRICE_CLASSES_SQL = """
            select a.name,
                   max(case when p.price_class = 1 then p.share end), max(case when p.price_class = 2 then p.share end),
                   max(case when p.price_class = 3 then p.share end), max(case when p.price_class = 4 then p.share end),
                   max(case when p.price_class = 5 then p.share end)
            """ + FROM + " join market_price_class_share p on p.period = m.period and p.area_code = m.area_code\n"
            + WHERE + " group by a.code, a.name order by a.code";

    private static final String PRICES_SQL = """
            select a.name, p.spec_code, s.name, p.customers, p.mean_price, p.guide_price, p.deviation
            """ + FROM + """
              join market_spec_price p on p.period = m.period and p.area_code = m.area_code
              join cigarette_spec s on s.code = p.spec_code
            """ + WHERE + " and p.flagged order by a.code, p.spec_code";

    private static final String ANOMALIES_SQL = """
            select a.name,
                   coalesce(sum(case when x.anomaly_type = '假烟' then x.count end), 0),
                   coalesce(sum(case when x.anomaly_type = '走私烟' then x.count end), 0),
                   coalesce(sum(case when x.anomaly_type = '无证经营' then x.count end), 0),
                   coalesce(sum(case when x.anomaly_type = '价格异常' then x.count end), 0),
                   coalesce(sum(case when x.anomaly_type = '断货' then x.count end), 0),
                   coalesce(sum(case when x.anomaly_type not in ('假烟', '走私烟', '无证经营', '价格异常', '断货')
                                     then x.count end), 0),
                   coalesce(sum(x.count), 0)
            """ + FROM + " left join market_anomaly_count x on x.period = m.period and x.area_code = m.area_code\n"
            + WHERE + " group by a.code, a.name order by a.code";

    private static final String CONCLUSIONS_SQL = "select a.name, m.conclusions, m.locked\n" + FROM + WHERE
            + " order by a.code";

    private final ReportSql sql;
    private final MarketIndicatorProperties indicators;
    private final ReportCharts charts;

    MarketAnalysisReport(ReportSql sql, MarketIndicatorProperties indicators, ReportCharts charts) {
        this.sql = sql;
        this.indicators = indicators;
        this.charts = charts;
    }

    @Override
    public String name() {
        return "market-analysis";
    }

    @Override
    public String title() {
        return "市场分析";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        String deviation = indicators.priceDeviation().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        List<ReportSection> sections = List.of(
                sql.section("片区市场指标", INDICATORS, INDICATORS_SQL, request),
                sql.section("价类结构（销量占比）", PRICE_CLASSES, PRICE_CLASSES_SQL, request),
                sql.section("实际零售价偏离指导价超过 " + deviation + " 的规格", PRICES, PRICES_SQL, request),
                sql.section("市场异常（次数）", ANOMALIES, ANOMALIES_SQL, request));
        List<ReportNote> notes = new ArrayList<>(AreaConclusions.of(sql, CONCLUSIONS_SQL, request));
        notes.add(new ReportNote("说明", "价格指数 = Σ(平均实际零售价 × 近12月销量) ÷ Σ(零售指导价 × 近12月销量)；"
                + "存销比 = 社会库存 ÷ 本月销量；可销天数 = 社会库存 ÷ 日均销量；没有基数或没有观察时为「—」。"));
        return new ReportContent(sections, notes).withCharts(charts.marketTrends(request));
    }
}
