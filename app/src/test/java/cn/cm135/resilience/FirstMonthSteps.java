package cn.cm135.resilience;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A customer manager's first three steps of a first month, as Tasklist submits them: 补录上月客户直接需求 with no
 * need added, 补做上月品牌分析目标 as proposed, 确认客户直接需求 ticked. The last one's next step is the asynchronous
 * month-start analysis (Task_AnalyseCustomers, asyncBefore): completing it leaves a job, not a task.
 */
final class FirstMonthSteps {

    private FirstMonthSteps() {
    }

    static void upToTheAnalysis(AppClient cm, String businessKey) {
        cm.submit(cm.task(businessKey, "Task_BackfillDemands").get("id").asText(),
                Map.of("newDemands", AppClient.jsonVariable("[]")));
        String brandTask = cm.task(businessKey, "Task_BackfillBrandTargets").get("id").asText();
        JsonNode proposed = cm.formVariables(brandTask).get("brandTargets").get("value");
        cm.submit(brandTask, Map.of("brandTargets", AppClient.jsonVariable(proposed.isTextual() ? proposed.asText()
                : proposed.toString())));
        cm.submit(cm.task(businessKey, "Task_ConfirmDemands").get("id").asText(),
                Map.of("confirmDemands", AppClient.booleanVariable(true)));
    }
}
