package cn.cm135.customer.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * 商定总量 (indicators.md, "Negotiated quantity"): per customer and spec for the coming month n,
 * base = mean purchases of months n−3 … n−1 (missing months count as 0) × the seasonal index of n in
 * the customer's area × the business-circle factor, rounded half-up to whole 条, once at the end.
 *
 * <p>The seasonal index is the stored {@code market_month_result.seasonal_index_next} of month n−1 when
 * step 8 has analysed the customer's area (so a locked analysis and the proposal agree); otherwise it
 * is computed the same way from the roll-up: V(n−12) ÷ (Σ V(n−12 … n−1) ÷ 12), 4 decimals. An undefined
 * index (nothing sold in those 12 months) applies as 1. Specs proposed: those bought in the 3 months.
 * Overrides by the customer manager with a reason (kept in history) are not built yet.
 */
@Service
public class NegotiatedQuantityService {

    private static final int MONTHS = 12;
    private static final int BASE_MONTHS = 3;

    private static final String PROPOSAL = """
            with cust as (
                select r.area_code
                  from retail_customer c
                  join route r on r.code = c.route_code
                 where c.id = :customer
            ),
            base as (
                select o.spec_code, sum(o.quantity) as purchases
                  from order_line o
                 where o.customer_id = :customer and o.order_date >= :m2 and o.order_date <= :lastDay
                 group by o.spec_code
            ),
            stored as (
                select r.seasonal_index_next, 1 as found
                  from market_month_result r
                  join cust on cust.area_code = r.area_code
                 where r.period = :period
            ),
            computed as (
                select case when sum(sm.quantity) > 0
                            then round(cast(sum(case when sm.month_start = :m11 then sm.quantity else 0 end)
                                            as decimal(30, 10)) * cast(:months as integer) / sum(sm.quantity), 4)
                       end as seasonal_index
                  from sales_month sm
                  join retail_customer c on c.id = sm.customer_id
                  join route r on r.code = c.route_code
                  join cust on cust.area_code = r.area_code
                 where sm.month_start >= :m11 and sm.month_start <= :m0
            )
            select b.spec_code, b.purchases,
                   case when st.found = 1 then st.seasonal_index_next else co.seasonal_index end as seasonal_index,
                   case when st.found = 1 then true else false end as from_analysis
              from base b
              cross join computed co
              left join stored st on 1 = 1
             order by b.spec_code
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final SalesRollup rollup;

    NegotiatedQuantityService(NamedParameterJdbcTemplate jdbc, SalesRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
    }

    /** Proposals with the default business-circle factor 1.0. */
    @Transactional
    public List<NegotiatedQuantity> propose(long customerId, YearMonth comingMonth) {
        return propose(customerId, comingMonth, BigDecimal.ONE);
    }

    /** Proposals of the customer's specs for {@code comingMonth} with the CM's business-circle factor. */
    @Transactional
    public List<NegotiatedQuantity> propose(long customerId, YearMonth comingMonth, BigDecimal businessCircleFactor) {
        if (businessCircleFactor == null || businessCircleFactor.signum() < 0) {
            throw new IllegalArgumentException("商圈变化系数不能为空或小于 0");
        }
        YearMonth m = comingMonth.minusMonths(1);
        rollup.ensure(m.minusMonths(MONTHS - 1), m);
        MapSqlParameterSource params = new MapSqlParameterSource("customer", customerId)
                .addValue("period", m.toString())
                .addValue("m0", Date.valueOf(m.atDay(1)))
                .addValue("m2", Date.valueOf(m.minusMonths(BASE_MONTHS - 1).atDay(1)))
                .addValue("m11", Date.valueOf(m.minusMonths(MONTHS - 1).atDay(1)))
                .addValue("lastDay", Date.valueOf(m.atEndOfMonth()))
                .addValue("months", MONTHS);
        return jdbc.query(PROPOSAL, params, (rs, i) -> {
            int purchases = rs.getInt("purchases");
            BigDecimal seasonal = rs.getBigDecimal("seasonal_index");
            BigDecimal applied = seasonal == null ? BigDecimal.ONE : seasonal;
            BigDecimal months = BigDecimal.valueOf(BASE_MONTHS);
            int quantity = BigDecimal.valueOf(purchases).multiply(applied).multiply(businessCircleFactor)
                    .divide(months, 0, RoundingMode.HALF_UP).intValueExact();
            return new NegotiatedQuantity(rs.getString("spec_code"), purchases,
                    BigDecimal.valueOf(purchases).divide(months, 2, RoundingMode.HALF_UP), seasonal,
                    rs.getBoolean("from_analysis"), businessCircleFactor, quantity);
        });
    }
}
