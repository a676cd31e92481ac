package cn.cm135.planning.strategy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final String REFRESH = """
            update service_strategy set key_point = :keyPoint, content = :content, reason = :reason, updated_at = :now
             where id = :id
            """;

    private static final String DELETE = "delete from service_strategy where id = :id";

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

    /** What comparing a regenerated plan needs of a row it holds. */
    record Stored(long id, Strategy.Key key, Strategy.Source source, Strategy.Status status) {

        /** Rows the table wrote and nobody has touched: regenerating may refresh or remove them. */
        boolean openSystemRow() {
            return source == Strategy.Source.SYSTEM && status == Strategy.Status.OPEN;
        }
    }

    /** The rows of several customer managers' plans of one month, by customer manager. */
    Map<String, List<Stored>> storedIn(Collection<String> customerManagerIds, String period) {
        Map<String, List<Stored>> byManager = new HashMap<>();
        jdbc.query("""
                select id, customer_manager_id, customer_id, strategy_type, spec_key, source, status
                  from service_strategy where period = :period and customer_manager_id in (:cms)
                """, new MapSqlParameterSource("period", period).addValue("cms", customerManagerIds), rs -> {
            byManager.computeIfAbsent(rs.getString("customer_manager_id"), cm -> new ArrayList<>()).add(new Stored(
                    rs.getLong("id"), new Strategy.Key(rs.getLong("customer_id"), rs.getString("strategy_type"),
                            rs.getString("spec_key")),
                    Strategy.Source.valueOf(rs.getString("source")), Strategy.Status.valueOf(rs.getString("status"))));
        });
        return byManager;
    }

    /** Rows to insert, refresh and delete, gathered over several plans and written in one batch each. */
    static final class Changes {

        private final List<MapSqlParameterSource> inserts = new ArrayList<>();
        private final List<MapSqlParameterSource> refreshes = new ArrayList<>();
        private final List<MapSqlParameterSource> deletes = new ArrayList<>();

        void insert(String customerManagerId, NewStrategy s) {
            inserts.add(new MapSqlParameterSource().addValue("customerId", s.customerId()).addValue("cm", customerManagerId)
                    .addValue("type", s.strategyType()).addValue("keyPoint", s.keyPoint())
                    .addValue("specCode", s.specCode()).addValue("specKey", s.specCode() == null ? "" : s.specCode())
                    .addValue("content", s.content()).addValue("reason", s.reason()).addValue("source", s.source().name()));
        }

        void refresh(long id, NewStrategy s) {
            refreshes.add(new MapSqlParameterSource("id", id).addValue("keyPoint", s.keyPoint())
                    .addValue("content", s.content()).addValue("reason", s.reason()));
        }

        void delete(List<Long> ids) {
            ids.forEach(id -> deletes.add(new MapSqlParameterSource("id", id)));
        }
    }

    void write(String period, Changes changes, LocalDateTime now) {
        Timestamp at = Timestamp.valueOf(now);
        changes.inserts.forEach(p -> p.addValue("period", period).addValue("now", at));
        changes.refreshes.forEach(p -> p.addValue("now", at));
        jdbc.batchUpdate(INSERT, changes.inserts.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(REFRESH, changes.refreshes.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(DELETE, changes.deletes.toArray(SqlParameterSource[]::new));
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
        Changes changes = new Changes();
        changes.insert(customerManagerId, s);
        write(period, changes, now);
        return find(s.customerId(), period, s.strategyType(), s.specCode()).orElseThrow().id();
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
