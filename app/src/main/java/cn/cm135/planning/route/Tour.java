package cn.cm135.planning.route;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * The day's one vehicle: the customer manager's tour. A day has a few dozen stops, so the constraints
 * evaluate the whole tour per move (O(n)) instead of keeping arrival times as shadow variables.
 */
@PlanningEntity
class Tour {

    private TourLegs legs;

    @PlanningListVariable
    private List<TourStop> stops = new ArrayList<>();

    Tour() {
        // for Timefold's solution cloner
    }

    Tour(TourLegs legs) {
        this.legs = legs;
    }

    List<TourStop> stops() {
        return stops;
    }

    TourLegs.Cost cost() {
        return legs.cost(stops.stream().mapToInt(TourStop::index).toArray());
    }
}
