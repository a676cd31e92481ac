package cn.cm135.report;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.customer.analysis.IndicatorProperties;

/** 经营效果明细: one row per customer with the month's business effect (indicators.md, step 5). */
@Component
class BusinessEffectReport implements Report {

    static final List<Column> COLUMNS = List.of(
            Column.text("许可证号"), Column.link("客户名称"), Column.text("片区"), Column.text("业态"),
            Column.text("市场类型"), Column.integer("销量（条）"), Column.decimal("销售额（元）", 2),
            Column.decimal("单条值（元/条）", 2), Column.integer("上月销量（条）"), Column.growthIndex("环比增长"),
            Column.integer("去年同月销量（条）"), Column.growthIndex("同比增长"), Column.integer("订货天数"),
            Column.integer("订购规格数"), Column.integer("重点品牌销量（条）"), Column.percent("重点品牌占比"),
            Column.decimal("零售毛利估算（元）", 2), Column.growthIndex("同业平均环比"), Column.flag("预警", "预警"));

    private static final String SQL = "select c.licence_no, " + CustomerResultSql.CUSTOMER_LINK + """
            , a.name, r.business_format, r.market_type,
                   r.volume, r.amount, r.unit_value, r.prev_volume, r.mom_index, r.last_year_volume, r.yoy_index,
                   r.order_days, r.specs_ordered, r.key_volume, r.key_share, r.retail_profit, r.peer_mom_index,
                   r.warning
            """ + CustomerResultSql.FROM_SCOPE + " order by a.code, c.licence_no";

    private final ReportSql sql;
    private final IndicatorProperties indicators;
    private final ReportCharts charts;

    BusinessEffectReport(ReportSql sql, IndicatorProperties indicators, ReportCharts charts) {
        this.sql = sql;
        this.indicators = indicators;
        this.charts = charts;
    }

    @Override
    public String name() {
        return "business-effect";
    }

    @Override
    public String title() {
        return "经营效果明细";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        return new ReportContent(List.of(sql.section(null, COLUMNS, SQL, request)), List.of(new ReportNote("说明",
                "环比、同比增长在上月或去年同月没有销量时为「—」。预警：本户销量环比指数 ÷ 同业态、同市场类型客户的平均环比指数 < "
                        + indicators.warningRatio().stripTrailingZeros().toPlainString() + "。点客户名称打开该户本月动销台账。")))
                .withCharts(List.of(charts.salesOfScope(request)));
    }
}
