package cn.cm135.planning.strategy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.cycle.CycleVariables;

/**
 * User task "调整服务策略" (Task_AdjustStrategies). On create it shows the month's strategies: counts and the
 * market manager's reason if the last submission was rejected as task-local variables, and the editable list
 * {@code strategies} (drop checkbox and reason per row) plus an empty {@code manualStrategies} on the process
 * scope. On complete it applies the drops, un-drops and manual additions, then submits the plan (计划提交);
 * any refusal leaves everything as it was. The two lists are removed again, so they don't stay in the process.
 */
@Component
class AdjustStrategiesTaskListener implements TaskListener {

    static final String STRATEGIES = "strategies";
    static final String MANUAL = "manualStrategies";

    private final StrategyService strategies;
    private final ObjectMapper json;

    AdjustStrategiesTaskListener(StrategyService strategies, ObjectMapper json) {
        this.strategies = strategies;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            StrategyPlan plan = strategies.plan(customerManagerId, month);
            List<Strategy> list = strategies.strategies(customerManagerId, month);
            task.setName("调整服务策略（" + month + "）");
            Map<String, Object> shown = new HashMap<>(StrategyViews.counts(list));
            shown.put("customerCount", plan.getCustomers() == null ? 0L : plan.getCustomers().longValue());
            shown.put("strategiesRejectionReason",
                    plan.getStatus() == StrategyPlanStatus.REJECTED ? plan.getRejectionReason() : null);
            task.setVariablesLocal(shown);
            // Editable lists on the process scope: Tasklist and the REST complete call both write them back there.
            task.getExecution().setVariable(STRATEGIES, SpinValues.jsonValue(write(list.stream().map(StrategyViews::editable).toList())));
            task.getExecution().setVariable(MANUAL, SpinValues.jsonValue("[]"));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            applyDrops(customerManagerId, month, FormJson.array(task, STRATEGIES, json));
            addManual(customerManagerId, month, FormJson.array(task, MANUAL, json));
            strategies.submit(customerManagerId, month);
            task.getExecution().removeVariables(List.of(STRATEGIES, MANUAL));
        }
    }

    private void applyDrops(String customerManagerId, YearMonth month, JsonNode rows) {
        Map<Long, Strategy> current = strategies.strategies(customerManagerId, month).stream()
                .collect(Collectors.toMap(Strategy::id, Function.identity()));
        for (JsonNode row : rows) {
            JsonNode idNode = row.get("id");
            if (idNode == null || !idNode.canConvertToLong()) {
                throw StrategyException.badInput(STRATEGIES, "策略列表中的每一行都应带有策略编号 id");
            }
            Strategy strategy = current.get(idNode.asLong());
            if (strategy == null) {
                throw StrategyException.missing("%s 的 %s 月服务策略中没有编号为 %d 的策略"
                        .formatted(customerManagerId, month, idNode.asLong()));
            }
            boolean drop = FormJson.flag(row, "drop");
            String reason = FormJson.text(row, "dropReason");
            if (drop && (strategy.status() != Strategy.Status.DROPPED || !same(reason, strategy.dropReason()))) {
                strategies.drop(customerManagerId, month, strategy.id(), reason);
            } else if (!drop && strategy.status() == Strategy.Status.DROPPED) {
                strategies.restore(customerManagerId, month, strategy.id());
            }
        }
    }

    private void addManual(String customerManagerId, YearMonth month, JsonNode rows) {
        int n = 0;
        for (JsonNode row : rows) {
            n++;
            ManualStrategy input = new ManualStrategy(FormJson.text(row, "licenceNo"), FormJson.text(row, "strategyType"),
                    FormJson.text(row, "content"), FormJson.text(row, "specCode"), FormJson.text(row, "keyPoint"));
            if (blank(input.licenceNo()) && blank(input.strategyType()) && blank(input.content())) {
                continue; // an empty row the form added and nobody filled
            }
            try {
                strategies.addManual(customerManagerId, month, input);
            } catch (StrategyException e) {
                throw new StrategyException(e.kind(), e.field(), "新增策略第 " + n + " 行：" + e.getMessage());
            }
        }
    }

    private static boolean same(String a, String b) {
        return (a == null ? "" : a.strip()).equals(b == null ? "" : b.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
