package cn.cm135.planning.visits;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A customer manager's visit plan of a month as the form and the REST API show it.
 *
 * @param status      DRAFT or CONFIRMED (确定后不能修改)
 * @param statusLabel 草稿 or 已确定
 * @param customers   by route, then licence number
 * @param negotiatedQuantities by customer (same order), then spec code
 */
public record VisitPlanView(String customerManagerId, String month, String status, String statusLabel,
        LocalDateTime proposedAt, LocalDateTime confirmedAt, String confirmedBy, VisitCapacity capacity,
        List<PlannedVisit> customers, List<NegotiatedQuantityRow> negotiatedQuantities) {
}
