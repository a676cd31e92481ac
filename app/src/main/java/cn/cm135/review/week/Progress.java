package cn.cm135.review.week;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Time and volume progress of a month (indicators.md, "Targets and progress"): time progress = elapsed working
 * days ÷ working days of the month, volume progress = volume ÷ volume target; the suggested status is 超前 when
 * volume progress ≥ time progress + 5 pp, 滞后 when it is < time progress − 5 pp, else 正常. The comparison is
 * exact (integers cross-multiplied), the stored progress rounded to 4 decimals.
 */
public record Progress(int elapsedWorkingDays, int workingDays, int volume, Integer volumeTarget) {

    public static final String AHEAD = "超前";
    public static final String ON_TRACK = "正常";
    public static final String BEHIND = "滞后";

    public BigDecimal timeProgress() {
        return workingDays == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(elapsedWorkingDays).divide(BigDecimal.valueOf(workingDays), 4, RoundingMode.HALF_UP);
    }

    /** Null without a (positive) volume target. */
    public BigDecimal volumeProgress() {
        return hasTarget() ? BigDecimal.valueOf(volume).divide(BigDecimal.valueOf(volumeTarget), 4, RoundingMode.HALF_UP)
                : null;
    }

    /** 超前 | 正常 | 滞后; null without a volume target. */
    public String suggestedStatus() {
        if (!hasTarget() || workingDays == 0) {
            return null;
        }
        // v/T ≥ e/W + 1/20  ⇔  20·v·W ≥ 20·e·T + W·T  (all positive); likewise for − 1/20.
        long left = 20L * volume * workingDays;
        long time = 20L * elapsedWorkingDays * volumeTarget;
        long margin = (long) workingDays * volumeTarget;
        if (left >= time + margin) {
            return AHEAD;
        }
        return left < time - margin ? BEHIND : ON_TRACK;
    }

    private boolean hasTarget() {
        return volumeTarget != null && volumeTarget > 0;
    }
}
