package cn.cm135.planning.route;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * Hard: reach every retailer before it closes (penalised by the seconds late, so a day that cannot be made
 * on time is at least as little late as possible). Soft: the road distance of the tour.
 */
public class TourConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            factory.forEach(Tour.class).filter(t -> t.cost().lateSeconds() > 0)
                    .penalizeLong(HardSoftLongScore.ONE_HARD, t -> t.cost().lateSeconds())
                    .asConstraint("在营业结束前到达"),
            factory.forEach(Tour.class)
                    .penalizeLong(HardSoftLongScore.ONE_SOFT, t -> t.cost().metres())
                    .asConstraint("路程最短")
        };
    }
}
