package cn.cm135.planning.week;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cm135.planning.route.DayRoute;
import cn.cm135.planning.route.DayRouteService;
import cn.cm135.planning.route.GeoPoint;
import cn.cm135.planning.route.RouteStop;

/**
 * The day's route for step 12: reads where the day's customers are and when they are open, asks the optimiser,
 * and keeps its answer with the day's list (day_visit_list.visit_order, day_route) so that step 13 and the
 * printed sheet follow it without solving again.
 */
@Component
class DayRoutes {

    private final NamedParameterJdbcTemplate jdbc;
    private final DayRouteService routes;

    DayRoutes(NamedParameterJdbcTemplate jdbc, DayRouteService routes) {
        this.jdbc = jdbc;
        this.routes = routes;
    }

    /** The proposed route of customers listed in their default order (route, then licence). */
    DayRoute plan(String customerManagerId, List<DueCustomer> customers) {
        return planAll(customerManagerId, Map.of(LocalDate.MIN, customers)).get(LocalDate.MIN);
    }

    /**
     * The proposed routes of several days: their customers' points read in one query, then the days solved in
     * parallel (independent, and a solve is CPU only), so that a week costs about its longest day on two cores, not
     * the sum of its days inside the user's 完成.
     */
    Map<LocalDate, DayRoute> planAll(String customerManagerId, Map<LocalDate, List<DueCustomer>> days) {
        List<Long> ids = days.values().stream().flatMap(List::stream).map(DueCustomer::customerId).distinct().toList();
        Map<Long, RouteStop> stops = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, longitude, latitude, opens_at, closes_at from retail_customer where id in (:ids)",
                    new MapSqlParameterSource("ids", ids), rs -> {
                        stops.put(rs.getLong(1), new RouteStop(rs.getLong(1),
                                GeoPoint.ofNullable(rs.getBigDecimal(2), rs.getBigDecimal(3)),
                                rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class)));
                    });
        }
        GeoPoint depot = ids.isEmpty() ? null : depot(customerManagerId);
        Map<LocalDate, DayRoute> planned = new ConcurrentHashMap<>();
        days.entrySet().parallelStream().forEach(day -> planned.put(day.getKey(), day.getValue().isEmpty()
                ? routes.plan(null, List.of())
                : routes.plan(depot, day.getValue().stream().map(c -> stops.get(c.customerId())).toList())));
        return planned;
    }

    /** The customers in the route's order. */
    static List<DueCustomer> ordered(List<DueCustomer> customers, DayRoute route) {
        Map<Long, DueCustomer> byId = new HashMap<>();
        customers.forEach(c -> byId.put(c.customerId(), c));
        return route.order().stream().map(byId::get).toList();
    }

    /** Fixes the order of the day's list (already inserted) and remembers the route's figures. */
    void store(String customerManagerId, YearMonth period, LocalDate day, DayRoute route) {
        MapSqlParameterSource p = new MapSqlParameterSource("cm", customerManagerId).addValue("day", day)
                .addValue("period", period.toString());
        List<MapSqlParameterSource> positions = new ArrayList<>();
        for (int i = 0; i < route.order().size(); i++) {
            positions.add(new MapSqlParameterSource(p.getValues()).addValue("customer", route.order().get(i))
                    .addValue("position", i + 1));
        }
        jdbc.batchUpdate("update day_visit_list set visit_order = :position where customer_manager_id = :cm "
                + "and visit_date = :day and customer_id = :customer", positions.toArray(MapSqlParameterSource[]::new));
        jdbc.update("delete from day_route where customer_manager_id = :cm and visit_date = :day", p);
        jdbc.update("""
                insert into day_route (customer_manager_id, visit_date, period, customers, optimised, default_meters,
                                       default_minutes, optimised_meters, optimised_minutes, late_customers, summary)
                values (:cm, :day, :period, :customers, :optimised, :defaultMeters, :defaultMinutes, :optimisedMeters,
                        :optimisedMinutes, :late, :summary)
                """, p.addValue("customers", route.order().size()).addValue("optimised", route.optimised())
                .addValue("defaultMeters", route.defaultMetres()).addValue("defaultMinutes", route.defaultMinutes())
                .addValue("optimisedMeters", route.optimisedMetres())
                .addValue("optimisedMinutes", route.optimisedMinutes()).addValue("late", route.lateCustomers())
                .addValue("summary", route.summary()));
    }

    /** The route stored when the week was arranged, its order that of the day's list. */
    Optional<DayRoute> stored(String customerManagerId, LocalDate day, List<DueCustomer> listedInOrder) {
        List<Long> order = listedInOrder.stream().map(DueCustomer::customerId).toList();
        return jdbc.query("""
                select optimised, default_meters, default_minutes, optimised_meters, optimised_minutes, late_customers,
                       summary from day_route where customer_manager_id = :cm and visit_date = :day
                """, new MapSqlParameterSource("cm", customerManagerId).addValue("day", day),
                (rs, n) -> new DayRoute(order, rs.getBoolean(1), rs.getObject(2, Long.class),
                        rs.getObject(3, Integer.class), rs.getObject(4, Long.class), rs.getObject(5, Integer.class),
                        rs.getInt(6), rs.getString(7))).stream().findFirst();
    }

    /** The office of the customer manager's market department, where the day starts and ends; null if unknown. */
    private GeoPoint depot(String customerManagerId) {
        return jdbc.query("""
                select d.depot_longitude, d.depot_latitude from staff s join market_department d on d.code = s.department_code
                 where s.staff_id = :cm
                """, new MapSqlParameterSource("cm", customerManagerId),
                (rs, n) -> GeoPoint.ofNullable(rs.getBigDecimal(1), rs.getBigDecimal(2))).stream()
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
