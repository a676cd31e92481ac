package cn.cm135.brand.analysis;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The set-based SQL of step 6 (indicators.md, "Brand status"). One INSERT … SELECT computes every
 * (area, spec) row of month m from the roll-ups ({@code area_sales_month} of m, m−1, m−12;
 * {@code sales_quarter} of m for the repeat buyers), the month's shelf observations and the brand targets
 * of m. Runs unchanged on H2 2.x and PostgreSQL 15. The status comes from the DMN table
 * {@code brand-status}: inside the statement when the table translates to SQL
 * ({@link DecisionTableSql}), otherwise set row by row right afterwards.
 *
 * <p>Conventions decided here (ours, where indicators.md leaves them open):
 * <ul>
 * <li>Rows: every (area, spec) with sales in m, m−1 or m−12, a brand target or target customers of
 *     m, or a shelf observation in m. The area of a customer is the area of its route today.</li>
 * <li>Active customers of the area = customers that ordered anything in m, whatever their status.
 *     铺货率 is null when the area has no active customer.</li>
 * <li>重购率 is null when nobody bought s in m−1. 单品牌动销率 is null when nobody bought s in m−1;
 *     this month's average is 0 when nobody bought s in m. Computed as V(m)·B(m−1) ÷ (B(m)·V(m−1)),
 *     one division.</li>
 * <li>上柜率: each customer's latest observation in m (greatest date, ties: greatest id) among those
 *     that recorded shelf presence (on_shelf not null) counts once; null without such observations.</li>
 * <li>Target attainment is null without a target or with target 0; conversion rate null without
 *     target customers. Target customers belong to the area of their route.</li>
 * <li>Price class YoY index = Σ V over the specs of the same price class in the area, m ÷ m−12.
 *     δ = (YoY index of s − YoY index of the class) × 100 in percentage points, rounded to 2
 *     decimals, null when either base is 0; the DMN table decides on the stored (rounded) δ so that
 *     the printed δ and the printed status never disagree: rounding to the stored precision first, exactly
 *     (δ of exactly 5.00 is 成熟期, the rule is "&gt; 5"). Null δ → 成熟期 (no YoY to compare).</li>
 * <li>Months since launch = whole months from launched_on to the last day of m (as
 *     java.time.Period); null when the launch date is unknown (the spec counts as established).</li>
 * <li>Centre index = MoM index of s over all customers of the marketing centre. Warning when the
 *     area's MoM index ÷ the centre's &lt; warning-ratio, compared unrounded by cross-multiplication;
 *     no warning when either index is undefined or the centre index is 0.</li>
 * </ul>
 */
final class BrandAnalysisSql {

    private BrandAnalysisSql() {
    }

    static final String DELETE_UNLOCKED = "delete from brand_month_result where period = :period and not locked";

    /** Columns of the DMN table's inputs in {@link #insertResults(String)}. */
    static final Map<String, String> STATUS_INPUT_COLUMNS = Map.of(
            "monthsSinceLaunch", "b.months_since_launch", "deltaPp", "b.delta_pp");

    /**
     * The rows of the month, with the status given by {@code statusExpression} (SQL over
     * {@link #STATUS_INPUT_COLUMNS}), or null to be set by {@link #UPDATE_STATUS} afterwards.
     */
    static String insertResults(String statusExpression) {
        return INSERT_RESULTS.formatted(statusExpression == null ? "cast(null as varchar(8))" : statusExpression);
    }

