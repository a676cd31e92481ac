package cn.cm135.planning.workplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cm135.brand.targets.BrandTarget;
import cn.cm135.brand.targets.BrandTargetService;
import cn.cm135.customer.demand.DemandService;
import cn.cm135.customer.demand.DemandSurvey;

/**
 * Drafts a month's work plan from what the analysis found (indicators.md; domain.md step 10): customers per
 * grade band with the visits the grade rule ({@link WorkPlanBands}) gives them, and the key work for customer (warned customers,
 * 差 capability, last month's needs), brand (this month's brand targets, brand warnings) and market (price
 * index, 存销比, 可销天数, anomalies, warnings) — written as 中文 sentences the customer manager edits.
 */
@Component
class WorkPlanComposer {

    /** Names listed in a sentence before "等". */
    static final int NAMES_SHOWN = 5;

    /**
     * Customers and the grade rule's visits per band ({@code cm135.visits}: %1$s the band's index, %2$s the
     * frequency, both as CASEs on the grade); an ungraded customer counts in the base band with the rule's
     * no-grade frequency, as the visit plan proposes it.
     */
    private static final String BANDS = """
            select band, count(*) as customers, sum(frequency) as visits
              from (select %1$s as band, %2$s as frequency
                      from (select coalesce(r.grade, c.grade) as g
                              from retail_customer c
                              join route ro on ro.code = c.route_code
                              join area a on a.code = ro.area_code
                              left join customer_month_result r on r.customer_id = c.id and r.period = :analysed
                             where a.customer_manager_id = :cm and c.status = 'ACTIVE') graded) banded
             group by band
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final DemandService demands;
    private final BrandTargetService brandTargets;
    private final String bands;

    WorkPlanComposer(NamedParameterJdbcTemplate jdbc, DemandService demands, BrandTargetService brandTargets,
            WorkPlanBands bands) {
        this.jdbc = jdbc;
        this.demands = demands;
        this.brandTargets = brandTargets;
        this.bands = BANDS.formatted(bands.rule().bandSql("g"), bands.rule().frequencySql("g"));
    }

    WorkPlanDraft draft(String customerManagerId, YearMonth month, String improvementMeasures) {
        YearMonth analysed = month.minusMonths(1);
        MapSqlParameterSource p = new MapSqlParameterSource("cm", customerManagerId)
                .addValue("analysed", analysed.toString()).addValue("period", month.toString());
        int[] customers = new int[3];
        int[] visits = new int[3];
        jdbc.query(bands, p, rs -> {
            customers[rs.getInt("band")] = rs.getInt("customers");
            visits[rs.getInt("band")] = rs.getInt("visits");
        });
        return new WorkPlanDraft(customers[WorkPlanBands.TOP], customers[WorkPlanBands.MIDDLE],
                customers[WorkPlanBands.BASE], new WorkPlanValues(visits[WorkPlanBands.TOP],
                visits[WorkPlanBands.MIDDLE], visits[WorkPlanBands.BASE], customerWork(customerManagerId, analysed, p), brandWork(customerManagerId, month, p),
                marketWork(p), improvementMeasures));
    }

    private String customerWork(String customerManagerId, YearMonth analysed, MapSqlParameterSource p) {
        List<String> work = new ArrayList<>();
        List<String> warned = jdbc.queryForList("""
                select c.name from customer_month_result r join retail_customer c on c.id = r.customer_id
                 where r.period = :analysed and r.customer_manager_id = :cm and r.warning
                 order by r.prev_volume - r.volume desc, c.licence_no
                """, p, String.class);
        if (!warned.isEmpty()) {
            work.add("预警客户 " + warned.size() + " 户（" + names(warned) + "）：逐户对照动销台账分析原因，开展经营分析指导");
        }
        Integer poor = jdbc.queryForObject("select count(*) from customer_month_result where period = :analysed "
                + "and customer_manager_id = :cm and capability_level = '差'", p, Integer.class);
        if (poor != null && poor > 0) {
            work.add("经营能力「差」的客户 " + poor + " 户：重点帮扶");
        }
        DemandSurvey survey = demands.survey(customerManagerId, analysed);
        if (survey.needs() > 0) {
            work.add("落实上月客户直接需求 " + survey.needs() + " 条（" + survey.types().stream().filter(t -> t.needs() > 0)
                    .map(t -> t.needType() + " " + t.needs() + " 条").collect(Collectors.joining("、")) + "）");
        }
        return sentences(work, "客户经营平稳，按档位完成走访");
    }

    private String brandWork(String customerManagerId, YearMonth month, MapSqlParameterSource p) {
        List<String> work = new ArrayList<>();
        Map<String, String> specNames = new java.util.HashMap<>();
        jdbc.query("select code, name from cigarette_spec", Map.of(), rs -> {
            specNames.put(rs.getString(1), rs.getString(2));
        });
        List<BrandTarget> targets = brandTargets.targets(customerManagerId, month);
        if (!targets.isEmpty()) {
            work.add("品牌目标：" + targets.stream().map(t -> specNames.getOrDefault(t.specCode(), t.specCode())
                    + (t.targetVolume() == null ? "" : " " + t.targetVolume() + " 条")
                    + (t.targetCustomers().isEmpty() ? "" : "（目标客户 " + t.targetCustomers().size() + " 户）"))
                    .collect(Collectors.joining("，")));
        }
        List<String> warned = jdbc.queryForList("""
                select distinct b.spec_code from brand_month_result b join area a on a.code = b.area_code
                 where b.period = :analysed and a.customer_manager_id = :cm and b.warning order by b.spec_code
                """, p, String.class);
        if (!warned.isEmpty()) {
            work.add("品牌预警 " + warned.size() + " 个规格（" + names(warned.stream().map(s -> specNames.getOrDefault(s, s))
                    .toList()) + "）：环比明显低于全市，查找原因并加强培育");
        }
        return sentences(work, "按品牌目标培育重点品牌");
    }

    private String marketWork(MapSqlParameterSource p) {
        List<String> work = new ArrayList<>();
        jdbc.query("""
                select m.area_code, m.price_index, m.stock_sales_ratio, m.days_of_stock, m.warning,
                       coalesce((select sum(n.count) from market_anomaly_count n
                                  where n.period = m.period and n.area_code = m.area_code), 0) as anomalies
                  from market_month_result m
                 where m.period = :analysed and m.customer_manager_id = :cm
                 order by m.area_code
                """, p, rs -> {
                    StringBuilder line = new StringBuilder("片区 " + rs.getString("area_code") + "：价格指数 "
                            + number(rs.getBigDecimal("price_index"), 2) + "，存销比 " + number(rs.getBigDecimal("stock_sales_ratio"), 2)
                            + "，可销天数 " + number(rs.getBigDecimal("days_of_stock"), 1));
                    int anomalies = rs.getInt("anomalies");
                    if (anomalies > 0) {
                        line.append("；市场异常 ").append(anomalies).append(" 起，加强市场检查");
                    }
                    if (rs.getBoolean("warning")) {
                        line.append("；销量环比低于全市，重点关注");
                    }
                    work.add(line.toString());
                });
        return sentences(work, "上月市场分析尚未生成，走访中采集库存与价格");
    }

    private static String names(List<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining("、"));
        return names.size() > NAMES_SHOWN ? shown + " 等" : shown;
    }

    private static String sentences(List<String> work, String otherwise) {
        return work.isEmpty() ? otherwise + "。" : String.join("；\n", work) + "。";
    }

    private static String number(BigDecimal value, int scale) {
        return value == null ? "—" : value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
