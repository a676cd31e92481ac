package cn.cm135.customer.analysis;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The set-based SQL of step 5 (indicators.md, "Customer: business effect", "business capability
 * score", "Customer grade"). One INSERT … SELECT computes every customer of the marketing centre for
 * month m from the roll-ups ({@link SalesRollup}), one or a few rows per customer: totals of 6 months with the
 * key-brand volume and retail profit of m, the quarter's specs and order weeks, and m's stock snapshot.
 * Percentile ranks, peer means and deciles are window functions over that one population, so they are
 * computed once for the whole centre. The statement runs unchanged on H2 2.x and PostgreSQL 15.
 *
 * <p>Conventions decided here (ours, where indicators.md leaves them open):
 * <ul>
 * <li>Customers considered: status ACTIVE and opened on or before the month's last day. SUSPENDED
 *     (暂停营业) and CLOSED customers are left out: they do not order, and counting them would push
 *     every ordering customer up the percentiles and deciles. They keep their last grade.</li>
 * <li>Peer mean growth index: the mean over the peer group <em>including</em> the customer itself
 *     (a customer alone in its group is compared with itself and never warned). No warning when the
 *     customer's own index or the peer mean is undefined or 0.</li>
 * <li>Key-brand share: 0 when V = 0, like 单条值.</li>
 * <li>3-month 单条值 = 3-month amount ÷ 3-month volume (0 when nothing was sold).</li>
 * <li>Weeks of stock = Σ latest count of the counted specs ÷ average weekly sales of those same
 *     specs, where average weekly sales = their 3-month volume (m−2 … m) ÷ 13 (the 13 weeks of a
 *     quarter). Only specs with a count ≤ the month's last day take part, so a partial count is not
 *     set against the sales of uncounted specs. Counted stock of specs that did not sell in 3 months
 *     has no weeks of stock and scores 0 (stock that does not move); counted stock 0 of specs that
 *     did not sell scores like never counted.</li>
 * <li>New customer: opened after (last day of m − {@code new-customer-months} months).</li>
 * <li>Terciles of 单条值 are company-wide like the deciles (a tercile means the same 单条值 range
 *     for every customer), ordered by the 3-month 单条值 then licence number.</li>
 * <li>Item scores are rounded to 4 decimals for storage, points and the total to 2; the points and
 *     the total are computed from the unrounded scores, and the level is read from the stored
 *     (rounded) total so that the printed score and the printed level never disagree.</li>
 * </ul>
 *
 * <p>Thresholds are compared on exact values (issue 16), each rule saying how beside it: a ratio of integers
 * against a configured decimal is cross-multiplied (integers × the decimal, no division); a ratio of computed
 * ratios (the peer mean) is computed at {@link #FINE} and compared at the fixed scale {@link #TIE} on both sides;
 * the capability score is rounded to its stored 2 decimals from a value fixed at 20 decimals, then compared.
 * Ratios are divided at {@code FINE} (30 decimals), far below the stored 4, so that rounding them is exact too.
 */
final class CustomerAnalysisSql {

    private CustomerAnalysisSql() {
    }

    /** The type ratios are divided in: 30 decimals, so that their error (< 10^-29) can't reach the comparisons. */
    static final String FINE = "decimal(40, 30)";

    /**
     * Two sides that differ by less than this are a tie (10^-20): far above the division error of {@link #FINE},
     * far below any difference the data can make at the stored 4 decimals.
     */
    static final String TIE = "0.00000000000000000001";

    /** Weeks of the "last 13 weeks" window and of a 3-month quarter (average weekly sales). */
    static final int WEEKS = OrderWeeks.WEEKS;

    /** Unlocked rows of the month go; locked rows stay as they were computed. */
    static final String DELETE_UNLOCKED = "delete from customer_month_result where period = :period and not locked";

    static final String INSERT_RESULTS = """
            insert into customer_month_result (period, customer_id, customer_manager_id, business_format, market_type,
                   volume, amount, unit_value, prev_volume, mom_index, last_year_volume, yoy_index, order_days,
                   specs_ordered, key_volume, key_share, retail_profit, peer_mom_index, warning,
                   volume_3m, avg_monthly_volume, volume_score, volume_points,
                   amount_3m, unit_value_3m, unit_value_score, unit_value_points,
                   order_weeks, regularity_score, regularity_points, specs_3m, breadth_score, breadth_points,
                   last_year_volume_3m, growth_index_3m, growth_score, growth_points,
                   stock, weeks_of_stock, stock_score, stock_points, capability_score, capability_level,
                   volume_decile, unit_value_tercile, new_customer, grade, locked, analysed_at)
            -- Every setting typed once: H2 guesses the type of a bare parameter from its context, wrongly in
            -- arithmetic (e.g. (x - ?) / ?), so the statement reads them from here.
            with settings as (
                select cast(:weeks as decimal(30, 12)) as weeks,
                       cast(:breadthTarget as decimal(30, 12)) as breadth_target,
                       cast(:growthNoHistory as decimal(30, 12)) as growth_no_history,
                       cast(:growthFloor as decimal(30, 12)) as growth_floor,
                       cast(:growthSpan as decimal(30, 12)) as growth_span,
                       cast(:neverCounted as decimal(30, 12)) as never_counted,
                       cast(:healthyMin as decimal(30, 12)) as healthy_min,
                       cast(:healthyMax as decimal(30, 12)) as healthy_max,
                       cast(:acceptableMin as decimal(30, 12)) as acceptable_min,
                       cast(:acceptableMax as decimal(30, 12)) as acceptable_max,
                       cast(:acceptableScore as decimal(30, 12)) as acceptable_score,
                       cast(:wVolume as decimal(30, 12)) as w_volume,
                       cast(:wUnitValue as decimal(30, 12)) as w_unit_value,
                       cast(:wRegularity as decimal(30, 12)) as w_regularity,
                       cast(:wBreadth as decimal(30, 12)) as w_breadth,
                       cast(:wGrowth as decimal(30, 12)) as w_growth,
                       cast(:wStock as decimal(30, 12)) as w_stock,
                       cast(:levelExcellent as decimal(30, 12)) as level_excellent,
                       cast(:levelGood as decimal(30, 12)) as level_good,
                       cast(:levelFair as decimal(30, 12)) as level_fair,
                       cast(:warningRatio as decimal(30, 12)) as warning_ratio,
                       cast(:newMaxGrade as integer) as new_max_grade,
                       cast(%1$s as %2$s) as tie
            ),
            population as (
                select c.id as customer_id, c.licence_no, c.business_format, c.market_type, a.customer_manager_id,
                       case when c.opened_on > :newSince then true else false end as new_customer
                  from retail_customer c
                  join route r on r.code = c.route_code
                  join area a on a.code = r.area_code
                 where c.status = 'ACTIVE' and (c.opened_on is null or c.opened_on <= :lastDay)
            ),
            -- Customer totals of the 6 months the indicators use: m-2..m and m-14..m-12, listed: H2 looks this up per
            -- customer (customer_id = ? pushed into the group), and the list keeps each look-up on the key (month,
            -- customer) where two month ranges scanned the months' rows of every customer.
            sales as (
                select cs.customer_id,
                       sum(case when cs.month_start = :m0 then cs.quantity else 0 end) as volume,
                       sum(case when cs.month_start = :m0 then cs.amount else 0 end) as amount,
                       sum(case when cs.month_start = :m0 then cs.specs else 0 end) as specs_ordered,
                       sum(case when cs.month_start = :m1 then cs.quantity else 0 end) as prev_volume,
                       sum(case when cs.month_start = :m12 then cs.quantity else 0 end) as last_year_volume,
                       sum(case when cs.month_start >= :m2 then cs.quantity else 0 end) as volume_3m,
                       sum(case when cs.month_start >= :m2 then cs.amount else 0 end) as amount_3m,
                       sum(case when cs.month_start <= :m12 then cs.quantity else 0 end) as last_year_volume_3m
                  from customer_sales_month cs
                 where cs.month_start in (:m0, :m1, :m2, :m12, :m13, :m14)
                 group by cs.customer_id
            ),
            -- Key-brand volume and retail profit of m, specs of the quarter m-2..m, order days of m and order weeks
            -- of the 91 days: rolled up per customer when the order lines were written (SalesRollup).
            specs as (
                select cs.customer_id, cs.key_volume, cs.retail_profit
                  from customer_sales_month cs
                 where cs.month_start = :m0
            ),
            orders as (
                select cq.customer_id, cq.specs_3m, cq.order_days, cq.order_weeks
                  from customer_quarter cq
                 where cq.month_start = :m0
            ),
            -- Latest count per spec (greatest date <= last day) against the same specs' sales of the quarter:
            -- the month's stock snapshot, summed per customer.
            stock as (
                select s.customer_id, s.stock, s.volume_3m
                  from customer_stock_month s
                 where s.month_start = :m0
            ),
            -- Rows that survived DELETE_UNLOCKED are locked: neither that customer nor any customer of a
            -- customer manager whose month is locked gets a new row. Read once, then looked up in a hash:
            -- a correlated look-up per customer visited every deleted row of the manager's month again.
            locked as (
                select l.customer_id, l.customer_manager_id from customer_month_result l where l.period = :period
            ),
            base as (
                select p.customer_id, p.licence_no, p.business_format, p.market_type, p.customer_manager_id,
                       p.new_customer,
                       coalesce(s.volume, 0) as volume, coalesce(s.amount, 0) as amount,
                       coalesce(s.specs_ordered, 0) as specs_ordered, coalesce(sp.key_volume, 0) as key_volume,
                       coalesce(sp.retail_profit, 0) as retail_profit,
                       coalesce(s.prev_volume, 0) as prev_volume, coalesce(s.last_year_volume, 0) as last_year_volume,
                       coalesce(s.volume_3m, 0) as volume_3m, coalesce(s.amount_3m, 0) as amount_3m,
                       coalesce(o.specs_3m, 0) as specs_3m, coalesce(s.last_year_volume_3m, 0) as last_year_volume_3m,
                       coalesce(o.order_days, 0) as order_days, coalesce(o.order_weeks, 0) as order_weeks,
                       case when s.volume > 0 then cast(s.amount as %2$s) / s.volume else 0 end as unit_value,
                       case when s.volume > 0
                            then cast(sp.key_volume as %2$s) / s.volume else 0 end as key_share,
                       case when s.prev_volume > 0
                            then cast(s.volume as %2$s) / s.prev_volume end as mom_index,
                       case when s.last_year_volume > 0
                            then cast(s.volume as %2$s) / s.last_year_volume end as yoy_index,
                       case when s.volume_3m > 0
                            then cast(s.amount_3m as %2$s) / s.volume_3m else 0 end as unit_value_3m,
                       case when s.last_year_volume_3m > 0
                            then cast(s.volume_3m as %2$s) / s.last_year_volume_3m end as growth_index_3m,
                       st.stock, st.volume_3m as stock_volume_3m,
                       case when st.volume_3m > 0
                            then cast(st.stock as %2$s) * k.weeks / st.volume_3m end as weeks_of_stock
                  from population p
                  left join sales s on s.customer_id = p.customer_id
                  left join specs sp on sp.customer_id = p.customer_id
                  left join orders o on o.customer_id = p.customer_id
                  left join stock st on st.customer_id = p.customer_id
                  cross join settings k
            ),
            -- Peers = same business_format and market_type; a customer alone in its group ranks 0.5.
            -- PERCENT_RANK() = (rank - 1) / (n - 1), written out: the function returns a double, whose error
            -- would reach the rounding of the score and so the level (e.g. 1/3 read as 0.33333333333333331).
            ranked as (
                select b.*,
                       case when count(*) over (partition by b.business_format, b.market_type) = 1 then 0.5
                            else cast(rank() over (partition by b.business_format, b.market_type
                                                   order by b.volume_3m) - 1 as %2$s)
                                 / (count(*) over (partition by b.business_format, b.market_type) - 1)
                       end as volume_rank,
                       case when count(*) over (partition by b.business_format, b.market_type) = 1 then 0.5
                            else cast(rank() over (partition by b.business_format, b.market_type
                                                   order by b.unit_value_3m) - 1 as %2$s)
                                 / (count(*) over (partition by b.business_format, b.market_type) - 1)
                       end as unit_value_rank,
                       avg(b.mom_index) over (partition by b.business_format, b.market_type) as peer_mom_index,
                       ntile(10) over (order by b.volume_3m, b.licence_no) as volume_decile,
                       ntile(3) over (order by b.unit_value_3m, b.licence_no) as unit_value_tercile
                  from base b
            ),
            scored as (
                select r.*,
                       cast(r.volume_rank as %2$s) as volume_score,
                       cast(r.unit_value_rank as %2$s) as unit_value_score,
                       cast(r.order_weeks as %2$s) / k.weeks as regularity_score,
                       -- Integers against the target: exact.
                       case when r.specs_3m >= k.breadth_target then cast(1 as %2$s)
                            else cast(r.specs_3m as %2$s) / k.breadth_target end as breadth_score,
                       -- Growth index V3 / LY3 against floor and floor + span cross-multiplied (LY3 > 0):
                       -- V3 <= floor × LY3, V3 >= (floor + span) × LY3; between them one division.
                       case when r.growth_index_3m is null then cast(k.growth_no_history as %2$s)
                            when r.volume_3m <= k.growth_floor * r.last_year_volume_3m then cast(0 as %2$s)
                            when r.volume_3m >= (k.growth_floor + k.growth_span) * r.last_year_volume_3m
                                 then cast(1 as %2$s)
                            else cast(r.volume_3m - k.growth_floor * r.last_year_volume_3m as %2$s)
                                 / (k.growth_span * r.last_year_volume_3m) end as growth_score,
                       -- Weeks of stock = stock × 13 / V3 of the counted specs against the bands, cross-multiplied
                       -- (V3 > 0): weeks >= x  ⇔  stock × 13 >= x × V3; both ends of a band belong to it.
                       case when r.weeks_of_stock is null and coalesce(r.stock, 0) = 0
                                 then cast(k.never_counted as %2$s)
                            when r.weeks_of_stock is null then cast(0 as %2$s)
                            when r.stock * k.weeks >= k.healthy_min * r.stock_volume_3m
                                 and r.stock * k.weeks <= k.healthy_max * r.stock_volume_3m
                                 then cast(1 as %2$s)
                            when r.stock * k.weeks >= k.acceptable_min * r.stock_volume_3m
                                 and r.stock * k.weeks <= k.acceptable_max * r.stock_volume_3m
                                 then cast(k.acceptable_score as %2$s)
                            else cast(0 as %2$s) end as stock_score
                  from ranked r
                  cross join settings k
            ),
            -- The total is fixed at 20 decimals before it is rounded to the stored 2: a total that is exactly
            -- x.xx5 (e.g. 62.905) but computed 62.904999…9 still rounds up, as the exact value does.
            totalled as (
                select t.*,
                       round(round(k.w_volume * t.volume_score + k.w_unit_value * t.unit_value_score
                             + k.w_regularity * t.regularity_score + k.w_breadth * t.breadth_score
                             + k.w_growth * t.growth_score + k.w_stock * t.stock_score, 20), 2) as capability_score,
                       (t.volume_decile - 1) * 3 + t.unit_value_tercile as raw_grade
                  from scored t
                  cross join settings k
            )
            select cast(:period as varchar(7)), t.customer_id, t.customer_manager_id, t.business_format, t.market_type,
                   t.volume, round(t.amount, 2), round(t.unit_value, 2), t.prev_volume, round(t.mom_index, 4),
                   t.last_year_volume, round(t.yoy_index, 4), t.order_days, t.specs_ordered, t.key_volume,
                   round(t.key_share, 4), round(t.retail_profit, 2), round(t.peer_mom_index, 4),
                   -- Warning: own index < warning-ratio × peer mean, at a fixed scale on both sides: the peer mean
                   -- is a mean of ratios (no integer form), computed at FINE; sides closer than TIE are a tie, not
                   -- warned (own 3/9 against 0.8 × 5/12 is exactly equal).
                   case when t.mom_index is not null and t.peer_mom_index > 0
                             and t.mom_index < k.warning_ratio * t.peer_mom_index - k.tie then true else false end,
                   t.volume_3m, round(cast(t.volume_3m as %2$s) / 3, 2),
                   round(t.volume_score, 4), round(k.w_volume * t.volume_score, 2),
                   round(t.amount_3m, 2), round(t.unit_value_3m, 2),
                   round(t.unit_value_score, 4), round(k.w_unit_value * t.unit_value_score, 2),
                   t.order_weeks, round(t.regularity_score, 4), round(k.w_regularity * t.regularity_score, 2),
                   t.specs_3m, round(t.breadth_score, 4), round(k.w_breadth * t.breadth_score, 2),
                   t.last_year_volume_3m, round(t.growth_index_3m, 4),
                   round(t.growth_score, 4), round(k.w_growth * t.growth_score, 2),
                   t.stock, round(t.weeks_of_stock, 4), round(t.stock_score, 4), round(k.w_stock * t.stock_score, 2),
                   t.capability_score,
                   -- Levels on the stored (exactly rounded) score against the configured points: exact, >= is in.
                   case when t.capability_score >= k.level_excellent then '优'
                        when t.capability_score >= k.level_good then '良'
                        when t.capability_score >= k.level_fair then '中'
                        else '差' end,
                   t.volume_decile, t.unit_value_tercile, t.new_customer,
                   case when t.new_customer and t.raw_grade > k.new_max_grade then k.new_max_grade else t.raw_grade end,
                   false, cast(:analysedAt as timestamp)
              from totalled t
              cross join settings k
             where t.customer_id not in (select l.customer_id from locked l)
               and t.customer_manager_id not in (select l.customer_manager_id from locked l)
            """.formatted(TIE, FINE);

    /**
     * The grade of the month becomes the customer's current grade, unless a later month has already
     * been analysed (re-running an old month must not set an old grade). Customers whose grade stays
     * are not rewritten. The customers to update are found in one join of the month's rows with the customers (a
     * look-up of the month's row per customer visited all of them twice: 66 → 28 ms on the city when no grade changes).
     */
    static final String UPDATE_GRADES = """
            update retail_customer
               set grade = (select r.grade from customer_month_result r
                             where r.period = :period and r.customer_id = retail_customer.id)
             where id in (select r.customer_id
                            from customer_month_result r
                            join retail_customer c on c.id = r.customer_id
                           where r.period = :period and not r.locked and r.grade is distinct from c.grade
                             and not exists (select 1 from customer_month_result later
                                              where later.customer_id = r.customer_id and later.period > r.period))
            """;

    static MapSqlParameterSource parameters(YearMonth month, IndicatorProperties p, LocalDateTime analysedAt) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("period", month.toString())
                .addValue("lastDay", Date.valueOf(last))
                .addValue("newSince", Date.valueOf(last.minusMonths(p.newCustomerMonths())))
                .addValue("m0", Date.valueOf(first))
                .addValue("m1", Date.valueOf(first.minusMonths(1)))
                .addValue("m2", Date.valueOf(first.minusMonths(2)))
                .addValue("m12", Date.valueOf(first.minusMonths(12)))
                .addValue("m13", Date.valueOf(first.minusMonths(13)))
                .addValue("m14", Date.valueOf(first.minusMonths(14)))
                .addValue("weeks", WEEKS)
                .addValue("breadthTarget", p.breadthTarget())
                .addValue("growthNoHistory", p.growth().noHistoryScore())
                .addValue("growthFloor", p.growth().floor())
                .addValue("growthSpan", p.growth().span())
                .addValue("neverCounted", p.stock().neverCountedScore())
                .addValue("healthyMin", p.stock().healthyMinWeeks())
                .addValue("healthyMax", p.stock().healthyMaxWeeks())
                .addValue("acceptableMin", p.stock().acceptableMinWeeks())
                .addValue("acceptableMax", p.stock().acceptableMaxWeeks())
                .addValue("acceptableScore", p.stock().acceptableScore())
                .addValue("wVolume", p.weights().volume())
                .addValue("wUnitValue", p.weights().unitValue())
                .addValue("wRegularity", p.weights().regularity())
                .addValue("wBreadth", p.weights().breadth())
                .addValue("wGrowth", p.weights().growth())
                .addValue("wStock", p.weights().stock())
                .addValue("levelExcellent", p.levels().excellent())
                .addValue("levelGood", p.levels().good())
                .addValue("levelFair", p.levels().fair())
                .addValue("warningRatio", p.warningRatio())
                .addValue("newMaxGrade", p.newCustomerMaxGrade())
                .addValue("analysedAt", Timestamp.valueOf(analysedAt));
        return params;
    }
}
