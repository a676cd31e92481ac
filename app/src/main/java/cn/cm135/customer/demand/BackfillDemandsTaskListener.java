package cn.cm135.customer.demand;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.customer.CustomerDirectory;
import cn.cm135.process.CycleVariables;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "补录上月客户直接需求" (Task_BackfillDemands, step 2, first month only). On create it lists
 * the customer manager's customers as options and the needs already recorded; on complete it records
 * the rows of the dynamic list {@code newDemands} (all or none).
 */
@Component
class BackfillDemandsTaskListener extends StepTaskListener {

    static final String NEW_DEMANDS = "newDemands";

    private final DemandService demands;
    private final CustomerDirectory customers;
    private final ObjectMapper json;

    BackfillDemandsTaskListener(DemandService demands, CustomerDirectory customers, ObjectMapper json) {
        this.demands = demands;
        this.customers = customers;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth collected = CycleVariables.analysedMonth(task);
        task.setName("补录上月客户直接需求（" + collected + "）");
        List<CustomerDemand> recorded = demands.needs(customerManagerId, collected);
        task.setVariableLocal("collectedMonth", collected.toString());
        task.setVariableLocal("recordedCount", (long) recorded.size());
        task.setVariableLocal("recordedNeeds", FormData.json(json, DemandTables.needs(recorded)));
        task.setVariableLocal("customerOptions", FormData.json(json, customers.activeCustomers(customerManagerId)
                .stream().map(c -> FormData.option(Long.toString(c.id()), c.label())).toList()));
        FormData.editable(task, NEW_DEMANDS, FormData.json(json, List.of()));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth collected = CycleVariables.analysedMonth(task);
        List<NewDemand> batch = new ArrayList<>();
        for (Map<String, Object> row : FormData.rows(json, FormData.edited(task, NEW_DEMANDS), NEW_DEMANDS, "补录的需求")) {
            batch.add(new NewDemand(FormData.id(row.get("customerId"), "customerId", "客户"),
                    (String) row.get("needType"), row.get("content") == null ? null : row.get("content").toString(),
                    Boolean.TRUE.equals(row.get("urgent"))));
        }
        demands.record(customerManagerId, collected, batch);
    }

    /** The table rows the demand forms show. */
    static final class DemandTables {

        private DemandTables() {
        }

        static List<Map<String, Object>> needs(List<CustomerDemand> needs) {
            return needs.stream().map(d -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("licence", d.licenceNo());
                line.put("customer", d.customerName());
                line.put("needType", d.needType());
                line.put("content", d.content());
                line.put("urgent", d.urgent() ? "紧急" : "");
                line.put("status", d.confirmed() ? "已确认" : "未确认");
                return line;
            }).toList();
        }
    }
}
