package cn.cm135.customer.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
 * Overrides by the customer manager with a reason (kept in history) belong to step 11's visit plan
 * ({@code cn.cm135.planning.visits.NegotiatedQuantities}); this service computes the proposal only.
 */
@Service
public class NegotiatedQuantityService {

    private static final int MONTHS = 12;
    private static final int BASE_MONTHS = 3;

    // %s selects the customers (alias c, with their route ro and area a); specs: all, or key brands only.
    private static final String PROPOSAL = """
            with cust as (
                select c.id as customer_id, ro.area_code
                  from retail_customer c
                  join route ro on ro.code = c.route_code
                  join area a on a.code = ro.area_code
                 where %s
            ),
            base as (
                select o.customer_id, o.spec_code, sum(o.quantity) as purchases
                  from order_line o
                  join cust on cust.customer_id = o.customer_id
                  join cigarette_spec p on p.code = o.spec_code
                 where o.order_date >= :m2 and o.order_date <= :lastDay and (p.key_brand or :allSpecs)
                 group by o.customer_id, o.spec_code
            ),
            stored as (
                select r.area_code, r.seasonal_index_next
                  from market_month_result r
                 where r.period = :period and r.area_code in (select area_code from cust)
            ),
            computed as (
                select r.area_code,
                       case when sum(sm.quantity) > 0
                            then round(cast(sum(case when sm.month_start = :m11 then sm.quantity else 0 end)
                                            as decimal(30, 10)) * cast(:months as integer) / sum(sm.quantity), 4)
                       end as seasonal_index
                  from sales_month sm
                  join retail_customer c on c.id = sm.customer_id
                  join route r on r.code = c.route_code
                 where sm.month_start >= :m11 and sm.month_start <= :m0
                   and r.area_code in (select area_code from cust)
                 group by r.area_code
            )
            select b.customer_id, b.spec_code, b.purchases,
                   case when st.area_code is not null then st.seasonal_index_next else co.seasonal_index end as seasonal_index,
                   case when st.area_code is not null then true else false end as from_analysis
              from base b
              join cust on cust.customer_id = b.customer_id
              left join computed co on co.area_code = cust.area_code
              left join stored st on st.area_code = cust.area_code
             order by b.customer_id, b.spec_code
            """;

    private static final String ONE_CUSTOMER = PROPOSAL.formatted("c.id = :customer");
    private static final String ACTIVE_CUSTOMERS_OF_MANAGER =
            PROPOSAL.formatted("a.customer_manager_id = :cm and c.status = 'ACTIVE'");

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
        List<NegotiatedQuantity> proposals = new ArrayList<>();
        query(ONE_CUSTOMER, new MapSqlParameterSource("customer", customerId).addValue("allSpecs", true), comingMonth,
                businessCircleFactor, (customer, proposal) -> proposals.add(proposal));
        return proposals;
    }

    /**
     * The proposals of the key specs (重点品牌) for every active customer of a customer manager, with the
     * default business-circle factor 1.0, in one query: the same numbers as {@link #propose(long, YearMonth)}.
     *
     * @return by customer id (customers without a key spec bought in the 3 months are absent), specs in code order
     */
    @Transactional
    public Map<Long, List<NegotiatedQuantity>> proposeKeySpecs(String customerManagerId, YearMonth comingMonth) {
        Map<Long, List<NegotiatedQuantity>> proposals = new LinkedHashMap<>();
        query(ACTIVE_CUSTOMERS_OF_MANAGER, new MapSqlParameterSource("cm", customerManagerId).addValue("allSpecs", false),
                comingMonth, BigDecimal.ONE,
                (customer, proposal) -> proposals.computeIfAbsent(customer, k -> new ArrayList<>()).add(proposal));
        return proposals;
    }

    private void query(String sql, MapSqlParameterSource params, YearMonth comingMonth, BigDecimal businessCircleFactor,
            BiConsumer<Long, NegotiatedQuantity> sink) {
        YearMonth m = comingMonth.minusMonths(1);
        rollup.ensure(m.minusMonths(MONTHS - 1), m);
        params.addValue("period", m.toString())
                .addValue("m0", Date.valueOf(m.atDay(1)))
                .addValue("m2", Date.valueOf(m.minusMonths(BASE_MONTHS - 1).atDay(1)))
                .addValue("m11", Date.valueOf(m.minusMonths(MONTHS - 1).atDay(1)))
                .addValue("lastDay", Date.valueOf(m.atEndOfMonth()))
                .addValue("months", MONTHS);
        jdbc.query(sql, params, rs -> {
            int purchases = rs.getInt("purchases");
            BigDecimal seasonal = rs.getBigDecimal("seasonal_index");
            BigDecimal applied = seasonal == null ? BigDecimal.ONE : seasonal;
            BigDecimal months = BigDecimal.valueOf(BASE_MONTHS);
            int quantity = BigDecimal.valueOf(purchases).multiply(applied).multiply(businessCircleFactor)
                    .divide(months, 0, RoundingMode.HALF_UP).intValueExact();
            sink.accept(rs.getLong("customer_id"), new NegotiatedQuantity(rs.getString("spec_code"), purchases,
                    BigDecimal.valueOf(purchases).divide(months, 2, RoundingMode.HALF_UP), seasonal,
                    rs.getBoolean("from_analysis"), businessCircleFactor, quantity));
        });
    }
}
