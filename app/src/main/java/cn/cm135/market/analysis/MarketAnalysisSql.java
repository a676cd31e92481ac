package cn.cm135.market.analysis;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The set-based SQL of step 8 市场分析 (indicators.md, "Market analysis"): one INSERT … SELECT computes
 * every area of the marketing centre for month m from the roll-ups ({@code area_format_month} and
 * {@code area_sales_month} of months m−11 … m, {@code customer_sales_month} for the centre, the month's stock and
 * price sums per area) and the anomalies; three more INSERT … SELECTs write the detail rows (price class shares, observed
 * spec prices, anomaly counts) of the areas whose row is not locked. The statements run unchanged on
 * H2 2.x and PostgreSQL 15.
 *
 * <p>Conventions decided here (ours, where indicators.md leaves them open):
 * <ul>
 * <li>A customer belongs to the area of its current route; all of its orders count for the area volume
 *     whatever its status. Active customers (social inventory) = customers with an order line in m.</li>
 * <li>Price index: p̄_s = mean over the area's customers of each customer's latest observation of s
 *     in m that has a retail price; only specs with such an observation take part; w_s = the area's
 *     volume of s in m−11 … m. Null when no spec was observed or Σ g·w = 0.</li>
 * <li>Social inventory is computed per spec, then summed: for each spec s and 业态 f, the mean of the
 *     latest counts of s (greatest date ≤ the last day of m, one count per customer and day; no lower
 *     bound) among the area's customers of f that have such a count, × the number of active customers
 *     of f; summed over f and s. An 业态 without any count of s adds nothing for s. 0 when nothing was
 *     ever counted; then 存销比 and 可销天数 are null (unknown, not "no stock"), as they are when the
 *     month volume is 0.</li>
 * <li>Retail margin rate: p = p̄_s as for the price index, Q = the area's volume of s in m, over the
 *     observed specs; null when Σ p·Q = 0.</li>
 * <li>Seasonal index of the coming month m+1 = V(m−11) ÷ (Σ V(m−11 … m) ÷ 12): "last year" is the
 *     12 months before the coming month, which holds the coming month of last year. Null when those
 *     12 months sold nothing.</li>
 * <li>单条值 index = U(m) ÷ U(m−1) from unrounded values; null when U(m−1) = 0.</li>
 * <li>Market warning on volume: GI_MoM(area) ÷ GI_MoM(centre) &lt; warning-ratio; no warning when
 *     either index is undefined or the centre index is 0. The centre = every customer. Compared exactly,
 *     cross-multiplied: V(area, m) × V(centre, m−1) &lt; warning-ratio × V(centre, m) × V(area, m−1).</li>
 * <li>Spec price deviation flagged when |p̄ ÷ g − 1| &gt; price-deviation, compared exactly, cross-multiplied
 *     with p̄ = Σ prices ÷ n: |Σ prices − g × n| &gt; price-deviation × g × n; a deviation of exactly
 *     price-deviation is not flagged.</li>
 * </ul>
 */
final class MarketAnalysisSql {

    private MarketAnalysisSql() {
    }

    /** Months read: m−11 … m. */
    static final int MONTHS = 12;

    private static final String NOT_LOCKED_AREA = "area_code not in "
            + "(select l.area_code from market_month_result l where l.period = :period and l.locked)";

    /** Detail rows of unlocked areas go first (foreign keys), then the unlocked results. */
    static final String[] DELETE_UNLOCKED = {
        "delete from market_price_class_share where period = :period and " + NOT_LOCKED_AREA,
        "delete from market_spec_price where period = :period and " + NOT_LOCKED_AREA,
        "delete from market_anomaly_count where period = :period and " + NOT_LOCKED_AREA,
        "delete from market_month_result where period = :period and not locked",
    };

    /**
     * Each customer's latest observation with a price of each spec inside m, counted and summed per area and spec when
     * it was recorded; the mean per area and spec.
     */
    private static final String SPEC_PRICES = """
            spec_price as (
                select ap.area_code, ap.spec_code, ap.customers, ap.price_sum,
                       cast(ap.price_sum as decimal(30, 10)) / ap.customers as mean_price
                  from area_price_month ap
                 where ap.month_start = :m0
            )""";

