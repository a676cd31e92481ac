package cn.cm135.planning.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strategies as form variables: counts, the editable list, the summary per type. */
final class StrategyViews {

    private StrategyViews() {
    }

    /** strategyCount (not dropped), systemCount, manualCount, droppedCount. */
    static Map<String, Object> counts(List<Strategy> list) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("strategyCount", list.stream().filter(s -> s.status() != Strategy.Status.DROPPED).count());
        counts.put("systemCount", list.stream()
                .filter(s -> s.source() == Strategy.Source.SYSTEM && s.status() != Strategy.Status.DROPPED).count());
        counts.put("manualCount", list.stream()
                .filter(s -> s.source() == Strategy.Source.MANUAL && s.status() != Strategy.Status.DROPPED).count());
        counts.put("droppedCount", list.stream().filter(s -> s.status() == Strategy.Status.DROPPED).count());
        return counts;
    }

    /** One row of the adjust form's dynamic list. */
    static Map<String, Object> editable(Strategy s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.id());
        row.put("customer", s.licenceNo() + " " + s.customerName());
        row.put("type", s.strategyType());
        row.put("keyPoint", s.keyPoint());
        row.put("spec", s.specLabel());
        row.put("content", s.content());
        row.put("reason", s.source() == Strategy.Source.MANUAL ? "手工新增" : s.reason());
        row.put("drop", s.status() == Strategy.Status.DROPPED);
        row.put("dropReason", s.dropReason());
        return row;
    }

    /** Per strategy type: its key point and how many are kept (system, manual) and dropped. */
    static List<Map<String, Object>> summary(List<Strategy> list) {
        Map<String, long[]> byType = new LinkedHashMap<>();
        Map<String, String> keyPoints = new LinkedHashMap<>();
        list.stream().sorted(java.util.Comparator.comparing((Strategy s) -> keyPointOrder(s.keyPoint()))
                .thenComparing(Strategy::strategyType)).forEach(s -> {
                    long[] n = byType.computeIfAbsent(s.strategyType(), t -> new long[3]);
                    keyPoints.putIfAbsent(s.strategyType(), s.keyPoint());
                    if (s.status() == Strategy.Status.DROPPED) {
                        n[2]++;
                    } else if (s.source() == Strategy.Source.MANUAL) {
                        n[1]++;
                    } else {
                        n[0]++;
                    }
                });
        List<Map<String, Object>> rows = new ArrayList<>();
        byType.forEach((type, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", type);
            row.put("keyPoint", keyPoints.get(type));
            row.put("system", n[0]);
            row.put("manual", n[1]);
            row.put("dropped", n[2]);
            rows.add(row);
        });
        return rows;
    }

    /** What the customer manager changed: manual additions and drops, with their content or reason. */
    static List<Map<String, Object>> adjustments(List<Strategy> list) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Strategy s : list) {
            if (s.status() != Strategy.Status.DROPPED && s.source() != Strategy.Source.MANUAL) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", s.licenceNo() + " " + s.customerName());
            row.put("type", s.strategyType());
            row.put("spec", s.specLabel());
            row.put("change", s.status() == Strategy.Status.DROPPED ? "删除" : "手工新增");
            row.put("note", s.status() == Strategy.Status.DROPPED ? s.dropReason() : s.content());
            rows.add(row);
        }
        return rows;
    }

    private static int keyPointOrder(String keyPoint) {
        return switch (keyPoint) {
            case "客户" -> 1;
            case "品牌" -> 2;
            default -> 3;
        };
    }
}
