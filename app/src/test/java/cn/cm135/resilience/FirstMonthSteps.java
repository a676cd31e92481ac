package cn.cm135.resilience;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A customer manager's steps up to the month-start analysis, as Tasklist submits them: in a first month
 * 补录上月客户直接需求 with no need added and 补做上月品牌分析目标 as proposed; then 确认客户直接需求 ticked. Its next
 * step is the asynchronous analysis (Task_AnalyseCustomers, asyncBefore): completing it leaves a job, not a task.
 */
final class FirstMonthSteps {

    private FirstMonthSteps() {
    }

    /** A first month: the two backfill steps, then 确认客户直接需求. */
    static void upToTheAnalysis(AppClient cm, String businessKey) {
        cm.submit(cm.task(businessKey, "Task_BackfillDemands").get("id").asText(),
                Map.of("newDemands", AppClient.jsonVariable("[]")));
        String brandTask = cm.task(businessKey, "Task_BackfillBrandTargets").get("id").asText();
        JsonNode proposed = cm.formVariables(brandTask).get("brandTargets").get("value");
        cm.submit(brandTask, Map.of("brandTargets", AppClient.jsonVariable(proposed.isTextual() ? proposed.asText()
                : proposed.toString())));
        confirmDemands(cm, businessKey);
    }

    /** 确认客户直接需求, the only step before the analysis in a month that is not the first. */
    static void confirmDemands(AppClient cm, String businessKey) {
        cm.submit(cm.task(businessKey, "Task_ConfirmDemands").get("id").asText(),
                Map.of("confirmDemands", AppClient.booleanVariable(true)));
    }
}
