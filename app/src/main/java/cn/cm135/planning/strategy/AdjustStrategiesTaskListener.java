package cn.cm135.planning.strategy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cm135.process.CycleVariables;
import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.StepTaskListener;

/**
 * User task "调整服务策略" (Task_AdjustStrategies). A customer manager with 300 retailers has 300 or more
 * strategies and changes a handful, so the form shows them as a paged, sortable table ({@code strategyRows},
 * task-local, read-only) and edits only the exceptions: {@code droppedStrategies} lists the dropped ones by
 * id with a reason (pre-filled with the drops kept from a rejected submission; removing a row restores the
 * strategy) and {@code manualStrategies} the additions. Both lists live on the process scope, where Tasklist
 * and the REST complete call write them back. On complete the drops, restores and additions are applied and
 * the plan is submitted (计划提交); any refusal leaves everything as it was. The lists are removed again.
 */
@Component
class AdjustStrategiesTaskListener extends StepTaskListener {

    static final String DROPPED = "droppedStrategies";
    static final String MANUAL = "manualStrategies";

    private final StrategyService strategies;
    private final ObjectMapper json;

    AdjustStrategiesTaskListener(StrategyService strategies, ObjectMapper json) {
        this.strategies = strategies;
        this.json = json;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        StrategyPlan plan = strategies.plan(customerManagerId, month);
        List<Strategy> list = strategies.strategies(customerManagerId, month);
        task.setName("调整服务策略（" + month + "）");
        Map<String, Object> shown = new HashMap<>(StrategyViews.counts(list));
        shown.put("customerCount", plan.getCustomers() == null ? 0L : plan.getCustomers().longValue());
        shown.put("strategiesRejectionReason",
                plan.approval().pendingRejectionReason());
        shown.put("strategyRows", SpinValues.jsonValue(write(list.stream().map(StrategyViews::row).toList())).create());
        shown.put("strategyOptions", SpinValues.jsonValue(write(list.stream().map(StrategyViews::option).toList())).create());
        task.setVariablesLocal(shown);
        task.getExecution().setVariable(DROPPED, SpinValues.jsonValue(write(list.stream()
                .filter(s -> s.status() == Strategy.Status.DROPPED).map(StrategyViews::dropped).toList())));
        task.getExecution().setVariable(MANUAL, SpinValues.jsonValue("[]"));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        String customerManagerId = CycleVariables.customerManagerId(task);
        YearMonth month = CycleVariables.period(task);
        applyDrops(customerManagerId, month, FormJson.array(task, DROPPED, json));
        addManual(customerManagerId, month, FormJson.array(task, MANUAL, json));
        strategies.submit(customerManagerId, month);
        task.getExecution().removeVariables(List.of(DROPPED, MANUAL));
    }

    /** The strategies listed are dropped (or get the new reason); dropped ones no longer listed are restored. */
    private void applyDrops(String customerManagerId, YearMonth month, JsonNode rows) {
        Map<Long, Strategy> current = strategies.strategies(customerManagerId, month).stream()
                .collect(Collectors.toMap(Strategy::id, Function.identity()));
        Map<Long, String> drops = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode row : rows) {
            n++;
            JsonNode idNode = row.get("id");
            String reason = FormJson.text(row, "dropReason");
            boolean noId = idNode == null || idNode.isNull() || idNode.asText().isBlank();
            if (noId && blank(reason)) {
                continue; // an empty row the form added and nobody filled
            }
            if (noId || !idNode.asText().strip().matches("\\d+")) {
                throw StrategyException.badInput(DROPPED, "删除策略第 " + n + " 行：请选择要删除的策略");
            }
            long id = Long.parseLong(idNode.asText().strip());
            if (!current.containsKey(id)) {
                throw StrategyException.missing("删除策略第 %d 行：%s 的 %s 月服务策略中没有编号为 %d 的策略"
                        .formatted(n, customerManagerId, month, id));
            }
            if (drops.put(id, reason) != null) {
                throw StrategyException.badInput(DROPPED, "删除策略第 " + n + " 行：策略编号 " + id + " 重复列出");
            }
        }
        for (Strategy strategy : current.values()) {
            String reason = drops.get(strategy.id());
            boolean dropped = strategy.status() == Strategy.Status.DROPPED;
            if (drops.containsKey(strategy.id()) && (!dropped || !same(reason, strategy.dropReason()))) {
                strategies.drop(customerManagerId, month, strategy.id(), reason);
            } else if (!drops.containsKey(strategy.id()) && dropped) {
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
            } catch (Refusal e) {
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
