package cn.cm135.planning.week;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.planning.strategy.OpenStrategy;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "周工作安排" (Task_ArrangeWeek, step 12). On create it shows the week: the two focus texts and the
 * route → day rows (editable; prefilled with the arrangement, or each route on its weekday) and, read-only,
 * each day's customers with their unfinished strategies. On complete it arranges the week as submitted; a
 * refusal keeps the task open.
 */
@Component("arrangeWeekTaskListener")
class ArrangeWeekTaskListener extends StepTaskListener {

    static final String WEEK_START = "weekStart";
    static final String MARKET_FOCUS = "marketFocus";
    static final String BRAND_FOCUS = "brandFocus";
    static final String ROUTE_DAYS = "routeDays";

    private final WeekArrangementService weeks;
    private final ObjectMapper json;

    ArrangeWeekTaskListener(WeekArrangementService weeks, ObjectMapper json) {
        this.weeks = weeks;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        show(task, weeks.proposal(CycleVariables.customerManagerId(task), CycleVariables.period(task), weekStart(task)));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        complete(task, CycleVariables.customerManagerId(task), CycleVariables.period(task), weekStart(task));
    }

    private static LocalDate weekStart(DelegateTask task) {
        return LocalDate.parse((String) task.getVariable(WEEK_START));
    }

    private void show(DelegateTask task, WeekProposal week) {
        task.setName("周工作安排（" + week.weekStart() + " 周）");
        Map<String, Object> shown = new LinkedHashMap<>();
        // One level of brackets in the title: 周工作安排（2026 年 12 月 · 2026-11-30 起的一周）
        YearMonth period = YearMonth.parse(week.period());
        shown.put("weekLabel", period.getYear() + " 年 " + period.getMonthValue() + " 月 · " + week.weekStart() + " 起的一周");
        shown.put("weekStatus", week.arranged() ? "已安排" : "待安排");
        shown.put("dayCount", (long) week.days().size());
        shown.put("customerCount", (long) week.customerCount());
        shown.put("dayList", week.days().stream().map(d -> d.date() + " " + d.weekday())
                .collect(Collectors.joining("、")));
        task.setVariablesLocal(shown);
        task.setVariableLocal("routeOptions", FormData.json(json, week.routes().stream()
                .map(r -> FormData.option(r.code(), r.label())).toList()));
        task.setVariableLocal("dayOptions", FormData.json(json, week.days().stream()
                .map(d -> FormData.option(d.date().toString(), d.date() + " " + d.weekday())).toList()));
        task.setVariableLocal("dayRoutes", FormData.json(json, week.days().stream().map(DayRouteRows::row).toList()));
        task.setVariableLocal("routeSaving", DayRouteRows.weekLine(week.days()));
        List<Map<String, Object>> customers = new ArrayList<>();
        for (ProposedDay day : week.days()) {
            int position = 0;
            for (DueCustomer c : day.customers()) {
                Map<String, Object> row = new LinkedHashMap<>();
                // The route shares the day's cell and the visiting order leads the customer's: at 1440 px Tasklist
                // shows four columns with the strategies' text in full, not five.
                row.put("day", day.date() + " " + day.weekday() + " · " + c.routeCode());
                row.put("route", c.routeCode());
                row.put("customer", ++position + ". " + c.name() + "（" + c.licenceNo() + "）");
                row.put("visits", "已访 " + c.done() + " / 计划 " + c.plannedFrequency());
                row.put("strategies", c.openStrategies().isEmpty() ? "—"
                        : c.openStrategies().stream().map(OpenStrategy::text).collect(Collectors.joining("；")));
                customers.add(row);
            }
        }
        task.setVariableLocal("dayCustomers", FormData.json(json, customers));
        FormData.editable(task, MARKET_FOCUS, week.marketFocus());
        FormData.editable(task, BRAND_FOCUS, week.brandFocus());
        List<Map<String, Object>> routeDays = new ArrayList<>();
        week.days().forEach(d -> d.routeCodes().forEach(code -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("route", code);
            row.put("date", d.date().toString());
            routeDays.add(row);
        }));
        FormData.editable(task, ROUTE_DAYS, FormData.json(json, routeDays));
    }

    private void complete(DelegateTask task, String customerManagerId, YearMonth period, LocalDate weekStart) {
        Object market = FormData.edited(task, MARKET_FOCUS);
        Object brand = FormData.edited(task, BRAND_FOCUS);
        List<Map<String, Object>> rows = FormData.rows(json, FormData.edited(task, ROUTE_DAYS), ROUTE_DAYS, "线路安排");
        List<RouteDay> assignments = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            Object route = rows.get(n).get("route");
            Object date = rows.get(n).get("date");
            LocalDate day;
            try {
                day = date == null || date.toString().isBlank() ? null : LocalDate.parse(date.toString().strip());
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("date", "线路安排第 " + (n + 1) + " 行：日期应为 yyyy-MM-dd，收到 " + date);
            }
            assignments.add(new RouteDay(route == null ? null : route.toString().strip(), day));
        }
        weeks.arrange(customerManagerId, period, weekStart, market == null ? null : market.toString(),
                brand == null ? null : brand.toString(), assignments, customerManagerId);
    }
}
