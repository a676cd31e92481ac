package cn.cm135.review.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ● ad-hoc tasks as rows of a form table (the review and the marking form show them alike). */
public final class MarkRows {

    private MarkRows() {
    }

    public static List<Map<String, Object>> adHocRows(List<AdHocTask> tasks) {
        return tasks.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mark", "●");
            row.put("doneOn", t.doneOn().toString());
            row.put("customer", t.customerName());
            row.put("description", t.description());
            return row;
        }).toList();
    }
}