    static final String INSERT_RESULTS = """
            insert into market_month_result (period, area_code, customer_manager_id, active_customers, price_index,
                   social_inventory, volume, amount, stock_sales_ratio, days_of_stock, retail_margin_rate,
                   unit_value, prev_unit_value, unit_value_index, seasonal_index_next, prev_volume, volume_index,
                   centre_volume_index, warning, locked, conclusions, analysed_at)
            with settings as (
                select cast(:warningRatio as decimal(30, 12)) as warning_ratio,
                       cast(:days as decimal(30, 12)) as days,
                       cast(:months as decimal(30, 12)) as months
            ),
            -- Area x 业态 x month over m-11 .. m: the area roll-up.
            area_sales as (
                select area_code,
                       sum(case when month_start = :m0 then quantity else 0 end) as volume,
                       sum(case when month_start = :m0 then amount else 0 end) as amount,
                       sum(case when month_start = :m1 then quantity else 0 end) as prev_volume,
                       sum(case when month_start = :m1 then amount else 0 end) as prev_amount,
                       sum(case when month_start = :m11 then quantity else 0 end) as last_year_next,
                       sum(quantity) as volume_12m
                  from area_format_month
                 where month_start >= :m11 and month_start <= :m0
                 group by area_code
            ),
            -- Area x spec x month over m-11 .. m: the area x spec roll-up.
            spec_sales as (
                select area_code, spec_code, sum(quantity) as q12,
                       sum(case when month_start = :m0 then quantity else 0 end) as qm
                  from area_sales_month
                 where month_start >= :m11 and month_start <= :m0
                 group by area_code, spec_code
            ),
            centre as (
                select v.volume, v.prev_volume,
                       case when v.prev_volume > 0 then cast(v.volume as decimal(30, 10)) / v.prev_volume end
                           as volume_index
                  from (select sum(case when month_start = :m0 then quantity else 0 end) as volume,
                               sum(case when month_start = :m1 then quantity else 0 end) as prev_volume
                          from customer_sales_month
                         where month_start >= :m1 and month_start <= :m0) v
            ),
            %s,
            price_terms as (
                select sp.area_code,
                       sum(sp.mean_price * coalesce(ss.q12, 0)) as pw,
                       sum(s.retail_price * coalesce(ss.q12, 0)) as gw,
                       sum((sp.mean_price - s.wholesale_price) * coalesce(ss.qm, 0)) as margin,
                       sum(sp.mean_price * coalesce(ss.qm, 0)) as revenue
                  from spec_price sp
                  join cigarette_spec s on s.code = sp.spec_code
                  left join spec_sales ss on ss.area_code = sp.area_code and ss.spec_code = sp.spec_code
                 group by sp.area_code
            ),
            active as (
                select am.area_code, am.business_format, am.customers as n
                  from area_format_month am
                 where am.month_start = :m0
            ),
            active_total as (
                select area_code, sum(n) as n from active group by area_code
            ),
            -- The mean latest count (on or before the last day) per area, 业态 and spec, summed over the specs when
            -- the counts were rolled up.
            format_stock as (
                select st.area_code, st.business_format, st.mean_inventory
                  from area_format_stock_month st
                 where st.month_start = :m0
            ),
            social as (
                select fs.area_code, sum(fs.mean_inventory * coalesce(ac.n, 0)) as social_inventory
                  from format_stock fs
                  left join active ac on ac.area_code = fs.area_code and ac.business_format = fs.business_format
                 group by fs.area_code
            ),
            base as (
                select a.code as area_code, a.customer_manager_id, coalesce(act.n, 0) as active_customers,
                       coalesce(s.volume, 0) as volume, coalesce(s.amount, 0) as amount,
                       coalesce(s.prev_volume, 0) as prev_volume,
                       case when s.volume > 0 then cast(s.amount as decimal(30, 10)) / s.volume else 0 end as unit_value,
                       case when s.prev_volume > 0
                            then cast(s.prev_amount as decimal(30, 10)) / s.prev_volume else 0 end as prev_unit_value,
                       case when s.prev_volume > 0
                            then cast(s.volume as decimal(30, 10)) / s.prev_volume end as volume_index,
                       case when s.volume_12m > 0
                            then cast(s.last_year_next as decimal(30, 10)) * k.months / s.volume_12m end as seasonal_index,
                       case when pt.gw > 0 then pt.pw / pt.gw end as price_index,
                       case when pt.revenue > 0 then pt.margin / pt.revenue end as retail_margin_rate,
                       so.social_inventory
                  from area a
                  cross join settings k
                  left join area_sales s on s.area_code = a.code
                  left join price_terms pt on pt.area_code = a.code
                  left join social so on so.area_code = a.code
                  left join active_total act on act.area_code = a.code
            )
            select cast(:period as varchar(7)), b.area_code, b.customer_manager_id, b.active_customers,
                   round(b.price_index, 4), round(coalesce(b.social_inventory, 0), 2), b.volume, round(b.amount, 2),
                   case when b.volume > 0 and b.social_inventory is not null
                        then round(b.social_inventory / b.volume, 4) end,
                   case when b.volume > 0 and b.social_inventory is not null
                        then round(b.social_inventory * k.days / b.volume, 2) end,
                   round(b.retail_margin_rate, 4), round(b.unit_value, 2), round(b.prev_unit_value, 2),
                   case when b.prev_unit_value > 0 then round(b.unit_value / b.prev_unit_value, 4) end,
                   round(b.seasonal_index, 4), b.prev_volume, round(b.volume_index, 4), round(c.volume_index, 4),
                   -- Exact: the two indices cross-multiplied, integers × the configured ratio (no division).
                   case when b.prev_volume > 0 and c.prev_volume > 0 and c.volume > 0
                             and b.volume * c.prev_volume < k.warning_ratio * c.volume * b.prev_volume
                        then true else false end,
                   false, cast(null as varchar(2000)), cast(:analysedAt as timestamp)
              from base b
              cross join centre c
              cross join settings k
             -- Rows that survived DELETE_UNLOCKED are locked and stay as they are.
             where not exists (select 1 from market_month_result l
                                where l.period = :period and l.area_code = b.area_code)
            """.formatted(SPEC_PRICES);

