package cn.cm135.brand.targets;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.customer.CustomerDirectory.CustomerRef;
import cn.cm135.customer.CustomerDirectory;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User tasks "品牌分析目标设置" (Task_SetBrandTargets, step 7, this month) and "补做上月品牌分析目标"
 * (Task_BackfillBrandTargets, step 3, last month, first month only). On create it shows the targets already set
 * or, when none are, a proposal (last month's volume of each key and new brand, suggested target customers) as a
 * table, and the suggestions as another. The form edits only the exceptions: {@code targetChanges} names a
 * target by area and spec with its new volume and target customers (none chosen: they stay), adds a target not
 * listed, or deletes one. A REST client may instead send the whole list {@code brandTargets} (also on the
 * execution); the changes apply on top of it. On complete the result replaces the month's targets and target
 * customers.
 */
@Component
class BrandTargetsTaskListener extends StepTaskListener {

    static final String BRAND_TARGETS = "brandTargets";
    static final String CHANGES = "targetChanges";
    /** Target customers named in the targets table before "等 N 户". */
    static final int NAMES_SHOWN = 2;
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
    protected void onCreate(DelegateTask task) {
        show(task, CycleVariables.customerManagerId(task), month(task), backfill(task));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = month(task);
        List<BrandTarget> submitted = new ArrayList<>();
        for (Map<String, Object> row : FormData.rows(json, FormData.edited(task, BRAND_TARGETS), BRAND_TARGETS, "品牌目标")) {
            submitted.add(new BrandTarget((String) row.get("area"), (String) row.get("spec"),
                    FormData.integer(row.get("targetVolume"), "targetVolume", "品牌目标（条）"),
                    customerIds(row.get("targetCustomers"), "目标客户")));
        }
        applyChanges(submitted, FormData.edited(task, CHANGES));
        targets.replace(customerManagerId, month, submitted);
    }

    private static boolean backfill(DelegateTask task) {
        return BACKFILL_TASK.equals(task.getTaskDefinitionKey());
    }

    /** Step 7 sets this month's targets; step 3 backfills the month being analysed. */
    private static YearMonth month(DelegateTask task) {
        return backfill(task) ? CycleVariables.analysedMonth(task) : CycleVariables.period(task);
    }

    private void show(DelegateTask task, String customerManagerId, YearMonth month, boolean backfill) {
        task.setName((backfill ? "补做上月品牌分析目标（" : "品牌分析目标设置（") + month + "）");
        List<BrandTarget> current = targets.targets(customerManagerId, month);
        List<SuggestedCustomer> suggestions = targets.suggestions(customerManagerId, month, SUGGESTIONS);
        List<BrandTarget> shown = current.isEmpty() ? targets.proposal(customerManagerId, month, suggestions) : current;
        List<CustomerRef> mine = customers.activeCustomers(customerManagerId);
        Map<String, String> specNames = new LinkedHashMap<>();
        jdbc.query("select code, name from cigarette_spec order by key_brand desc, new_brand desc, code", rs -> {
            specNames.put(rs.getString(1), rs.getString(2));
        });
        Map<Long, String> labels = new HashMap<>();
        mine.forEach(c -> labels.put(c.id(), c.label()));

        task.setVariableLocal("brandTargetMonth", month.toString());
        task.setVariableLocal("proposed", current.isEmpty());
        task.setVariableLocal("targetCount", (long) shown.size());
        task.setVariableLocal("targetRows", FormData.json(json, shown.stream().map(t -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("area", t.areaCode());
            line.put("spec", specNames.getOrDefault(t.specCode(), t.specCode()) + "（" + t.specCode() + "）");
            line.put("targetVolume", t.targetVolume() == null ? "" : t.targetVolume());
            line.put("customers", names(t.targetCustomers(), labels));
            return line;
        }).toList()));
        FormData.editable(task, CHANGES, FormData.json(json, List.of()));
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
        task.setVariableLocal("suggestedCustomers", FormData.json(json, suggestions.stream().map(s -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("spec", specNames.getOrDefault(s.specCode(), s.specCode()));
                    line.put("customer", labels.getOrDefault(s.customerId(), s.name() + "（" + s.licenceNo() + "）"));
                    line.put("priceClassVolume", s.priceClassVolume());
                    return line;
                }).toList()));
    }

    /** The form's exceptions on top of the listed targets; a row nobody filled is skipped. */
    private void applyChanges(List<BrandTarget> listed, Object submitted) {
        if (submitted == null) {
            return;
        }
        int n = 0;
        for (Map<String, Object> row : FormData.rows(json, submitted, CHANGES, "修改品牌目标")) {
            n++;
            String at = "修改品牌目标第 " + n + " 行";
            String area = text(row.get("area"));
            String spec = text(row.get("spec"));
            Integer volume = FormData.integer(row.get("targetVolume"), "targetVolume", at + "的目标（条）");
            List<Long> chosen = customerIds(row.get("targetCustomers"), at + "的目标客户");
            boolean delete = Boolean.TRUE.equals(row.get("delete"));
            if (area == null && spec == null && volume == null && chosen.isEmpty() && !delete) {
                continue;
            }
            if (area == null) {
                throw Refusal.invalid("area", at + "：请选择片区");
            }
            if (spec == null) {
                throw Refusal.invalid("spec", at + "：请选择规格");
            }
            int index = indexOf(listed, area, spec);
            if (delete) {
                if (index < 0) {
                    throw Refusal.invalid("spec", at + "：片区 " + area + " 没有规格 " + spec + " 的目标，无需删除");
                }
                listed.remove(index);
                continue;
            }
            if (volume == null) {
                throw Refusal.invalid("targetVolume", at + "：请填写目标（条），或勾选删除此目标");
            }
            if (volume < 0 || volume > BrandTargetService.VOLUME_MAX) {
                throw Refusal.invalid("targetVolume", at + "：目标必须在 0 到 " + BrandTargetService.VOLUME_MAX
                        + " 条之间，收到 " + volume);
            }
            if (index < 0) {
                listed.add(new BrandTarget(area, spec, volume, chosen));
            } else {
                List<Long> kept = chosen.isEmpty() ? listed.get(index).targetCustomers() : chosen;
                listed.set(index, new BrandTarget(area, spec, volume, kept));
            }
        }
    }

    private static int indexOf(List<BrandTarget> targets, String area, String spec) {
        for (int i = 0; i < targets.size(); i++) {
            if (area.equals(targets.get(i).areaCode()) && spec.equals(targets.get(i).specCode())) {
                return i;
            }
        }
        return -1;
    }

    private static List<Long> customerIds(Object raw, String label) {
        List<Long> ids = new ArrayList<>();
        if (raw instanceof List<?> list) {
            list.forEach(id -> ids.add(FormData.id(id, "targetCustomers", label)));
        }
        return ids;
    }

    /** "兴旺生活超市、永兴购物中心 等 10 户": a table cell of one or two lines. */
    private static String names(List<Long> ids, Map<Long, String> labels) {
        if (ids.isEmpty()) {
            return "（未选）";
        }
        String shown = String.join("、", ids.stream().limit(NAMES_SHOWN)
                .map(id -> shortName(labels.getOrDefault(id, String.valueOf(id)))).toList());
        return ids.size() > NAMES_SHOWN ? shown + " 等 " + ids.size() + " 户" : shown;
    }

    /** The name without its licence number: "兴旺生活超市（511301000283）" → "兴旺生活超市". */
    private static String shortName(String label) {
        int bracket = label.lastIndexOf('（');
        return bracket > 0 ? label.substring(0, bracket) : label;
    }

    private static String text(Object raw) {
        return raw == null || raw.toString().isBlank() ? null : raw.toString();
    }
}
