package cn.cm135.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.customer.CustomerDirectory;
import cn.cm135.planning.strategy.OpenStrategy;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "日拜访记录" (Task_RecordVisits, step 13), worked in the embedded form {@code forms/record-visits.html}
 * one customer at a time. On create it shows the day's sheet (customers with their open strategies and 商定总量,
 * links to the printable sheet, its PDF and each customer's 动销台账) and offers editable lists prefilled from the
 * sheet or an earlier recording: visits, counts per customer and key spec, anomalies, needs, the strategies done
 * and the day's feelings. On complete it records the day; a refusal
 * keeps the task open. Blank count rows are skipped.
 */
@Component("recordVisitsTaskListener")
class RecordVisitsTaskListener extends StepTaskListener {

    static final String VISIT_DATE = "visitDate";
    static final String VISITS = "visits";
    static final String OBSERVATIONS = "observations";
    static final String ANOMALIES = "anomalies";
    static final String NEEDS = "needs";
    static final String STRATEGIES_DONE = "strategiesDone";
    static final String FEELINGS = "feelings";

    private final VisitRecordService visits;
    private final CustomerDirectory customers;
    private final ObjectMapper json;

    RecordVisitsTaskListener(VisitRecordService visits, CustomerDirectory customers, ObjectMapper json) {
        this.visits = visits;
        this.customers = customers;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        show(task, visits.sheet(CycleVariables.customerManagerId(task), day(task)));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        visits.record(customerManagerId, day(task), read(task), customerManagerId);
    }

    private static LocalDate day(DelegateTask task) {
        return LocalDate.parse((String) task.getVariable(VISIT_DATE));
    }

