package cn.cm135.customer.ledger;

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
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    // Three plain statements, each %s selecting the customers (alias c, with route ro and area a): as one
    // statement with CTEs, H2 ran the seasonal-index CTE again for each joined row (27 s for 300 customers).

    /** The customers' areas with the seasonal index stored by step 8 (found = 1), if any. */
    private static final String AREAS = """
            select ar.area_code, st.seasonal_index_next, case when st.area_code is null then 0 else 1 end as found
              from (select distinct ro.area_code
                      from retail_customer c
                      join route ro on ro.code = c.route_code
                      join area a on a.code = ro.area_code
                     where %s) ar
              left join market_month_result st on st.area_code = ar.area_code and st.period = :period
            """;

    // sales_month is read by its key (month, customer) for each of the 12 months, a VALUES list: a range of
    // months would read those months of every customer in the company, not just the area's.
    private static final String SEASONAL_INDEX = """
            select ro.area_code,
                   case when sum(sm.quantity) > 0
                        then round(cast(sum(case when sm.month_start = :m11 then sm.quantity else 0 end)
                                        as decimal(30, 10)) * cast(:months as integer) / sum(sm.quantity), 4)
                   end as seasonal_index
              from route ro
              join retail_customer c on c.route_code = ro.code
              cross join (values %s) m (month_start)
              join sales_month sm on sm.month_start = m.month_start and sm.customer_id = c.id
             where ro.area_code in (:areas)
             group by ro.area_code
            """.formatted(IntStream.range(0, MONTHS).mapToObj(i -> "(cast(:month" + i + " as date))")
            .collect(Collectors.joining(", ")));

    /** Purchases of the 3 months by customer and spec (all specs, or key brands only). */
    private static final String BASE = """
            select c.id as customer_id, ro.area_code, o.spec_code, sum(o.quantity) as purchases
              from retail_customer c
              join route ro on ro.code = c.route_code
              join area a on a.code = ro.area_code
              join order_line o on o.customer_id = c.id and o.order_date >= :m2 and o.order_date <= :lastDay
              join cigarette_spec p on p.code = o.spec_code
             where %s and (p.key_brand or :allSpecs)
             group by c.id, ro.area_code, o.spec_code
             order by c.id, o.spec_code
            """;

    private static final String ONE_CUSTOMER = "c.id = :customer";
    private static final String ACTIVE_CUSTOMERS_OF_MANAGER = "a.customer_manager_id = :cm and c.status = 'ACTIVE'";

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

    private void query(String customers, MapSqlParameterSource params, YearMonth comingMonth,
            BigDecimal businessCircleFactor, BiConsumer<Long, NegotiatedQuantity> sink) {
        YearMonth m = comingMonth.minusMonths(1);
        rollup.ensure(m.minusMonths(MONTHS - 1), m);
        params.addValue("period", m.toString())
                .addValue("m2", Date.valueOf(m.minusMonths(BASE_MONTHS - 1).atDay(1)))
                .addValue("m11", Date.valueOf(m.minusMonths(MONTHS - 1).atDay(1)))
                .addValue("lastDay", Date.valueOf(m.atEndOfMonth()))
                .addValue("months", MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            params.addValue("month" + i, Date.valueOf(m.minusMonths(i).atDay(1)));
        }
        // area → seasonal index (null: undefined) and whether step 8 stored it
        Map<String, BigDecimal> seasonal = new HashMap<>();
        Set<String> stored = new HashSet<>();
        jdbc.query(AREAS.formatted(customers), params, rs -> {
            if (rs.getInt("found") == 1) {
                stored.add(rs.getString("area_code"));
                seasonal.put(rs.getString("area_code"), rs.getBigDecimal("seasonal_index_next"));
            } else {
                seasonal.put(rs.getString("area_code"), null);
            }
        });
        List<String> toCompute = seasonal.keySet().stream().filter(area -> !stored.contains(area)).toList();
        if (!toCompute.isEmpty()) {
            jdbc.query(SEASONAL_INDEX, new MapSqlParameterSource(params.getValues()).addValue("areas", toCompute),
                    rs -> {
                        seasonal.put(rs.getString("area_code"), rs.getBigDecimal("seasonal_index"));
                    });
        }
        jdbc.query(BASE.formatted(customers), params, rs -> {
            String area = rs.getString("area_code");
            int purchases = rs.getInt("purchases");
            BigDecimal index = seasonal.get(area);
            BigDecimal applied = index == null ? BigDecimal.ONE : index;
            BigDecimal months = BigDecimal.valueOf(BASE_MONTHS);
            int quantity = BigDecimal.valueOf(purchases).multiply(applied).multiply(businessCircleFactor)
                    .divide(months, 0, RoundingMode.HALF_UP).intValueExact();
            sink.accept(rs.getLong("customer_id"), new NegotiatedQuantity(rs.getString("spec_code"), purchases,
                    BigDecimal.valueOf(purchases).divide(months, 2, RoundingMode.HALF_UP), index,
                    stored.contains(area), businessCircleFactor, quantity));
        });
    }
}
