package cn.cm135.report;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.customer.analysis.IndicatorProperties;

/**
 * 经营能力打分明细: one row per customer with every capability item's raw value and points, the item's
 * weight in its header (configured in {@code cm135.indicators.weights}), the total, level and grade.
 */
@Component
class CapabilityScoreReport implements Report {

    private static final String SQL = "select c.licence_no, " + CustomerResultSql.CUSTOMER_LINK + """
            , a.name,
                   r.avg_monthly_volume, r.volume_score, r.volume_points,
                   r.unit_value_3m, r.unit_value_score, r.unit_value_points,
                   r.order_weeks, r.regularity_points,
                   r.specs_3m, r.breadth_points,
                   r.growth_index_3m, r.growth_points,
                   r.weeks_of_stock, r.stock_points,
                   r.capability_score, r.capability_level, r.grade
            """ + CustomerResultSql.FROM_SCOPE + " order by a.code, c.licence_no";

    private final ReportSql sql;
    private final IndicatorProperties indicators;
    private final List<Column> columns;

    CapabilityScoreReport(ReportSql sql, IndicatorProperties indicators) {
        this.sql = sql;
        this.indicators = indicators;
        IndicatorProperties.Weights w = indicators.weights();
        columns = List.of(Column.text("许可证号"), Column.link("客户名称"), Column.text("片区"),
                Column.decimal("近三月月均销量（条）", 2), Column.percent("销量同业百分位"),
                Column.decimal("销量规模得分（满分 " + w.volume() + "）", 2),
                Column.decimal("近三月单条值（元/条）", 2), Column.percent("单条值同业百分位"),
                Column.decimal("单条值得分（满分 " + w.unitValue() + "）", 2),
                Column.integer("近13周有订货周数"), Column.decimal("订货规律得分（满分 " + w.regularity() + "）", 2),
                Column.integer("近三月订购规格数"), Column.decimal("品牌宽度得分（满分 " + w.breadth() + "）", 2),
                Column.growthIndex("近三月同比增长"), Column.decimal("成长得分（满分 " + w.growth() + "）", 2),
                Column.decimal("库存周数", 1), Column.decimal("库存健康得分（满分 " + w.stock() + "）", 2),
                Column.decimal("总分", 2), Column.text("档次"), Column.integer("档位"));
    }

    @Override
    public String name() {
        return "capability-score";
    }

    @Override
    public String title() {
        return "经营能力打分明细";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        IndicatorProperties.Levels levels = indicators.levels();
        return new ReportContent(List.of(sql.section(null, columns, SQL, request)), List.of(new ReportNote("说明",
                "百分位为同业态、同市场类型客户中的排名（0% 最低，100% 最高）；近三月同比增长在去年同期没有销量时为「—」，"
                        + "库存周数在从未盘点时为「—」。档次：优 ≥ " + points(levels.excellent()) + " 分，良 ≥ "
                        + points(levels.good()) + " 分，中 ≥ " + points(levels.fair()) + " 分，其余为差。")));
    }

    private static String points(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
