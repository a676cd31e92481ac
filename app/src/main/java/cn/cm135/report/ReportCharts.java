package cn.cm135.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.report.ReportChart.Series;

/**
 * The charts of the report pages, each one set-based query over the roll-ups or the stored month results:
 * 13 months of volume and 单条值 (a scope from {@code customer_sales_month}, a customer likewise), a spec's
 * 铺货率/重购率/上柜率 over 12 analysed months with its lifecycle stage ({@code brand_month_result}), and each
 * area's 存销比 and price index over 12 analysed months ({@code market_month_result}). A month not rolled up or
 * not analysed has no value (a gap), a rolled-up month without sales is 0.
 */
@Component
class ReportCharts {

    /** More areas than this are drawn as one line for all of them (a market manager has about a dozen). */
    static final int AREA_LINES = 12;

    private static final String SCOPE_CUSTOMERS = """
              join retail_customer c on c.id = cs.customer_id
              join route rt on rt.code = c.route_code
              join area a on a.code = rt.area_code
             where cs.month_start >= :from and cs.month_start <= :first
               and """ + ReportSql.managedBy("a.customer_manager_id");

    private final NamedParameterJdbcTemplate jdbc;

    ReportCharts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** 近 13 个月销量与单条值 of the request's customer managers' customers. */
    @Transactional(readOnly = true)
    public ReportChart salesOfScope(ReportRequest request) {
        return sales("近 13 个月销量与单条值", request, "select cs.month_start, sum(cs.quantity), sum(cs.amount) "
                + "from customer_sales_month cs " + SCOPE_CUSTOMERS + " group by cs.month_start");
    }

    /** 近 13 个月销量与单条值 of the request's customer. */
    @Transactional(readOnly = true)
    public ReportChart salesOfCustomer(ReportRequest request) {
        return sales("该户近 13 个月销量与单条值", request, "select cs.month_start, cs.quantity, cs.amount "
                + "from customer_sales_month cs where cs.customer_id = :customer "
                + "and cs.month_start >= :from and cs.month_start <= :first");
    }