    /** Five rows per unlocked area: price classes 一类 … 五类. */
    static final String INSERT_PRICE_CLASS_SHARES = """
            insert into market_price_class_share (period, area_code, price_class, volume, share)
            with classes as (
                select 1 as price_class union all select 2 union all select 3 union all select 4 union all select 5
            ),
            class_volume as (
                select a.area_code, s.price_class, sum(a.quantity) as q
                  from area_sales_month a
                  join cigarette_spec s on s.code = a.spec_code
                 where a.month_start = :m0
                 group by a.area_code, s.price_class
            )
            select r.period, r.area_code, k.price_class, coalesce(v.q, 0),
                   case when r.volume > 0 then round(cast(coalesce(v.q, 0) as decimal(30, 10)) / r.volume, 4)
                        else 0 end
              from market_month_result r
              cross join classes k
              left join class_volume v on v.area_code = r.area_code and v.price_class = k.price_class
             where r.period = :period and not r.locked
            """;

    static final String INSERT_SPEC_PRICES = """
            insert into market_spec_price (period, area_code, spec_code, customers, mean_price, guide_price,
                   deviation, flagged)
            with %s
            select r.period, sp.area_code, sp.spec_code, sp.customers, round(sp.mean_price, 2), s.retail_price,
                   round(sp.mean_price / s.retail_price - 1, 4),
                   -- Exact: |Σ prices − g × n| > price-deviation × g × n (decimals multiplied, no division).
                   case when abs(sp.price_sum - s.retail_price * sp.customers)
                             > cast(:priceDeviation as decimal(30, 12)) * s.retail_price * sp.customers
                        then true else false end
              from spec_price sp
              join cigarette_spec s on s.code = sp.spec_code
              join market_month_result r on r.period = :period and r.area_code = sp.area_code and not r.locked
            """.formatted(SPEC_PRICES);

    static final String INSERT_ANOMALY_COUNTS = """
            insert into market_anomaly_count (period, area_code, anomaly_type, count)
            select r.period, r.area_code, x.anomaly_type, count(*)
              from market_anomaly x
              join retail_customer c on c.id = x.customer_id
              join route ro on ro.code = c.route_code
              join market_month_result r on r.period = :period and r.area_code = ro.area_code and not r.locked
             where x.observed_on >= :m0 and x.observed_on <= :lastDay
             group by r.period, r.area_code, x.anomaly_type
            """;


    static MapSqlParameterSource parameters(YearMonth month, MarketIndicatorProperties p, LocalDateTime analysedAt) {
        LocalDate first = month.atDay(1);
        return new MapSqlParameterSource()
                .addValue("period", month.toString())
                .addValue("m0", Date.valueOf(first))
                .addValue("m1", Date.valueOf(first.minusMonths(1)))
                .addValue("m11", Date.valueOf(first.minusMonths(MONTHS - 1)))
                .addValue("lastDay", Date.valueOf(month.atEndOfMonth()))
                .addValue("days", month.lengthOfMonth())
                .addValue("months", MONTHS)
                .addValue("warningRatio", p.warningRatio())
                .addValue("priceDeviation", p.priceDeviation())
                .addValue("analysedAt", Timestamp.valueOf(analysedAt));
    }
}
