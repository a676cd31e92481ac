package cn.cm135.report;

import java.util.List;

/**
 * The notes under the brand and market reports: each area's 分析结论 as the customer manager wrote it,
 * and whether the analysis is confirmed (已确定, locked). The query selects area name, conclusions, locked.
 */
final class AreaConclusions {

    private AreaConclusions() {
    }

    static List<ReportNote> of(ReportSql sql, String query, ReportRequest request) {
        return sql.query(query, request, (rs, i) -> {
            String conclusions = rs.getString(2);
            String state = rs.getBoolean(3) ? "（已确定）" : "（未确定）";
            return new ReportNote(rs.getString(1) + " 分析结论" + state,
                    conclusions == null || conclusions.isBlank() ? "尚未填写" : conclusions);
        });
    }
}