    private ReportChart sales(String title, ReportRequest request, String sql) {
        List<YearMonth> months = months(request.month(), 13);
        MapSqlParameterSource p = request.parameters().addValue("from", Date.valueOf(months.get(0).atDay(1)));
        Map<YearMonth, BigDecimal[]> byMonth = new HashMap<>();
        jdbc.query(sql, p, rs -> {
            byMonth.put(YearMonth.from(rs.getDate(1).toLocalDate()), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
        });
        Set<YearMonth> rolledUp = new HashSet<>();
        jdbc.query("select month_start from sales_month_refresh where month_start >= :from and month_start <= :first", p,
                rs -> {
                    rolledUp.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                });
        List<BigDecimal> volumes = new ArrayList<>();
        List<BigDecimal> unitValues = new ArrayList<>();
        for (YearMonth m : months) {
            BigDecimal[] v = byMonth.get(m);
            BigDecimal volume = v != null ? v[0] : rolledUp.contains(m) ? BigDecimal.ZERO : null;
            volumes.add(volume);
            unitValues.add(v == null || v[0].signum() == 0 ? null : v[1].divide(v[0], 2, RoundingMode.HALF_UP));
        }
        return new ReportChart(title, null, labels(months),
                List.of(Series.bar("销量", "条", volumes), Series.line("单条值", 1, "元/条", unitValues)));
    }

    /** One chart per spec analysed in the scope: its 铺货率, 重购率 and 上柜率 over 12 months, the stage in the subtitle. */
    @Transactional(readOnly = true)
    public List<ReportChart> brandRates(ReportRequest request) {
        List<YearMonth> months = months(request.month(), 12);
        MapSqlParameterSource p = request.parameters().addValue("from", months.get(0).toString());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal[]>> rates = new HashMap<>();
        jdbc.query("""
                select b.spec_code, p.name, b.period, sum(b.buyers), sum(b.active_customers), sum(b.repeat_buyers),
                       sum(b.prev_buyers), sum(b.on_shelf_customers), sum(b.shelf_customers)
                  from brand_month_result b
                  join area a on a.code = b.area_code
                  join cigarette_spec p on p.code = b.spec_code
                 where b.period >= :from and b.period <= :period and """ + ReportSql.managedBy("a.customer_manager_id") + """
                 group by b.spec_code, p.name, b.period
                 order by b.spec_code
                """, p, rs -> {
                    names.putIfAbsent(rs.getString(1), rs.getString(2));
                    rates.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(3), new BigDecimal[] {
                            percent(rs.getLong(4), rs.getLong(5)), percent(rs.getLong(6), rs.getLong(7)),
                            percent(rs.getLong(8), rs.getLong(9))});
                });
        Map<String, Map<String, Integer>> stages = new HashMap<>();
        jdbc.query("select b.spec_code, b.status, count(*) from brand_month_result b join area a on a.code = b.area_code "
                + "where b.period = :period and b.status is not null and " + ReportSql.managedBy("a.customer_manager_id")
                + " group by b.spec_code, b.status", p, rs -> {
                    stages.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        List<ReportChart> charts = new ArrayList<>();
        names.forEach((spec, name) -> {
            Map<String, BigDecimal[]> bySpec = rates.get(spec);
            List<List<BigDecimal>> lines = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (YearMonth m : months) {
                BigDecimal[] r = bySpec.get(m.toString());
                for (int i = 0; i < 3; i++) {
                    lines.get(i).add(r == null ? null : r[i]);
                }
            }
            charts.add(new ReportChart(name + "（" + spec + "）", stageLine(stages.get(spec), request.month()),
                    labels(months), List.of(Series.line("铺货率", 0, "%", lines.get(0)),
                            Series.line("重购率", 0, "%", lines.get(1)), Series.line("上柜率", 0, "%", lines.get(2)))));
        });
        return charts;
    }

    private static String stageLine(Map<String, Integer> stages, YearMonth month) {
        if (stages == null || stages.isEmpty()) {
            return month + " 生命周期：—";
        }
        if (stages.size() == 1) {
            return month + " 生命周期：" + stages.keySet().iterator().next();
        }
        return month + " 生命周期：" + stages.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue() + " 个片区）")
                .collect(Collectors.joining("、"));
    }

    /** 存销比 and 价格指数 over 12 analysed months: a line per area, or one for all when there are many. */
    @Transactional(readOnly = true)
    public List<ReportChart> marketTrends(ReportRequest request) {
        List<YearMonth> months = months(request.month(), 12);
        MapSqlParameterSource p = request.parameters().addValue("from", months.get(0).toString());
        // Per area: the stored ratios. Summed: inventory / volume and the volume-weighted price index.
        Map<String, Map<String, BigDecimal[]>> byArea = new LinkedHashMap<>();
        Set<String> areas = new TreeSet<>();
        jdbc.query("""
                select m.area_code, m.period, m.social_inventory, m.volume, m.stock_sales_ratio, m.price_index
                  from market_month_result m
                 where m.period >= :from and m.period <= :period and """ + ReportSql.managedBy("m.customer_manager_id") + """
                 order by m.area_code
                """, p, rs -> {
                    areas.add(rs.getString(1));
                    byArea.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), new BigDecimal[] {
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)});
                });
        List<Series> ratios = new ArrayList<>();
        List<Series> prices = new ArrayList<>();
        if (areas.size() <= AREA_LINES) {
            for (String area : areas) {
                Map<String, BigDecimal[]> values = byArea.get(area);
                ratios.add(Series.line(area, 0, "存销比", column(months, values, 2)));
                prices.add(Series.line(area, 0, "价格指数", column(months, values, 3)));
            }
        } else {
            List<BigDecimal> ratio = new ArrayList<>();
            List<BigDecimal> price = new ArrayList<>();
            for (YearMonth m : months) {
                BigDecimal inventory = BigDecimal.ZERO;
                BigDecimal volume = BigDecimal.ZERO;
                BigDecimal weighted = BigDecimal.ZERO;
                BigDecimal priced = BigDecimal.ZERO;
                for (Map<String, BigDecimal[]> values : byArea.values()) {
                    BigDecimal[] v = values.get(m.toString());
                    if (v != null) {
                        inventory = inventory.add(v[0]);
                        volume = volume.add(v[1]);
                        if (v[3] != null) {
                            weighted = weighted.add(v[3].multiply(v[1]));
                            priced = priced.add(v[1]);
                        }
                    }
                }
                ratio.add(volume.signum() == 0 ? null : inventory.divide(volume, 4, RoundingMode.HALF_UP));
                price.add(priced.signum() == 0 ? null : weighted.divide(priced, 4, RoundingMode.HALF_UP));
            }
            ratios.add(Series.line("全部 " + areas.size() + " 个片区", 0, "存销比", ratio));
            prices.add(Series.line("全部 " + areas.size() + " 个片区（按销量加权）", 0, "价格指数", price));
        }
        return List.of(new ReportChart("各片区存销比（近 12 个分析月）", null, labels(months), ratios),
                new ReportChart("各片区价格指数（近 12 个分析月）", null, labels(months), prices));
    }

    private static List<BigDecimal> column(List<YearMonth> months, Map<String, BigDecimal[]> values, int index) {
        List<BigDecimal> column = new ArrayList<>();
        for (YearMonth m : months) {
            BigDecimal[] v = values.get(m.toString());
            column.add(v == null ? null : v[index]);
        }
        return column;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static List<YearMonth> months(YearMonth last, int count) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    private static List<String> labels(List<YearMonth> months) {
        return months.stream().map(YearMonth::toString).toList();
    }
}
