package cn.cm135.customer.demand;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.customer.demand.BackfillDemandsTaskListener.DemandTables;
import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "确认客户直接需求" (Task_ConfirmDemands, step 4). On create it shows the 客户需求调查统计表 of
 * last month's needs and the unconfirmed ones; on complete {@code confirmDemands = true} confirms them
 * all, and the task refuses to complete while any need of last month is unconfirmed.
 */
@Component
class ConfirmDemandsTaskListener extends StepTaskListener {

    static final String CONFIRM = "confirmDemands";

    private final DemandService demands;
    private final ObjectMapper json;

    ConfirmDemandsTaskListener(DemandService demands, ObjectMapper json) {
        this.demands = demands;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth collected = CycleVariables.analysedMonth(task);
        DemandSurvey survey = demands.survey(customerManagerId, collected);
        List<CustomerDemand> unconfirmed = demands.needs(customerManagerId, collected).stream()
                .filter(d -> !d.confirmed()).toList();
        task.setName("确认客户直接需求（" + collected + "）");
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("collectedMonth", collected.toString());
        shown.put("customersServed", (long) survey.customersServed());
        shown.put("customersWithNeeds", (long) survey.customersWithNeeds());
        shown.put("needCount", (long) survey.needs());
        shown.put("unconfirmedCount", (long) survey.unconfirmed());
        shown.put("topUrgent", survey.topUrgent().isEmpty() ? "无" : survey.topUrgent().stream()
                .map(t -> t.needType() + " " + t.urgent() + " 条").collect(Collectors.joining("，")));
        task.setVariablesLocal(shown);
        FormData.editable(task, CONFIRM, false);
        task.setVariableLocal("surveyRows", FormData.json(json, survey.types().stream().map(t -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("needType", t.needType());
            line.put("customers", t.customers());
            line.put("share", t.share().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP) + "%");
            line.put("needs", t.needs());
            line.put("urgent", t.urgent());
            return line;
        }).toList()));
        task.setVariableLocal("unconfirmedNeeds", FormData.json(json, DemandTables.needs(unconfirmed)));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth collected = CycleVariables.analysedMonth(task);
        if ("true".equals(String.valueOf(FormData.edited(task, CONFIRM)))) {
            demands.confirmAll(customerManagerId, collected);
        }
        int open = demands.unconfirmedCount(customerManagerId, collected);
        if (open > 0) {
            throw Refusal.invalid(CONFIRM, collected + " 还有 " + open + " 条客户直接需求未确认，请勾选「确认以上全部需求」后再提交");
        }
    }
}
