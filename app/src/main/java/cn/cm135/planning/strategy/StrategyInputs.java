package cn.cm135.planning.strategy;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts of every active retail customer of one or more customer managers with six set-based queries
 * (one per kind of fact, whatever the number of customers or customer managers): never one query per customer. Reads
 * the stored analysis of the analysed month (customer_month_result, step 5) and the roll-ups the writers of order
 * lines and observations keep (customer_order_day, stock_month, price_month of the analysed month: SalesRollup);
 * the cycle runs steps 5–8, which roll up any month never rolled up, before step 9.
 */
@Component
class StrategyInputs {

    /** The customer managers' active customers, by their current route's area. */
    private static final String CM_CUSTOMERS = """
            select c.id from retail_customer c
              join route r on r.code = c.route_code
              join area a on a.code = r.area_code
             where a.customer_manager_id in (:cms) and c.status = 'ACTIVE'""";

    private static final String CUSTOMERS = """
            select a.customer_manager_id, c.id, c.licence_no, c.name, c.opened_on, c.personalised_service,
                   m.warning, m.capability_level, m.capability_score, m.volume, m.mom_index, m.peer_mom_index,
                   m.stock, m.weeks_of_stock
              from retail_customer c
              join route r on r.code = c.route_code
              join area a on a.code = r.area_code
              left join customer_month_result m on m.period = :analysed and m.customer_id = c.id
             where a.customer_manager_id in (:cms) and c.status = 'ACTIVE'
             order by c.licence_no
            """;

    /** Needs collected in the analysed month for the plan month, confirmed (step 4) and not yet answered. */
    private static final String OPEN_NEEDS = """
            select d.customer_id, d.need_type, count(*) as needs
              from customer_demand d
             where d.period = :analysed and d.status = 'CONFIRMED' and d.customer_id in (%s)
             group by d.customer_id, d.need_type
            """.formatted(CM_CUSTOMERS);

    /** Weeks (7-day blocks counted back from the analysed month's last day) with an order day (the roll-up's days). */
    private static final String ORDER_WEEKS = """
            select o.customer_id,
                   count(distinct case when o.order_date >= :w0 then 0 when o.order_date >= :w1 then 1
                                       when o.order_date >= :w2 then 2 else 3 end) as weeks
              from customer_order_day o
             where o.order_date >= :w3 and o.order_date <= :lastDay and o.customer_id in (%s)
             group by o.customer_id
            """.formatted(CM_CUSTOMERS);

    /** Target customers of the plan month's brand targets (step 7) and what they ordered of the spec in it so far. */
    private static final String TARGET_SPECS = """
            select t.customer_id, t.spec_code, s.name,
                   (select coalesce(sum(o.quantity), 0) from order_line o
                     where o.customer_id = t.customer_id and o.spec_code = t.spec_code
                       and o.order_date >= :planFirst and o.order_date <= :planLast) as ordered
              from brand_target_customer t
              join cigarette_spec s on s.code = t.spec_code
             where t.period = :plan and t.customer_id in (%s)
            """.formatted(CM_CUSTOMERS);

    /**
     * Latest count (greatest date, ties greatest id) within the last 3 months of each key spec that the
     * customer ordered in those months. A count older than that says little about today's shelf.
     */
    private static final String KEY_SPEC_COUNTS = """
            select x.customer_id, x.spec_code, s.name, x.inventory, x.observed_on
              from stock_month x
              join cigarette_spec s on s.code = x.spec_code
             where x.month_start = :m0 and x.customer_id in (%s)
               and x.observed_on >= :threeMonthsFirst and x.quantity_3m is not null and s.key_brand
            """.formatted(CM_CUSTOMERS);

    /** Each spec's latest observed retail price in the analysed month (market analysis convention) and its guide price. */
    private static final String PRICES = """
            select x.customer_id, x.spec_code, s.name, x.retail_price, s.retail_price as guide_price, x.observed_on
              from price_month x
              join cigarette_spec s on s.code = x.spec_code
             where x.month_start = :m0 and x.customer_id in (%s)
            """.formatted(CM_CUSTOMERS);

    private final NamedParameterJdbcTemplate jdbc;

