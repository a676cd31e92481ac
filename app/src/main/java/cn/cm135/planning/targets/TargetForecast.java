package cn.cm135.planning.targets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cm135.planning.visits.VisitProperties;

/**
 * The forecast that pre-fills step 1 (indicators.md, "Targets and progress"): last year's same
 * month carried forward by the year-on-year trend of the last three months.
 *
 * <p>The trend compares each of the last three months with the same month a year earlier, over the
 * months that have a year-earlier base (ours: a missing base would otherwise read as +∞ growth,
 * e.g. in a company's first year of data). Without any base the trend is 0. Without last year's
 * same month, the mean of the last three months stands in for it.
 *
 * <p>All order lines are aggregated by one SQL statement per customer manager.
 */
@Component
class TargetForecast {

    private static final String MONTHLY_SALES = """
            select extract(year from o.order_date) as y, extract(month from o.order_date) as m,
                   sum(o.quantity) as volume, sum(o.amount) as amount,
                   sum(case when s.key_brand then o.quantity else 0 end) as key_volume
              from order_line o
              join retail_customer c on c.id = o.customer_id
              join route r on r.code = c.route_code
              join area a on a.code = r.area_code
              join cigarette_spec s on s.code = o.spec_code
             where a.customer_manager_id = ? and o.order_date >= ? and o.order_date < ?
             group by extract(year from o.order_date), extract(month from o.order_date)
            """;

    /** The grade rule's visits of the active customers, %s the rule's CASE on the customer's grade. */
    private static final String PLANNED_VISITS = """
            select coalesce(sum(%s), 0)
              from retail_customer c
              join route r on r.code = c.route_code
              join area a on a.code = r.area_code
             where a.customer_manager_id = ? and c.status = 'ACTIVE'
            """;

    private static final MathContext MATH = MathContext.DECIMAL64;

    private final JdbcTemplate jdbc;
    private final String plannedVisits;

    private final VisitProperties visitRule;

    TargetForecast(JdbcTemplate jdbc, VisitProperties visits) {
        this.jdbc = jdbc;
        this.plannedVisits = PLANNED_VISITS.formatted(visits.frequencySql("c.grade"));
        this.visitRule = visits;
    }

    /** The forecast values and, in one line a customer manager can repeat, how each was reached. */
    record Forecast(TargetValues values, String basis) {
    }

    private record Sales(long volume, BigDecimal amount, long keyVolume) {
        static final Sales NONE = new Sales(0, BigDecimal.ZERO, 0);
    }

