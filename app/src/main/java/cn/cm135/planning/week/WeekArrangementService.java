package cn.cm135.planning.week;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.calendar.WorkingCalendar;
import cn.cm135.planning.approval.ResultsLock;
import cn.cm135.planning.route.DayRoute;
import cn.cm135.planning.strategy.OpenStrategies;
import cn.cm135.planning.strategy.OpenStrategy;
import cn.cm135.rules.Refusal;

/**
 * The module API of step 12 周工作安排 (task listener and REST alike).
 *
 * <p><b>Which customers a day lists.</b> A day lists the customers on its routes whom the confirmed visit
 * plan still calls for. For a customer on route r (default weekday w) and the day d, let
 * <ul>
 * <li>R = the working days of the month whose weekday is w (the route's regular visits),</li>
 * <li>i = how many of those lie before d (d is the route's occurrence number i, counting from 0),</li>
 * <li>done = the visits recorded this month (visit_record.visited), f = the planned frequency.</li>
 * </ul>
 * The customer is due when {@code done < f} and ({@code i ≥ floor(done·R/f)} or {@code f − done ≥ R − i}):
 * the f visits are spread evenly over the R occurrences (the k-th visit from occurrence floor(k·R/f) on), and
 * a customer who missed visits is listed on every remaining occurrence once only that many are left
 * (catch-up). f = 0 is never listed. E.g. R = 4, f = 2: due on occurrences 0 and 2. In SQL the first
 * condition is {@code (i + 1)·f > done·R}, integer arithmetic only. A route moved to another day keeps its
 * R and counts i up to that day.
 */
@Service
public class WeekArrangementService {

    static final String DRAFT = "DRAFT";
    static final String ARRANGED = "ARRANGED";
    static final int FOCUS_MAX = 1000;

    private static final String PLANNED = "coalesce(j.planned_frequency, v.proposed_frequency)";
    private static final String FROM_PLAN = """
              from visit_plan_customer v
              join retail_customer c on c.id = v.customer_id
              left join visit_plan_adjustment j on j.customer_manager_id = v.customer_manager_id
                    and j.period = v.period and j.customer_id = v.customer_id
              left join (select customer_id, count(*) as done from visit_record
                          where period = :period and visited group by customer_id) d on d.customer_id = v.customer_id
            """;
    private static final String DUE = FROM_PLAN + """
             where v.customer_manager_id = :cm and v.period = :period and c.route_code = :route
               and coalesce(d.done, 0) < %1$s
               and ((:i + 1) * %1$s > coalesce(d.done, 0) * :r or %1$s - coalesce(d.done, 0) >= :r - :i)
            """.formatted(PLANNED);

    private record Header(String status, String marketFocus, String brandFocus) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingCalendar calendar;
    private final OpenStrategies strategies;
    private final ResultsLock results;
    private final Clock clock;
    private final DayRoutes dayRoutes;

    WeekArrangementService(NamedParameterJdbcTemplate jdbc, WorkingCalendar calendar, OpenStrategies strategies,
            ResultsLock results, Clock clock, DayRoutes dayRoutes) {
        this.jdbc = jdbc;
        this.dayRoutes = dayRoutes;
        this.calendar = calendar;
        this.strategies = strategies;
        this.results = results;
        this.clock = clock;
    }