    StrategyInputs(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Facts of each active customer of the customer managers, by customer manager and licence number: the same six
     * queries for one customer manager or for the whole centre.
     */
    Map<String, List<CustomerFacts>> load(Collection<String> customerManagerIds, StrategyMonth month) {
        MapSqlParameterSource p = parameters(customerManagerIds, month);
        Map<Long, CustomerFacts> facts = new HashMap<>();
        Map<String, List<CustomerFacts>> byManager = new LinkedHashMap<>();
        customerManagerIds.forEach(cm -> byManager.put(cm, new ArrayList<>()));
        jdbc.query(CUSTOMERS, p, rs -> {
            Date opened = rs.getDate("opened_on");
            CustomerFacts f = new CustomerFacts(rs.getLong("id"), rs.getString("licence_no"), rs.getString("name"),
                    opened == null ? null : opened.toLocalDate(), rs.getString("personalised_service"));
            f.warning = (Boolean) rs.getObject("warning");
            f.capabilityLevel = rs.getString("capability_level");
            f.capabilityScore = rs.getBigDecimal("capability_score");
            f.volume = (Integer) rs.getObject("volume", Integer.class);
            f.momIndex = rs.getBigDecimal("mom_index");
            f.peerMomIndex = rs.getBigDecimal("peer_mom_index");
            f.stock = (Integer) rs.getObject("stock", Integer.class);
            f.weeksOfStock = rs.getBigDecimal("weeks_of_stock");
            facts.put(f.customerId, f);
            byManager.get(rs.getString("customer_manager_id")).add(f);
        });
        jdbc.query(OPEN_NEEDS, p, rs -> {
            facts.get(rs.getLong("customer_id")).openNeedsByType.put(rs.getString("need_type"), rs.getInt("needs"));
        });
        jdbc.query(ORDER_WEEKS, p, rs -> {
            facts.get(rs.getLong("customer_id")).weeksOrdered = rs.getInt("weeks");
        });
        jdbc.query(TARGET_SPECS, p, rs -> {
            facts.get(rs.getLong("customer_id")).targetSpecs.add(new CustomerFacts.SpecFact(rs.getString("spec_code"),
                    rs.getString("name"), rs.getBigDecimal("ordered"), null));
        });
        jdbc.query(KEY_SPEC_COUNTS, p, rs -> {
            facts.get(rs.getLong("customer_id")).keySpecCounts.add(new CustomerFacts.SpecFact(rs.getString("spec_code"),
                    rs.getString("name"), rs.getBigDecimal("inventory"), rs.getDate("observed_on").toLocalDate()));
        });
        jdbc.query(PRICES, p, rs -> {
            CustomerFacts f = facts.get(rs.getLong("customer_id"));
            f.observedPrices.add(new CustomerFacts.SpecFact(rs.getString("spec_code"), rs.getString("name"),
                    rs.getBigDecimal("retail_price"), rs.getDate("observed_on").toLocalDate()));
            f.guidePrices.put(rs.getString("spec_code"), rs.getBigDecimal("guide_price"));
        });
        return byManager;
    }

    private static MapSqlParameterSource parameters(Collection<String> customerManagerIds, StrategyMonth month) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("cms", customerManagerIds)
                .addValue("plan", month.plan().toString())
                .addValue("analysed", month.analysed().toString())
                .addValue("planFirst", Date.valueOf(month.plan().atDay(1)))
                .addValue("planLast", Date.valueOf(month.plan().atEndOfMonth()))
                .addValue("analysedFirst", Date.valueOf(month.analysed().atDay(1)))
                .addValue("lastDay", Date.valueOf(month.lastDay()))
                .addValue("threeMonthsFirst", Date.valueOf(month.threeMonthsFirst()))
                .addValue("m0", Date.valueOf(month.analysed().atDay(1)))
                .addValue("m1", Date.valueOf(month.analysed().minusMonths(1).atDay(1)))
                .addValue("m2", Date.valueOf(month.threeMonthsFirst()));
        for (int k = 0; k < StrategyMonth.WEEKS; k++) {
            p.addValue("w" + k, Date.valueOf(month.weekStart(k)));
        }
        return p;
    }
}