    Forecast forecast(String customerManagerId, YearMonth month) {
        Map<YearMonth, Sales> sales = monthlySales(customerManagerId, month.minusMonths(15), month);
        Sales sameMonthLastYear = sales.getOrDefault(month.minusMonths(12), Sales.NONE);

        long recentVolume = 0, baseVolume = 0, recentKey = 0, baseKey = 0;
        BigDecimal recentAmount = BigDecimal.ZERO, baseAmount = BigDecimal.ZERO;
        long lastThreeVolume = 0;
        BigDecimal lastThreeAmount = BigDecimal.ZERO;
        for (int k = 1; k <= 3; k++) {
            Sales recent = sales.getOrDefault(month.minusMonths(k), Sales.NONE);
            Sales base = sales.getOrDefault(month.minusMonths(k + 12), Sales.NONE);
            lastThreeVolume += recent.volume();
            lastThreeAmount = lastThreeAmount.add(recent.amount());
            if (base.volume() > 0) {
                recentVolume += recent.volume();
                recentAmount = recentAmount.add(recent.amount());
                baseVolume += base.volume();
                baseAmount = baseAmount.add(base.amount());
            }
            if (base.keyVolume() > 0) {
                recentKey += recent.keyVolume();
                baseKey += base.keyVolume();
            }
        }

        BigDecimal volumeTrend = ratio(recentVolume, baseVolume);
        BigDecimal unitValueTrend = recentVolume > 0 && baseVolume > 0
                ? unitValue(recentAmount, recentVolume).divide(unitValue(baseAmount, baseVolume), MATH)
                : BigDecimal.ONE;
        BigDecimal keyTrend = ratio(recentKey, baseKey);

        BigDecimal volumeBase;
        BigDecimal unitValueBase;
        if (sameMonthLastYear.volume() > 0) {
            volumeBase = BigDecimal.valueOf(sameMonthLastYear.volume());
            unitValueBase = unitValue(sameMonthLastYear.amount(), sameMonthLastYear.volume());
        } else {
            volumeBase = BigDecimal.valueOf(lastThreeVolume).divide(BigDecimal.valueOf(3), MATH);
            unitValueBase = unitValue(lastThreeAmount, lastThreeVolume);
            volumeTrend = BigDecimal.ONE;
            unitValueTrend = BigDecimal.ONE;
        }

        // Rounding happens once, at the end: volume to whole tens of 条, money to fen, percent to 2 places.
        int volume = volumeBase.multiply(volumeTrend).movePointLeft(1).setScale(0, RoundingMode.HALF_UP)
                .intValueExact() * 10;
        BigDecimal unitValue = unitValueBase.multiply(unitValueTrend).setScale(2, RoundingMode.HALF_UP);
        BigDecimal keyGrowth = keyTrend.subtract(BigDecimal.ONE).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        Integer visits = jdbc.queryForObject(plannedVisits, Integer.class, customerManagerId);
        TargetValues values = new TargetValues(volume, unitValue, keyGrowth, visits);

        YearMonth lastYear = month.minusMonths(12);
        String window = month.minusMonths(3) + "～" + month.minusMonths(1);
        String volumeBasis = sameMonthLastYear.volume() > 0
                ? "销量 = 去年同月（" + lastYear + "）" + sameMonthLastYear.volume() + " 条 × 近三月同比 " + index(volumeTrend)
                        + (baseVolume > 0 ? "（" + window + " " + recentVolume + " 条 ÷ 去年同期 " + baseVolume + " 条）"
                                : "（近三月没有去年同期可比，按 1）")
                : "销量 = 近三月（" + window + "）月均 " + volumeBase.setScale(1, RoundingMode.HALF_UP).toPlainString()
                        + " 条（去年同月没有销量，不计趋势）";
        String unitValueBasis = "单条值 = " + (sameMonthLastYear.volume() > 0 ? "去年同月 " : "近三月 ")
                + unitValueBase.setScale(2, RoundingMode.HALF_UP).toPlainString() + " 元 × 趋势 " + index(unitValueTrend);
        String keyBasis = baseKey > 0
                ? "重点品牌增长 = 近三月重点品牌 " + recentKey + " 条 ÷ 去年同期 " + baseKey + " 条 − 1"
                : "重点品牌增长 = 0（近三月重点品牌没有去年同期可比）";
        String basis = volumeBasis + " ≈ " + volume + " 条（取整到十条）；" + unitValueBasis + " ≈ " + unitValue.toPlainString()
                + " 元；" + keyBasis + " = " + keyGrowth.toPlainString() + "%；拜访次数 = 在营客户按档位规则（" + visitRule.gradeRuleText()
                + "）合计 " + visits + " 次。";
        return new Forecast(values, basis);
    }

    /** A growth index as the basis prints it: 3 decimals. */
    private static String index(BigDecimal ratio) {
        return ratio.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** 单条值 = amount ÷ volume; 0 when nothing was sold. */
    /** One month of a customer manager's sales, for the approver's comparison with history. */
    public record MonthSales(String month, long volume, BigDecimal unitValue) {
    }

    /** The 12 months before {@code month}, oldest first, months without sales included as 0. */
    List<MonthSales> history(String customerManagerId, YearMonth month) {
        Map<YearMonth, Sales> sales = monthlySales(customerManagerId, month.minusMonths(12), month);
        List<MonthSales> rows = new ArrayList<>();
        for (int k = 12; k >= 1; k--) {
            YearMonth m = month.minusMonths(k);
            Sales s = sales.getOrDefault(m, Sales.NONE);
            rows.add(new MonthSales(m.toString(), s.volume(),
                    unitValue(s.amount(), s.volume()).setScale(2, RoundingMode.HALF_UP)));
        }
        return rows;
    }

    private static BigDecimal unitValue(BigDecimal amount, long volume) {
        return volume == 0 ? BigDecimal.ZERO : amount.divide(BigDecimal.valueOf(volume), MATH);
    }

    /** Growth index recent ÷ base; 1 (no trend) when there is no base. */
    private static BigDecimal ratio(long recent, long base) {
        return base > 0 ? BigDecimal.valueOf(recent).divide(BigDecimal.valueOf(base), MATH) : BigDecimal.ONE;
    }

    private Map<YearMonth, Sales> monthlySales(String customerManagerId, YearMonth from, YearMonth toExclusive) {
        Map<YearMonth, Sales> result = new HashMap<>();
        jdbc.query(MONTHLY_SALES, rs -> {
            result.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                    new Sales(rs.getLong("volume"), rs.getBigDecimal("amount"), rs.getLong("key_volume")));
        }, customerManagerId, Date.valueOf(from.atDay(1)), Date.valueOf(toExclusive.atDay(1)));
        return result;
    }
}
