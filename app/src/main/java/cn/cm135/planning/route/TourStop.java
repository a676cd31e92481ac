package cn.cm135.planning.route;

/** A planning value of the tour: one stop, by its 1-based index in {@link TourLegs}. */
final class TourStop {

    private final int index;

    TourStop(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return "stop " + index;
    }
}
