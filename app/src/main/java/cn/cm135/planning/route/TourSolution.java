package cn.cm135.planning.route;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** One day for the solver: the tour and the stops it must visit. */
@PlanningSolution
class TourSolution {

    @PlanningEntityCollectionProperty
    private List<Tour> tours;

    @ValueRangeProvider
    private List<TourStop> stops;

    @PlanningScore
    private HardSoftLongScore score;

    TourSolution() {
        // for Timefold's solution cloner
    }

    TourSolution(Tour tour, List<TourStop> stops) {
        this.tours = List.of(tour);
        this.stops = stops;
    }

    Tour tour() {
        return tours.get(0);
    }

    HardSoftLongScore score() {
        return score;
    }
}
