package cn.cm135.planning.workplan;

import org.springframework.stereotype.Component;

import cn.cm135.planning.visits.VisitProperties;

/**
 * The work plan's three grade bands (top, middle, base: its columns, the forms' rows) as the configured grade
 * rule {@code cm135.visits.bands} defines them, so that the plan counts, proposes and names the bands the visit
 * plan uses. A rule of another number of bands doesn't fit the plan's three columns, so it stops the start.
 */
@Component
class WorkPlanBands {

    static final int TOP = 0;
    static final int MIDDLE = 1;
    static final int BASE = 2;

    private final VisitProperties rule;

    WorkPlanBands(VisitProperties rule) {
        if (rule.bands().size() != 3) {
            throw new IllegalArgumentException("cm135.visits.bands: the monthly work plan has three grade bands "
                    + "(top, middle, base), the rule lists " + rule.bands().size() + ": " + rule.bands());
        }
        this.rule = rule;
    }

    VisitProperties rule() {
        return rule;
    }

    /** e.g. "25–30 档". */
    String label(int band) {
        return rule.label(band);
    }

    /** Visits a month of a graded customer of the band. */
    int frequency(int band) {
        return rule.bands().get(band).frequency();
    }
}
