package cn.cm135.planning.strategy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/** The {@code service_strategy} rows: read with names joined in, written in JDBC batches. */
@Component
class StrategyRows {

    private static final String SELECT = """
            select t.id, t.customer_id, c.licence_no, c.name as customer_name, t.period, t.customer_manager_id,
                   t.strategy_type, t.key_point, t.spec_code, s.name as spec_name, t.content, t.reason, t.source,
                   t.status, t.drop_reason, t.done_on
              from service_strategy t
              join retail_customer c on c.id = t.customer_id
              left join cigarette_spec s on s.code = t.spec_code
            """;

    /** Key points in the method's order (客户, 品牌, 市场), then the type and spec. */
    private static final String ORDER = """
             order by c.licence_no, case t.key_point when '客户' then 1 when '品牌' then 2 else 3 end,
                      t.strategy_type, t.spec_key
            """;

    private static final String INSERT = """
            insert into service_strategy (customer_id, period, customer_manager_id, strategy_type, key_point, spec_code,
                   spec_key, content, reason, source, status, created_at, updated_at)
            values (:customerId, :period, :cm, :type, :keyPoint, :specCode, :specKey, :content, :reason, :source, 'OPEN',
                    :now, :now)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    StrategyRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A strategy to write: what the table (or the customer manager) said about one customer. */
    record NewStrategy(long customerId, String strategyType, String keyPoint, String specCode, String content,
            String reason, Strategy.Source source) {

        Strategy.Key key() {
            return new Strategy.Key(customerId, strategyType, specCode == null ? "" : specCode);
        }
    }

    List<Strategy> forPlan(String customerManagerId, String period) {
        return jdbc.query(SELECT + " where t.customer_manager_id = :cm and t.period = :period" + ORDER,
                new MapSqlParameterSource("cm", customerManagerId).addValue("period", period), StrategyRows::map);
    }

    Optional<Strategy> find(long id) {
        return jdbc.query(SELECT + " where t.id = :id", new MapSqlParameterSource("id", id), StrategyRows::map)
                .stream().findFirst();
    }

    /** The strategy of a customer in a month with this type and spec, whoever's plan it is in. */
    Optional<Strategy> find(long customerId, String period, String strategyType, String specCode) {
        return jdbc.query(SELECT + " where t.customer_id = :customerId and t.period = :period and t.strategy_type = :type "
                + "and t.spec_key = :specKey", new MapSqlParameterSource("customerId", customerId)
                        .addValue("period", period).addValue("type", strategyType)
                        .addValue("specKey", specCode == null ? "" : specCode), StrategyRows::map)
                .stream().findFirst();
    }

    long insert(String customerManagerId, String period, NewStrategy s, LocalDateTime now) {
        insert(customerManagerId, period, List.of(s), now);
        return find(s.customerId(), period, s.strategyType(), s.specCode()).orElseThrow().id();
    }

    int insert(String customerManagerId, String period, List<NewStrategy> strategies, LocalDateTime now) {
        SqlParameterSource[] batch = strategies.stream().map(s -> new MapSqlParameterSource()
                .addValue("customerId", s.customerId()).addValue("period", period).addValue("cm", customerManagerId)
                .addValue("type", s.strategyType()).addValue("keyPoint", s.keyPoint()).addValue("specCode", s.specCode())
                .addValue("specKey", s.specCode() == null ? "" : s.specCode()).addValue("content", s.content())
                .addValue("reason", s.reason()).addValue("source", s.source().name())
                .addValue("now", Timestamp.valueOf(now))).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(INSERT, batch);
        return batch.length;
    }

    /** A regenerated system strategy keeps its id and status; only what the table says about it is refreshed. */
    int refresh(List<Long> ids, List<NewStrategy> strategies, LocalDateTime now) {
        SqlParameterSource[] batch = new SqlParameterSource[ids.size()];
        for (int i = 0; i < batch.length; i++) {
            NewStrategy s = strategies.get(i);
            batch[i] = new MapSqlParameterSource("id", ids.get(i)).addValue("keyPoint", s.keyPoint())
                    .addValue("content", s.content()).addValue("reason", s.reason()).addValue("now", Timestamp.valueOf(now));
        }
        jdbc.batchUpdate("update service_strategy set key_point = :keyPoint, content = :content, reason = :reason, "
                + "updated_at = :now where id = :id", batch);
        return batch.length;
    }

    int delete(List<Long> ids) {
        SqlParameterSource[] batch = ids.stream().map(id -> new MapSqlParameterSource("id", id))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("delete from service_strategy where id = :id", batch);
        return batch.length;
    }

    void setStatus(long id, Strategy.Status status, String dropReason, java.time.LocalDate doneOn, LocalDateTime now) {
        jdbc.update("update service_strategy set status = :status, drop_reason = :dropReason, done_on = :doneOn, "
                + "updated_at = :now where id = :id", new MapSqlParameterSource("id", id)
                        .addValue("status", status.name()).addValue("dropReason", dropReason)
                        .addValue("doneOn", doneOn == null ? null : Date.valueOf(doneOn))
                        .addValue("now", Timestamp.valueOf(now)));
    }

    private static Strategy map(ResultSet rs, int row) throws SQLException {
        Date done = rs.getDate("done_on");
        return new Strategy(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("licence_no"),
                rs.getString("customer_name"), rs.getString("period"), rs.getString("customer_manager_id"),
                rs.getString("strategy_type"), rs.getString("key_point"), rs.getString("spec_code"),
                rs.getString("spec_name"), rs.getString("content"), rs.getString("reason"),
                Strategy.Source.valueOf(rs.getString("source")), Strategy.Status.valueOf(rs.getString("status")),
                rs.getString("drop_reason"), done == null ? null : done.toLocalDate());
    }
}