    private static final String INSERT_RESULTS = """
            insert into brand_month_result (period, area_code, spec_code, volume, prev_volume, last_year_volume,
                   mom_index, yoy_index, active_customers, buyers, distribution_rate, prev_buyers, repeat_buyers,
                   repurchase_rate, shelf_customers, on_shelf_customers, shelf_rate, sales_rate, target_volume,
                   target_attainment, target_customers, target_customers_converted, conversion_rate, price_class,
                   price_class_yoy_index, delta_pp, months_since_launch, status, centre_index, warning, locked,
                   analysed_at)
            with settings as (
                select cast(:warningRatio as decimal(30, 12)) as warning_ratio,
                       cast(:endMonths as integer) as end_months,
                       cast(:endDay as integer) as end_day
            ),
            customer_area as (
                select c.id as customer_id, r.area_code
                  from retail_customer c
                  join route r on r.code = c.route_code
            ),
            -- V and buyers of m, m-1, m-12 per area and spec from the area roll-up.
            area_spec as (
                select a.area_code, a.spec_code,
                       sum(case when a.month_start = :m0 then a.quantity else 0 end) as volume,
                       sum(case when a.month_start = :m1 then a.quantity else 0 end) as prev_volume,
                       sum(case when a.month_start = :m12 then a.quantity else 0 end) as last_year_volume,
                       sum(case when a.month_start = :m0 then a.buyers else 0 end) as buyers,
                       sum(case when a.month_start = :m1 then a.buyers else 0 end) as prev_buyers
                  from area_sales_month a
                 where a.month_start in (:m0, :m1, :m12)
                 group by a.area_code, a.spec_code
            ),
            -- Customers who bought s in m and in m-1, rolled up per area when the order lines were written.
            repeated as (
                select r.area_code, r.spec_code, r.repeat_buyers
                  from area_repeat_month r
                 where r.month_start = :m0
            ),
            active as (
                select am.area_code, sum(am.customers) as active_customers
                  from area_format_month am
                 where am.month_start = :m0
                 group by am.area_code
            ),
            -- Each customer's latest shelf observation of m, counted per area and spec when it was recorded.
            shelf as (
                select o.area_code, o.spec_code, o.shelf_customers, o.on_shelf_customers
                  from area_shelf_month o
                 where o.month_start = :m0
            ),
            targets as (
                select area_code, spec_code, target_volume from brand_target where period = :period
            ),
            target_customers as (
                select ca.area_code, t.spec_code, count(*) as target_customers,
                       sum(case when s.quantity > 0 then 1 else 0 end) as converted
                  from brand_target_customer t
                  join customer_area ca on ca.customer_id = t.customer_id
                  left join sales_month s on s.month_start = :m0 and s.customer_id = t.customer_id
                                         and s.spec_code = t.spec_code
                 where t.period = :period
                 group by ca.area_code, t.spec_code
            ),
            keys as (
                select area_code, spec_code from area_spec
                union select area_code, spec_code from targets
                union select area_code, spec_code from target_customers
                union select area_code, spec_code from shelf
            ),
            centre as (
                select spec_code,
                       sum(case when month_start = :m0 then quantity else 0 end) as volume,
                       sum(case when month_start = :m1 then quantity else 0 end) as prev_volume
                  from area_sales_month
                 where month_start in (:m0, :m1)
                 group by spec_code
            ),
            class_volume as (
                select a.area_code, sp.price_class, sum(a.volume) as volume, sum(a.last_year_volume) as last_year_volume
                  from area_spec a
                  join cigarette_spec sp on sp.code = a.spec_code
                 group by a.area_code, sp.price_class
            ),
            base as (
                select k.area_code, k.spec_code, sp.price_class,
                       coalesce(a.volume, 0) as volume, coalesce(a.prev_volume, 0) as prev_volume,
                       coalesce(a.last_year_volume, 0) as last_year_volume,
                       coalesce(a.buyers, 0) as buyers, coalesce(a.prev_buyers, 0) as prev_buyers,
                       coalesce(rp.repeat_buyers, 0) as repeat_buyers,
                       coalesce(ac.active_customers, 0) as active_customers,
                       coalesce(sh.shelf_customers, 0) as shelf_customers,
                       coalesce(sh.on_shelf_customers, 0) as on_shelf_customers,
                       t.target_volume,
                       coalesce(tc.target_customers, 0) as target_customers,
                       coalesce(tc.converted, 0) as converted,
                       coalesce(cv.volume, 0) as class_volume, coalesce(cv.last_year_volume, 0) as class_last_year_volume,
                       coalesce(c.volume, 0) as centre_volume, coalesce(c.prev_volume, 0) as centre_prev_volume,
                       case when sp.launched_on is not null
                            then st.end_months - (cast(extract(year from sp.launched_on) as integer) * 12
                                                  + cast(extract(month from sp.launched_on) as integer))
                                 - case when cast(extract(day from sp.launched_on) as integer) > st.end_day
                                        then 1 else 0 end
                       end as months_since_launch
                  from keys k
                  join cigarette_spec sp on sp.code = k.spec_code
                  left join area_spec a on a.area_code = k.area_code and a.spec_code = k.spec_code
                  left join repeated rp on rp.area_code = k.area_code and rp.spec_code = k.spec_code
                  left join active ac on ac.area_code = k.area_code
                  left join shelf sh on sh.area_code = k.area_code and sh.spec_code = k.spec_code
                  left join targets t on t.area_code = k.area_code and t.spec_code = k.spec_code
                  left join target_customers tc on tc.area_code = k.area_code and tc.spec_code = k.spec_code
                  left join class_volume cv on cv.area_code = k.area_code and cv.price_class = sp.price_class
                  left join centre c on c.spec_code = k.spec_code
                  cross join settings st
                 -- Areas with a surviving (locked) row of the month get nothing new.
                 where not exists (select 1 from brand_month_result l
                                    where l.period = :period and l.area_code = k.area_code)
            ),
            -- δ as stored (rounded), so that the status is decided on the printed value, and rounded exactly: one
            -- division of integers at 30 decimals, whose error (< 10^-30) can't carry a quotient across a
            -- half-cent (x.xx5), since a quotient N / D that isn't on it is at least 1 / (2D) away (D < 10^20).
            measured as (
                select b.*,
                       case when b.last_year_volume > 0 and b.class_last_year_volume > 0
                            then round(cast(100 * (b.volume * b.class_last_year_volume - b.class_volume * b.last_year_volume)
                                            as decimal(50, 30)) / (b.last_year_volume * b.class_last_year_volume), 2)
                       end as delta_pp
                  from base b
            )
            select cast(:period as varchar(7)), b.area_code, b.spec_code, b.volume, b.prev_volume, b.last_year_volume,
                   case when b.prev_volume > 0
                        then round(cast(b.volume as decimal(30, 10)) / b.prev_volume, 4) end,
                   case when b.last_year_volume > 0
                        then round(cast(b.volume as decimal(30, 10)) / b.last_year_volume, 4) end,
                   b.active_customers, b.buyers,
                   case when b.active_customers > 0
                        then round(cast(b.buyers as decimal(30, 10)) / b.active_customers, 4) end,
                   b.prev_buyers, b.repeat_buyers,
                   case when b.prev_buyers > 0
                        then round(cast(b.repeat_buyers as decimal(30, 10)) / b.prev_buyers, 4) end,
                   b.shelf_customers, b.on_shelf_customers,
                   case when b.shelf_customers > 0
                        then round(cast(b.on_shelf_customers as decimal(30, 10)) / b.shelf_customers, 4) end,
                   case when b.prev_buyers > 0 and b.buyers = 0 then round(cast(0 as decimal(30, 10)), 4)
                        when b.prev_buyers > 0
                        then round(cast(b.volume * b.prev_buyers as decimal(30, 10))
                                   / (b.buyers * b.prev_volume), 4) end,
                   b.target_volume,
                   case when b.target_volume > 0
                        then round(cast(b.volume as decimal(30, 10)) / b.target_volume, 4) end,
                   b.target_customers, b.converted,
                   case when b.target_customers > 0
                        then round(cast(b.converted as decimal(30, 10)) / b.target_customers, 4) end,
                   b.price_class,
                   case when b.class_last_year_volume > 0
                        then round(cast(b.class_volume as decimal(30, 10)) / b.class_last_year_volume, 4) end,
                   b.delta_pp,
                   b.months_since_launch,
                   %s,
                   case when b.centre_prev_volume > 0
                        then round(cast(b.centre_volume as decimal(30, 10)) / b.centre_prev_volume, 4) end,
                   -- Exact: the two indices cross-multiplied, integers × the configured ratio (no division).
                   case when b.prev_volume > 0 and b.centre_prev_volume > 0 and b.centre_volume > 0
                             and b.volume * b.centre_prev_volume < st.warning_ratio * b.centre_volume * b.prev_volume
                        then true else false end,
                   false, cast(:analysedAt as timestamp)
              from measured b
              cross join settings st
            """;