    /**
     * The week as arranged, or the proposal: each of the customer manager's routes on the day of its weekday,
     * for the week's working days inside the month from today on.
     *
     * @throws Refusal INVALID when weekStart is not a Monday of a week that has days in the month
     */
    @Transactional(readOnly = true)
    public WeekProposal proposal(String customerManagerId, YearMonth period, LocalDate weekStart) {
        requireWeek(period, weekStart);
        List<WeekRoute> routes = routes(customerManagerId);
        Optional<Header> header = header(customerManagerId, period, weekStart);
        Map<LocalDate, List<String>> assigned = new LinkedHashMap<>();
        List<LocalDate> days = openDays(period, weekStart);
        days.forEach(d -> assigned.put(d, new ArrayList<>()));
        if (header.isPresent()) {
            jdbc.query("select visit_date, route_code from week_route_day where customer_manager_id = :cm "
                    + "and period = :period and week_start = :week order by visit_date, route_code",
                    params(customerManagerId, period).addValue("week", weekStart), rs -> {
                        List<String> codes = assigned.get(rs.getDate(1).toLocalDate());
                        if (codes != null) {
                            codes.add(rs.getString(2));
                        }
                    });
        } else {
            days.forEach(d -> routes.stream().filter(r -> r.weekday() == d.getDayOfWeek().getValue())
                    .forEach(r -> assigned.get(d).add(r.code())));
        }
        Map<String, WeekRoute> byCode = new HashMap<>();
        routes.forEach(r -> byCode.put(r.code(), r));
        boolean arranged = header.map(h -> ARRANGED.equals(h.status())).orElse(false);
        Map<LocalDate, List<DueCustomer>> customersOf = new LinkedHashMap<>();
        assigned.forEach((day, codes) -> customersOf.put(day, arranged ? listed(customerManagerId, period, day)
                : codes.stream().flatMap(code -> due(customerManagerId, period, day, byCode.get(code)).stream()).toList()));
        // Arranged: the order fixed then; proposed: the optimiser's order of each day as it would be arranged.
        Map<LocalDate, DayRoute> planned = arranged ? Map.of() : dayRoutes.planAll(customerManagerId, customersOf);
        List<ProposedDay> proposed = new ArrayList<>();
        customersOf.forEach((day, customers) -> {
            DayRoute route = arranged ? dayRoutes.stored(customerManagerId, day, customers)
                    .orElseGet(() -> dayRoutes.plan(customerManagerId, customers)) : planned.get(day);
            proposed.add(new ProposedDay(day, WeekDays.weekdayLabel(day.getDayOfWeek().getValue()), assigned.get(day),
                    withStrategies(period, DayRoutes.ordered(customers, route)), route));
        });
        return new WeekProposal(customerManagerId, period.toString(), weekStart,
                header.map(Header::status).orElse(DRAFT), header.map(Header::marketFocus).orElse(""),
                header.map(Header::brandFocus).orElse(""), routes, proposed);
    }

