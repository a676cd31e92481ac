package cn.cm135.review.month;

import java.time.LocalDateTime;

/** A 月度工作总结: the month's facts, the customer manager's review once {@code status} is DONE. */
public record MonthSummary(String customerManagerId, String period, MonthFacts facts, MonthReview review,
        String status, String summarizedBy, LocalDateTime summarizedAt) {

    public boolean done() {
        return "DONE".equals(status);
    }
}
