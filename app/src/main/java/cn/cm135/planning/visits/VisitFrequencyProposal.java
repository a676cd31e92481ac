package cn.cm135.planning.visits;

import java.time.YearMonth;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the proposed visit frequency of every active customer of a customer manager for a month in one
 * INSERT … SELECT (indicators.md, "visit frequency"): the grade band's frequency, plus the raise when the
 * customer has a 经营分析指导 or brand strategy in the month. The grade is the analysed month's (month − 1,
 * {@code customer_month_result}), else the customer's current {@code retail_customer.grade}.
 */
@Component
class VisitFrequencyProposal {

    /**
     * The strategy that raises a customer's frequency in month {@code :period}: '经营分析指导' when the
     * customer has a strategy of that type, else '品牌' when it has one whose key point is 品牌, else null.
     * Dropped strategies don't count. Correlated to {@code c}, the retail customer.
     *
     * <p>The only place this feature reads step 9's table {@code service_strategy}
     * ({@link cn.cm135.planning.strategy}).
     */
    static final String STRATEGY_RAISE = """
            (select case min(case when s.strategy_type = '经营分析指导' then 1 else 2 end)
                        when 1 then '经营分析指导' when 2 then '品牌' end
               from service_strategy s
              where s.customer_id = c.id and s.period = :period and s.status <> 'DROPPED'
                and (s.strategy_type = '经营分析指导' or s.key_point = '品牌'))""";

    private static final String INSERT = """
            insert into visit_plan_customer (customer_manager_id, period, customer_id, grade, grade_source,
                                             strategy_raise, proposed_frequency, rule_reason)
            select :cm, :period, g.customer_id, g.grade, g.grade_source, g.strategy_raise,
                   %1$s + case when g.strategy_raise is null then 0 else %2$d end,
                   case when g.grade is null then '无档位' else '档位 ' || cast(g.grade as varchar(2)) end
                   || case when g.grade_source = 'CUSTOMER' then '（' || :analysed || ' 未分析，按零售户档位）' else '' end
                   || ' → ' || cast(%1$s as varchar(3)) || ' 次'
                   || case when g.strategy_raise is null then ''
                           else '；有' || g.strategy_raise || '策略 +%2$d' end
              from (select c.id as customer_id,
                           coalesce(r.grade, c.grade) as grade,
                           case when r.grade is not null then 'ANALYSIS'
                                when c.grade is not null then 'CUSTOMER' end as grade_source,
                           %3$s as strategy_raise
                      from retail_customer c
                      join route ro on ro.code = c.route_code
                      join area a on a.code = ro.area_code
                      left join customer_month_result r on r.customer_id = c.id and r.period = :analysed
                     where a.customer_manager_id = :cm and c.status = 'ACTIVE') g
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final String insert;

    VisitFrequencyProposal(NamedParameterJdbcTemplate jdbc, VisitProperties properties) {
        this.jdbc = jdbc;
        this.insert = INSERT.formatted(properties.frequencySql("g.grade"), properties.strategyRaise(), STRATEGY_RAISE);
    }

    /** Replaces the proposal rows of the plan; returns how many customers it has. */
    int propose(String customerManagerId, YearMonth month) {
        YearMonth analysed = month.minusMonths(1);
        MapSqlParameterSource p = new MapSqlParameterSource("cm", customerManagerId).addValue("period", month.toString())
                .addValue("analysed", analysed.toString());
        jdbc.update("delete from visit_plan_customer where customer_manager_id = :cm and period = :period", p);
        return jdbc.update(insert, p);
    }
}
