package cn.cm135.brand.targets;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.customer.CustomerDirectory;
import cn.cm135.customer.CustomerDirectory.CustomerRef;
import cn.cm135.cycle.CycleVariables;
import cn.cm135.tasklist.FormData;

/**
 * User tasks "品牌分析目标设置" (Task_SetBrandTargets, step 7, this month) and "补做上月品牌分析目标"
 * (Task_BackfillBrandTargets, step 3, last month, first month only). On create the dynamic list
 * {@code brandTargets} holds the targets already set or, when none are, a proposal (last month's volume of
 * each key and new brand, suggested target customers); the suggestions are also shown as a table. On
 * complete the list replaces the month's targets and target customers.
 */
@Component
class BrandTargetsTaskListener implements TaskListener {

    static final String BRAND_TARGETS = "brandTargets";
    static final String BACKFILL_TASK = "Task_BackfillBrandTargets";
    /** Suggested target customers a spec, in the table and in a proposal. */
    static final int SUGGESTIONS = 10;

    private final BrandTargetService targets;
    private final CustomerDirectory customers;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    BrandTargetsTaskListener(BrandTargetService targets, CustomerDirectory customers, JdbcTemplate jdbc,
            ObjectMapper json) {
        this.targets = targets;
        this.customers = customers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        boolean backfill = BACKFILL_TASK.equals(task.getTaskDefinitionKey());
        YearMonth month = backfill ? CycleVariables.analysedMonth(task) : CycleVariables.period(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            show(task, customerManagerId, month, backfill);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            List<BrandTarget> submitted = new ArrayList<>();
            for (Map<String, Object> row : FormData.rows(json, FormData.edited(task, BRAND_TARGETS), BRAND_TARGETS, "品牌目标")) {
                List<Long> ids = new ArrayList<>();
                if (row.get("targetCustomers") instanceof List<?> list) {
                    list.forEach(id -> ids.add(FormData.id(id, "targetCustomers", "目标客户")));
                }
                submitted.add(new BrandTarget((String) row.get("area"), (String) row.get("spec"),
                        FormData.integer(row.get("targetVolume"), "targetVolume", "品牌目标（条）"), ids));
            }
            targets.replace(customerManagerId, month, submitted);
        }
    }

    private void show(DelegateTask task, String customerManagerId, YearMonth month, boolean backfill) {
        task.setName((backfill ? "补做上月品牌分析目标（" : "品牌分析目标设置（") + month + "）");
        List<BrandTarget> current = targets.targets(customerManagerId, month);
        List<BrandTarget> shown = current.isEmpty() ? targets.proposal(customerManagerId, month, SUGGESTIONS) : current;
        List<CustomerRef> mine = customers.activeCustomers(customerManagerId);
        Map<String, String> specNames = new LinkedHashMap<>();
        jdbc.query("select code, name from cigarette_spec order by key_brand desc, new_brand desc, code", rs -> {
            specNames.put(rs.getString(1), rs.getString(2));
        });
        Map<Long, String> labels = new HashMap<>();
        mine.forEach(c -> labels.put(c.id(), c.label()));

        task.setVariableLocal("brandTargetMonth", month.toString());
        task.setVariableLocal("proposed", current.isEmpty());
        FormData.editable(task, BRAND_TARGETS, FormData.json(json, shown.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area", t.areaCode());
            row.put("spec", t.specCode());
            row.put("targetVolume", t.targetVolume());
            row.put("targetCustomers", t.targetCustomers().stream().map(String::valueOf).toList());
            return row;
        }).toList()));
        task.setVariableLocal("areaOptions", FormData.json(json, customers.areas(customerManagerId).stream()
                .map(code -> FormData.option(code, code)).toList()));
        task.setVariableLocal("specOptions", FormData.json(json, specNames.entrySet().stream()
                .map(e -> FormData.option(e.getKey(), e.getValue() + "（" + e.getKey() + "）")).toList()));
        task.setVariableLocal("customerOptions", FormData.json(json, mine.stream()
                .map(c -> FormData.option(Long.toString(c.id()), c.label())).toList()));
        task.setVariableLocal("suggestedCustomers", FormData.json(json, targets.suggestions(customerManagerId, month,
                SUGGESTIONS).stream().map(s -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("spec", specNames.getOrDefault(s.specCode(), s.specCode()));
                    line.put("customer", labels.getOrDefault(s.customerId(), s.name() + "（" + s.licenceNo() + "）"));
                    line.put("priceClassVolume", s.priceClassVolume());
                    return line;
                }).toList()));
    }
}