    /**
     * 安排: stores the week's focus and route days and fixes each day's customer list (day_visit_list) by
     * the due rule. Arranging again replaces all of it while no day of the week has a visit record. All or
     * nothing; a bad row is named.
     *
     * @throws Refusal INVALID for bad input; LOCKED once a day of the week has records or the month's
     *                 results are approved
     */
    @Transactional
    public void arrange(String customerManagerId, YearMonth period, LocalDate weekStart, String marketFocus,
            String brandFocus, List<RouteDay> assignments, String by) {
        requireWeek(period, weekStart);
        results.requireOpen(customerManagerId, period, "周工作安排");
        String planStatus = jdbc.queryForList("select status from visit_plan where customer_manager_id = :cm "
                + "and period = :period", params(customerManagerId, period), String.class).stream().findFirst()
                .orElse(null);
        if (!"CONFIRMED".equals(planStatus)) {
            throw Refusal.invalid("visitPlan", customerManagerId + " 的 " + period
                    + " 客户拜访计划尚未确定：先完成「客户拜访计划」（第 11 步），才能安排周工作");
        }
        String market = focus(marketFocus, "marketFocus", "本周市场收集重点");
        String brand = focus(brandFocus, "brandFocus", "本周品牌培育重点");
        List<LocalDate> weekDays = WeekDays.inMonth(period, weekStart);
        Map<String, WeekRoute> routes = new HashMap<>();
        routes(customerManagerId).forEach(r -> routes.put(r.code(), r));
        LocalDate today = LocalDate.now(clock);
        Set<String> seen = new HashSet<>();
        List<RouteDay> rows = assignments == null ? List.of() : assignments;
        for (int n = 0; n < rows.size(); n++) {
            RouteDay a = rows.get(n);
            String row = "线路安排第 " + (n + 1) + " 行";
            if (a == null || a.routeCode() == null || a.routeCode().isBlank()) {
                throw Refusal.invalid("routeCode", row + "：请选择线路");
            }
            if (!routes.containsKey(a.routeCode())) {
                throw Refusal.invalid("routeCode", row + "：线路 " + a.routeCode() + " 不是客户经理 " + customerManagerId
                        + " 的线路");
            }
            row += "（线路 " + a.routeCode() + "）";
            LocalDate day = a.visitDate();
            if (day == null) {
                throw Refusal.invalid("visitDate", row + "：请选择拜访日期");
            }
            if (!weekDays.contains(day)) {
                throw Refusal.invalid("visitDate", row + "：日期 " + day + " 不在本周（" + weekStart + " 起）的 " + period
                        + " 月内");
            }
            if (!calendar.isWorkingDay(day)) {
                throw Refusal.invalid("visitDate", row + "：" + day + " 不是工作日");
            }
            if (day.isBefore(today)) {
                throw Refusal.invalid("visitDate", row + "：" + day + " 已经过去（今天是 " + today + "）");
            }
            if (!seen.add(a.routeCode())) {
                throw Refusal.invalid("routeCode", row + "：一条线路每周只能安排一次");
            }
        }
        MapSqlParameterSource p = params(customerManagerId, period).addValue("week", weekStart)
                .addValue("days", weekDays).addValue("market", market).addValue("brand", brand).addValue("by", by)
                .addValue("now", Timestamp.valueOf(LocalDateTime.now(clock)));
        List<LocalDate> recorded = jdbc.queryForList("""
                select visit_date from visit_record where customer_manager_id = :cm and visit_date in (:days)
                union select visit_date from visit_day where customer_manager_id = :cm and visit_date in (:days)
                """, p, LocalDate.class);
        if (!recorded.isEmpty()) {
            throw Refusal.locked("本周 " + recorded.stream().sorted().distinct().toList()
                    + " 已有拜访记录，周工作安排不能再修改");
        }
        if (header(customerManagerId, period, weekStart).isPresent()) {
            jdbc.update("update week_arrangement set market_focus = :market, brand_focus = :brand, status = 'ARRANGED', "
                    + "arranged_at = :now, arranged_by = :by where customer_manager_id = :cm and period = :period "
                    + "and week_start = :week", p);
        } else {
            jdbc.update("""
                    insert into week_arrangement (customer_manager_id, period, week_start, market_focus, brand_focus,
                                                  status, arranged_at, arranged_by)
                    values (:cm, :period, :week, :market, :brand, 'ARRANGED', :now, :by)
                    """, p);
        }
        jdbc.update("delete from week_route_day where customer_manager_id = :cm and period = :period "
                + "and week_start = :week", p);
        jdbc.update("delete from day_visit_list where customer_manager_id = :cm and visit_date in (:days)", p);
        jdbc.update("delete from day_route where customer_manager_id = :cm and visit_date in (:days)", p);
        for (RouteDay a : rows) {
            WeekRoute route = routes.get(a.routeCode());
            MapSqlParameterSource q = dueParams(customerManagerId, period, a.visitDate(), route)
                    .addValue("week", weekStart);
            jdbc.update("insert into week_route_day (customer_manager_id, period, week_start, visit_date, route_code) "
                    + "values (:cm, :period, :week, :day, :route)", q);
            jdbc.update("insert into day_visit_list (customer_manager_id, period, visit_date, customer_id, route_code) "
                    + "select :cm, :period, :day, c.id, c.route_code " + DUE, q);
        }
        // Each day's visiting order, over all the routes arranged on it.
        Map<LocalDate, List<DueCustomer>> listedOf = new LinkedHashMap<>();
        rows.stream().map(RouteDay::visitDate).distinct().sorted()
                .forEach(day -> listedOf.put(day, listed(customerManagerId, period, day)));
        dayRoutes.planAll(customerManagerId, listedOf).forEach((day, route) -> dayRoutes.store(customerManagerId,
                period, day, route));
    }

    /** The week's days (ascending) inside the month that have a route and are not before today. */
    @Transactional(readOnly = true)
    public List<LocalDate> visitDays(String customerManagerId, YearMonth period, LocalDate weekStart) {
        return jdbc.queryForList("select distinct visit_date from week_route_day where customer_manager_id = :cm "
                + "and period = :period and week_start = :week and visit_date >= :today order by visit_date",
                params(customerManagerId, period).addValue("week", weekStart).addValue("today", LocalDate.now(clock)),
                LocalDate.class);
    }

