package cn.cm135.review.month;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.review.results.MonthExecutionQuery;
import cn.cm135.review.week.SalesToDate;

/**
 * Computes {@link MonthFacts} with one aggregate query per table: sales (SalesToDate over the whole month),
 * brand targets against the area's volumes, anomalies by type, mean observed prices of key specs, and the
 * execution counts (MonthExecutionQuery). Customers are those on the customer manager's routes now.
 */
@Component
class MonthFactsQuery {

    private static final String CUSTOMERS_OF_CM = """
            join retail_customer c on c.id = x.customer_id
            join route r on r.code = c.route_code
            join area a on a.code = r.area_code and a.customer_manager_id = :cm
            """;
    private static final String BRANDS = """
            select t.area_code, t.spec_code, s.name, t.target_volume, coalesce(v.volume, 0) as volume
              from brand_target t
              join area a on a.code = t.area_code
              join cigarette_spec s on s.code = t.spec_code
              left join (select r.area_code, x.spec_code, sum(x.quantity) as volume
                           from order_line x
                           join retail_customer c on c.id = x.customer_id
                           join route r on r.code = c.route_code
                           join area a2 on a2.code = r.area_code and a2.customer_manager_id = :cm
                          where x.order_date >= :first and x.order_date <= :last
                          group by r.area_code, x.spec_code) v on v.area_code = t.area_code and v.spec_code = t.spec_code
             where t.period = :period and a.customer_manager_id = :cm
             order by t.area_code, t.spec_code
            """;
    private static final String ANOMALIES = """
            select x.anomaly_type, count(*) as n
              from market_anomaly x
            """ + CUSTOMERS_OF_CM + """
             where x.observed_on >= :first and x.observed_on <= :last
             group by x.anomaly_type
             order by count(*) desc, x.anomaly_type
            """;
    private static final String PRICES = """
            select s.code, s.name, count(*) as n, avg(x.retail_price) as mean_price, s.retail_price as guide
              from field_observation x
            """ + CUSTOMERS_OF_CM + """
              join cigarette_spec s on s.code = x.spec_code and s.key_brand = true
             where x.observed_on >= :first and x.observed_on <= :last and x.retail_price is not null
             group by s.code, s.name, s.retail_price
             order by s.code
            """;

    private final SalesToDate sales;
    private final MonthExecutionQuery execution;
    private final NamedParameterJdbcTemplate jdbc;

    MonthFactsQuery(SalesToDate sales, MonthExecutionQuery execution, NamedParameterJdbcTemplate jdbc) {
        this.sales = sales;
        this.execution = execution;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    MonthFacts of(String customerManagerId, YearMonth month) {
        SalesToDate.Sales s = sales.of(customerManagerId, month.atDay(1), month.atEndOfMonth());
        MapSqlParameterSource p = new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString())
                .addValue("first", Date.valueOf(month.atDay(1))).addValue("last", Date.valueOf(month.atEndOfMonth()));
        Map<String, Object> target = jdbc.queryForList("select volume, unit_value, key_brand_growth from monthly_target "
                + "where customer_manager_id = :cm and period = :period", p).stream().findFirst().orElse(Map.of());
        return new MonthFacts(s.volume(), s.amount(),
                target.get("volume") == null ? null : ((Number) target.get("volume")).intValue(), s.unitValue(),
                decimal(target.get("unit_value")), s.keyBrandGrowth(), decimal(target.get("key_brand_growth")),
                brands(p), anomalies(p), prices(p), execution.of(customerManagerId, month));
    }

    List<MonthFacts.BrandFact> brands(MapSqlParameterSource p) {
        return jdbc.query(BRANDS, p, (rs, i) -> new MonthFacts.BrandFact(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, Integer.class), rs.getInt(5)));
    }

    private List<MonthFacts.AnomalyCount> anomalies(MapSqlParameterSource p) {
        return jdbc.query(ANOMALIES, p, (rs, i) -> new MonthFacts.AnomalyCount(rs.getString(1), rs.getInt(2)));
    }

    private List<MonthFacts.PriceFact> prices(MapSqlParameterSource p) {
        return jdbc.query(PRICES, p, (rs, i) -> {
            BigDecimal mean = rs.getBigDecimal("mean_price").setScale(2, RoundingMode.HALF_UP);
            BigDecimal guide = rs.getBigDecimal("guide");
            // The index from the unrounded mean: one rounding, at the end.
            BigDecimal index = rs.getBigDecimal("mean_price").divide(guide, 4, RoundingMode.HALF_UP);
            return new MonthFacts.PriceFact(rs.getString("code"), rs.getString("name"), rs.getInt("n"), mean, guide, index);
        });
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