    /** The rows just inserted, as inputs of the DMN table. */
    static final String STATUS_INPUTS = """
            select area_code, spec_code, months_since_launch, delta_pp from brand_month_result
             where period = :period and not locked
            """;

    /** Rows of the month whose status the SQL form of the DMN table left undecided (no rule matched). */
    static final String UNDECIDED_INPUTS = """
            select area_code, spec_code, months_since_launch, delta_pp from brand_month_result
             where period = :period and not locked and status is null
            """;

    static final String UPDATE_STATUS = """
            update brand_month_result set status = ?
             where period = ? and area_code = ? and spec_code = ? and not locked
            """;

    static MapSqlParameterSource parameters(YearMonth month, BrandIndicatorProperties p, LocalDateTime analysedAt) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        return new MapSqlParameterSource()
                .addValue("period", month.toString())
                .addValue("lastDay", Date.valueOf(last))
                .addValue("m0", Date.valueOf(first))
                .addValue("m1", Date.valueOf(first.minusMonths(1)))
                .addValue("m12", Date.valueOf(first.minusMonths(12)))
                .addValue("endMonths", last.getYear() * 12 + last.getMonthValue())
                .addValue("endDay", last.getDayOfMonth())
                .addValue("warningRatio", p.warningRatio())
                .addValue("analysedAt", Timestamp.valueOf(analysedAt));
    }
}