    /** The customers of {@code route} due on {@code day} by the rule of the class comment, by licence. */
    List<DueCustomer> due(String customerManagerId, YearMonth period, LocalDate day, WeekRoute route) {
        if (route == null) {
            return List.of();
        }
        return jdbc.query("select c.id, c.licence_no, c.name, c.route_code, " + PLANNED + " as f, "
                + "coalesce(d.done, 0) as done " + DUE + " order by c.licence_no",
                dueParams(customerManagerId, period, day, route), (rs, n) -> new DueCustomer(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), List.of()));
    }

    /** The customers fixed on a day's list when the week was arranged, in the route's order once it is fixed. */
    private List<DueCustomer> listed(String customerManagerId, YearMonth period, LocalDate day) {
        return jdbc.query("select c.id, c.licence_no, c.name, c.route_code, " + PLANNED + " as f, "
                + "coalesce(d.done, 0) as done " + FROM_PLAN + """
                  join day_visit_list l on l.customer_id = v.customer_id and l.customer_manager_id = v.customer_manager_id
                 where v.customer_manager_id = :cm and v.period = :period and l.visit_date = :day
                 order by coalesce(l.visit_order, 0), c.route_code, c.licence_no
                """, params(customerManagerId, period).addValue("day", day), (rs, n) -> new DueCustomer(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), List.of()));
    }

    private MapSqlParameterSource dueParams(String customerManagerId, YearMonth period, LocalDate day, WeekRoute route) {
        // R and i of the class comment: working days of the month on the route's weekday, all and before the day.
        List<LocalDate> occurrences = period.atDay(1).datesUntil(period.plusMonths(1).atDay(1))
                .filter(d -> d.getDayOfWeek().getValue() == route.weekday() && calendar.isWorkingDay(d)).toList();
        long before = occurrences.stream().filter(d -> d.isBefore(day)).count();
        return params(customerManagerId, period).addValue("day", day).addValue("route", route.code())
                .addValue("r", occurrences.size()).addValue("i", (int) before);
    }

    private List<DueCustomer> withStrategies(YearMonth period, List<DueCustomer> customers) {
        Map<Long, List<OpenStrategy>> open = strategies.of(period.toString(),
                customers.stream().map(DueCustomer::customerId).toList());
        return customers.stream().map(c -> new DueCustomer(c.customerId(), c.licenceNo(), c.name(), c.routeCode(),
                c.plannedFrequency(), c.done(), open.getOrDefault(c.customerId(), List.of()))).toList();
    }

    private List<WeekRoute> routes(String customerManagerId) {
        return jdbc.query("""
                select r.code, r.name, r.weekday from route r join area a on a.code = r.area_code
                 where a.customer_manager_id = :cm order by r.weekday, r.code
                """, new MapSqlParameterSource("cm", customerManagerId),
                (rs, n) -> new WeekRoute(rs.getString(1), rs.getString(2), rs.getInt(3)));
    }

    /** The week's working days in the month from today on. */
    private List<LocalDate> openDays(YearMonth period, LocalDate weekStart) {
        LocalDate today = LocalDate.now(clock);
        return WeekDays.inMonth(period, weekStart).stream().filter(calendar::isWorkingDay)
                .filter(d -> !d.isBefore(today)).toList();
    }

    private Optional<Header> header(String customerManagerId, YearMonth period, LocalDate weekStart) {
        return jdbc.query("select status, market_focus, brand_focus from week_arrangement where customer_manager_id = :cm "
                + "and period = :period and week_start = :week", params(customerManagerId, period).addValue("week", weekStart),
                (rs, n) -> new Header(rs.getString(1), rs.getString(2), rs.getString(3))).stream().findFirst();
    }

    private static void requireWeek(YearMonth period, LocalDate weekStart) {
        if (weekStart == null || !WeekDays.isMonday(weekStart)) {
            throw Refusal.invalid("weekStart", "周起始日必须是星期一，收到 " + weekStart);
        }
        if (WeekDays.inMonth(period, weekStart).isEmpty()) {
            throw Refusal.invalid("weekStart", weekStart + " 起的一周不在 " + period + " 月内");
        }
    }

    private static String focus(String text, String field, String label) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw Refusal.invalid(field, "请填写" + label);
        }
        if (value.length() > FOCUS_MAX) {
            throw Refusal.invalid(field, label + "最多 " + FOCUS_MAX + " 字");
        }
        return value;
    }

    private static MapSqlParameterSource params(String customerManagerId, YearMonth period) {
        return new MapSqlParameterSource("cm", customerManagerId).addValue("period", period.toString());
    }
}
