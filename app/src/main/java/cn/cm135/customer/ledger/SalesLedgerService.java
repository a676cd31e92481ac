package cn.cm135.customer.ledger;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.jdbc.SnakeCaseRowMapper;

/**
 * 动销台账 (indicators.md, "Sales ledger"): per customer, spec and month, the identity of stock
 * opening + purchases − closing = actual sales, and the retailer's profit on it. Read-only, computed
 * by one SQL for one customer and month (all specs); nothing is stored.
 *
 * <p>Conventions decided here (ours):
 * <ul>
 * <li>Purchases are read from the customer's order lines of m (index on customer and date), not from
 *     the roll-up, so the ledger of the running month is always current.</li>
 * <li>Specs shown: bought in m, or counted in m, or with an opening count above 0. A spec whose last
 *     count was 0 and that was neither bought nor counted in m is left out.</li>
 * <li>A count is an observation with an inventory; an observation with only a price is not a count.</li>
 * <li>Retail price = the customer's latest observation with a price at or before the last day of m
 *     (indicators.md "latest count"), else the guide price; profit = actual sales × (price − wholesale).
 *     Actual sales may be negative when the counts contradict the purchases: shown as computed.</li>
 * </ul>
 */
@Service
public class SalesLedgerService {

    private static final String LEDGER = """
            with purchases as (
                select o.spec_code, sum(o.quantity) as quantity, sum(o.amount) as amount
                  from order_line o
                 where o.customer_id = :customer and o.order_date >= :first and o.order_date <= :lastDay
                 group by o.spec_code
            ),
            counts as (
                select o.spec_code, o.observed_on, o.inventory,
                       case when o.observed_on >= :first then 1 else 0 end as in_month,
                       row_number() over (partition by o.spec_code,
                                          case when o.observed_on >= :first then 1 else 0 end
                                          order by o.observed_on desc, o.id desc) as rn
                  from field_observation o
                 where o.customer_id = :customer and o.observed_on <= :lastDay and o.inventory is not null
            ),
            opening as (select spec_code, observed_on, inventory from counts where in_month = 0 and rn = 1),
            closing as (select spec_code, observed_on, inventory from counts where in_month = 1 and rn = 1),
            prices as (
                select x.spec_code, x.retail_price
                  from (select o.spec_code, o.retail_price,
                               row_number() over (partition by o.spec_code order by o.observed_on desc, o.id desc) as rn
                          from field_observation o
                         where o.customer_id = :customer and o.observed_on <= :lastDay
                           and o.retail_price is not null) x
                 where x.rn = 1
            ),
            specs as (
                select spec_code from purchases
                union select spec_code from closing
                union select spec_code from opening where inventory > 0
            ),
            lines as (
                select s.code as spec_code, s.name as spec_name, op.inventory as opening_stock,
                       op.observed_on as opening_counted_on, coalesce(p.quantity, 0) as purchases,
                       coalesce(p.amount, 0) as purchase_amount, cl.inventory as closing_stock,
                       cl.observed_on as closing_counted_on,
                       case when op.inventory is not null and cl.inventory is not null
                            then op.inventory + coalesce(p.quantity, 0) - cl.inventory end as actual_sales,
                       coalesce(pr.retail_price, s.retail_price) as retail_price,
                       case when pr.retail_price is not null then true else false end as price_observed,
                       s.wholesale_price
                  from specs k
                  join cigarette_spec s on s.code = k.spec_code
                  left join purchases p on p.spec_code = k.spec_code
                  left join opening op on op.spec_code = k.spec_code
                  left join closing cl on cl.spec_code = k.spec_code
                  left join prices pr on pr.spec_code = k.spec_code
            )
            select l.spec_code, l.spec_name, l.opening_stock, l.opening_counted_on, l.purchases,
                   round(l.purchase_amount, 2) as purchase_amount, l.closing_stock, l.closing_counted_on,
                   l.actual_sales, l.retail_price, l.price_observed, l.wholesale_price,
                   l.retail_price - l.wholesale_price as unit_margin,
                   round(l.actual_sales * (l.retail_price - l.wholesale_price), 2) as profit
              from lines l
             order by l.spec_code
            """;

    private final NamedParameterJdbcTemplate jdbc;

    SalesLedgerService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's 动销台账 of month {@code month}, one row per spec, by spec code. */
    @Transactional(readOnly = true)
    public List<SalesLedgerRow> ledger(long customerId, YearMonth month) {
        MapSqlParameterSource params = new MapSqlParameterSource("customer", customerId)
                .addValue("first", Date.valueOf(month.atDay(1)))
                .addValue("lastDay", Date.valueOf(month.atEndOfMonth()));
        return jdbc.query(LEDGER, params, new SnakeCaseRowMapper<>(SalesLedgerRow.class));
    }
}
