package cn.cm135.planning.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strategies as form variables: counts, the table, the drop choices, the summary per type. */
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

    /**
     * One row of the adjust form's read-only table: five columns, so a row fits the Tasklist form at 1440 px
     * (what / why and what to do / status read as sentences, not as eight narrow columns).
     */
    static Map<String, Object> row(Strategy s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.id());
        row.put("customer", s.licenceNo() + " " + s.customerName());
        row.put("strategy", s.keyPoint() + " · " + s.strategyType() + (blank(s.specLabel()) ? "" : " · " + s.specLabel()));
        row.put("detail", (s.source() == Strategy.Source.MANUAL ? "手工新增" : s.reason()) + " → " + s.content());
        row.put("status", s.status() == Strategy.Status.DROPPED ? "已删除：" + s.dropReason() : "有效");
        return row;
    }

    /** A choice in the adjust form's searchable "which strategy to drop" select; the value is the id as text. */
    static Map<String, Object> option(Strategy s) {
        return Map.of("value", String.valueOf(s.id()), "label", "%d · %s %s · %s%s".formatted(s.id(), s.licenceNo(),
                s.customerName(), s.strategyType(), blank(s.specLabel()) ? "" : " · " + s.specLabel()));
    }

    /** A row of the adjust form's list of dropped strategies. */
    static Map<String, Object> dropped(Strategy s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(s.id()));
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
