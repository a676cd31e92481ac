package cn.cm135.planning.strategy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The unfinished strategies (OPEN) of a month for many customers at once (steps 12 and 13). */
@Component
public class OpenStrategies {

    private final NamedParameterJdbcTemplate jdbc;

    OpenStrategies(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By customer id, in strategy id order; customers without one are absent. */
    @Transactional(readOnly = true)
    public Map<Long, List<OpenStrategy>> of(String period, Collection<Long> customerIds) {
        Map<Long, List<OpenStrategy>> byCustomer = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.query("""
                select s.id, s.customer_id, s.strategy_type, s.key_point, s.spec_code, p.name as spec_name, s.content
                  from service_strategy s left join cigarette_spec p on p.code = s.spec_code
                 where s.period = :period and s.status = 'OPEN' and s.customer_id in (:customers)
                 order by s.customer_id, s.id
                """, new MapSqlParameterSource("period", period).addValue("customers", customerIds), rs -> {
                    String spec = rs.getString("spec_code");
                    String specName = rs.getString("spec_name");
                    OpenStrategy s = new OpenStrategy(rs.getLong("id"), rs.getLong("customer_id"),
                            rs.getString("strategy_type"), rs.getString("key_point"), spec,
                            spec == null ? "" : (specName == null ? spec : specName + "（" + spec + "）"),
                            rs.getString("content"));
                    byCustomer.computeIfAbsent(s.customerId(), k -> new java.util.ArrayList<>()).add(s);
                });
        return byCustomer;
    }
}