    private void show(DelegateTask task, VisitSheet sheet) {
        task.setName("日拜访记录（" + sheet.visitDate() + " " + sheet.weekday() + "）");
        RecordedDay recorded = sheet.recorded();
        boolean again = "RECORDED".equals(recorded.status());
        String sheetHref = "/reports/visit-sheet/" + sheet.customerManagerId() + "/" + sheet.visitDate();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("visitDay", sheet.visitDate() + " " + sheet.weekday());
        shown.put("customerCount", (long) sheet.customers().size());
        shown.put("recordedBefore", again);
        shown.put("marketFocus", sheet.marketFocus());
        shown.put("brandFocus", sheet.brandFocus());
        shown.put("sheetHref", sheetHref);
        shown.put("sheetLinks", "[打印日拜访记录表](" + sheetHref + ")　[下载 PDF](" + sheetHref + ".pdf)");
        task.setVariablesLocal(shown);
        // The day's customers, each with what the embedded form shows when that customer is the one being recorded.
        List<Map<String, Object>> daySheet = new ArrayList<>();
        for (VisitSheet.Customer c : sheet.customers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", Long.toString(c.customerId()));
            row.put("label", c.label());
            row.put("route", c.routeCode());
            row.put("grade", c.grade() == null ? "—" : c.grade().toString());
            row.put("strategies", c.openStrategies().stream()
                    .map(s -> FormData.option(Long.toString(s.id()), s.text())).toList());
            row.put("negotiated", c.negotiated().isEmpty() ? "—" : c.negotiated().stream().map(q -> q.specName() + " "
                    + (q.quantity() == null ? "—" : q.quantity() + " 条")).collect(Collectors.joining("；")));
            row.put("ledgerHref", c.ledgerHref());
            daySheet.add(row);
        }
        task.setVariableLocal("daySheet", FormData.json(json, daySheet));
        task.setVariableLocal("customerOptions", FormData.json(json, customerOptions(sheet)));
        task.setVariableLocal("keySpecOptions", FormData.json(json, sheet.keySpecs().stream()
                .map(s -> FormData.option(s.code(), s.name() + "（" + s.code() + "）")).toList()));
        List<Map<String, String>> strategyOptions = new ArrayList<>();
        sheet.customers().forEach(c -> c.openStrategies().forEach(s -> strategyOptions.add(
                FormData.option(Long.toString(s.id()), c.name() + "：" + s.text()))));
        recorded.strategiesDone().forEach(id -> strategyOptions.add(FormData.option(Long.toString(id),
                "策略 " + id + "（已标注完成）")));
        task.setVariableLocal("strategyOptions", FormData.json(json, strategyOptions));

        List<Map<String, Object>> visitRows = new ArrayList<>();
        if (again) {
            recorded.visits().forEach(v -> visitRows.add(visitRow(v.customerId(), v.visited(), v.opinions(), v.effect(),
                    v.note())));
        } else {
            sheet.customers().forEach(c -> visitRows.add(visitRow(c.customerId(), true, null, null, null)));
        }
        FormData.editable(task, VISITS, FormData.json(json, visitRows));
        List<Map<String, Object>> observationRows = new ArrayList<>();
        Map<String, DayRecord.Observation> counted = new HashMap<>();
        recorded.observations().forEach(o -> counted.put(o.customerId() + "/" + o.specCode(), o));
        sheet.customers().forEach(c -> sheet.keySpecs().forEach(s -> {
            DayRecord.Observation o = counted.remove(c.customerId() + "/" + s.code());
            observationRows.add(observationRow(c.customerId(), s.code(), o));
        }));
        counted.values().forEach(o -> observationRows.add(observationRow(o.customerId(), o.specCode(), o)));
        FormData.editable(task, OBSERVATIONS, FormData.json(json, observationRows));
        FormData.editable(task, ANOMALIES, FormData.json(json, recorded.anomalies().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", Long.toString(a.customerId()));
            row.put("anomalyType", a.anomalyType());
            row.put("spec", a.specCode() == null ? "" : a.specCode());
            row.put("note", a.note() == null ? "" : a.note());
            return row;
        }).toList()));
        FormData.editable(task, NEEDS, FormData.json(json, recorded.needs().stream().map(n -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", Long.toString(n.customerId()));
            row.put("needType", n.needType());
            row.put("content", n.content());
            row.put("urgent", Boolean.TRUE.equals(n.urgent()));
            return row;
        }).toList()));
        FormData.editable(task, STRATEGIES_DONE, FormData.json(json,
                recorded.strategiesDone().stream().map(String::valueOf).toList()));
        FormData.editable(task, FEELINGS, recorded.feelings() == null ? "" : recorded.feelings());
    }

    /** The listed customers first, then the customer manager's other active customers (a visit off the sheet). */
    private List<Map<String, String>> customerOptions(VisitSheet sheet) {
        List<Map<String, String>> options = new ArrayList<>();
        sheet.customers().forEach(c -> options.add(FormData.option(Long.toString(c.customerId()), c.label())));
        List<Long> listed = sheet.customers().stream().map(VisitSheet.Customer::customerId).toList();
        customers.activeCustomers(sheet.customerManagerId()).stream().filter(c -> !listed.contains(c.id()))
                .forEach(c -> options.add(FormData.option(Long.toString(c.id()), c.label() + "（计划外）")));
        return options;
    }

    private static Map<String, Object> visitRow(long customerId, boolean visited, String opinions, String effect,
            String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer", Long.toString(customerId));
        row.put("visited", visited);
        row.put("effect", effect == null ? "" : effect);
        row.put("opinions", opinions == null ? "" : opinions);
        row.put("note", note == null ? "" : note);
        return row;
    }

    private static Map<String, Object> observationRow(long customerId, String spec, DayRecord.Observation o) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer", Long.toString(customerId));
        row.put("spec", spec);
        row.put("inventory", o == null || o.inventory() == null ? "" : o.inventory());
        row.put("retailPrice", o == null || o.retailPrice() == null ? "" : o.retailPrice().toPlainString());
        // A select (是 / 否 / blank): a checkbox could not say "not looked at".
        row.put("onShelf", o == null || o.onShelf() == null ? "" : o.onShelf() ? "是" : "否");
        return row;
    }

    private DayRecord read(DelegateTask task) {
        List<DayRecord.Visit> visitList = FormData.rows(json, FormData.edited(task, VISITS), VISITS, "拜访记录").stream()
                .map(r -> new DayRecord.Visit(FormData.id(r.get("customer"), "customerId", "客户"),
                        bool(r.get("visited")), text(r.get("opinions")), text(r.get("effect")), text(r.get("note"))))
                .toList();
        List<DayRecord.Observation> observations = new ArrayList<>();
        for (Map<String, Object> r : FormData.rows(json, FormData.edited(task, OBSERVATIONS), OBSERVATIONS, "库存价格")) {
            Integer inventory = FormData.integer(r.get("inventory"), "inventory", "库存（条）");
            BigDecimal price = money(r.get("retailPrice"));
            Boolean onShelf = yesNo(r.get("onShelf"));
            if (inventory == null && price == null && onShelf == null) {
                continue; // not counted
            }
            observations.add(new DayRecord.Observation(FormData.id(r.get("customer"), "customerId", "客户"),
                    text(r.get("spec")), inventory, price, onShelf));
        }
        List<DayRecord.Anomaly> anomalies = FormData.rows(json, FormData.edited(task, ANOMALIES), ANOMALIES, "市场异常")
                .stream().map(r -> new DayRecord.Anomaly(FormData.id(r.get("customer"), "customerId", "客户"),
                        text(r.get("anomalyType")), text(r.get("spec")), text(r.get("note")))).toList();
        List<DayRecord.Need> needs = FormData.rows(json, FormData.edited(task, NEEDS), NEEDS, "客户需求").stream()
                .map(r -> new DayRecord.Need(FormData.id(r.get("customer"), "customerId", "客户"),
                        text(r.get("needType")), text(r.get("content")), bool(r.get("urgent")))).toList();
        Object done = FormData.edited(task, STRATEGIES_DONE);
        List<Long> strategiesDone = new ArrayList<>();
        if (done != null && !done.toString().isBlank()) {
            try {
                for (Object id : json.readValue(done.toString(), List.class)) {
                    strategiesDone.add(FormData.id(id, "strategiesDone", "策略编号"));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw Refusal.invalid(STRATEGIES_DONE, "已完成策略（strategiesDone）必须是策略编号的列表");
            }
        }
        Object feelings = FormData.edited(task, FEELINGS);
        return new DayRecord(visitList, strategiesDone, observations, anomalies, needs,
                feelings == null ? null : feelings.toString());
    }

    private static String text(Object raw) {
        return raw == null || raw.toString().isBlank() ? null : raw.toString();
    }

    private static Boolean bool(Object raw) {
        return raw == null ? null : Boolean.valueOf(raw.toString());
    }

    private static Boolean yesNo(Object raw) {
        String s = raw == null ? "" : raw.toString().strip();
        return switch (s) {
            case "" -> null;
            case "是", "true" -> Boolean.TRUE;
            case "否", "false" -> Boolean.FALSE;
            default -> throw Refusal.invalid("onShelf", "是否上柜只能是 是 或 否，收到 " + raw);
        };
    }

    private static BigDecimal money(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.toString().strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("retailPrice", "零售价（元/条）必须是数字，收到 " + raw);
        }
    }
}
