package cn.cm135.review.week;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A 周工作小结 (step 15): the month-to-date figures as of {@code asOf} against the month's targets, the
 * suggested status, and the customer manager's judgement and words once {@code status} is DONE.
 */
public record WeekSummary(String customerManagerId, String period, LocalDate weekStart, LocalDate firstDay,
        LocalDate lastDay, LocalDate asOf, int volume, BigDecimal amount, Integer volumeTarget, BigDecimal unitValue,
        BigDecimal unitValueTarget, BigDecimal keyBrandGrowth, BigDecimal keyBrandGrowthTarget, int elapsedWorkingDays,
        int workingDays, BigDecimal timeProgress, BigDecimal volumeProgress, String suggestedStatus,
        String judgedStatus, String rationality, String effectiveness, String status, String summarizedBy,
        LocalDateTime summarizedAt) {

    public boolean done() {
        return "DONE".equals(status);
    }
}
