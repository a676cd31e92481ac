package cn.cm135.planning.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Small days whose best order is known by hand. All points lie on the meridian 116° E, the depot at 39° N;
 * 0.01° of latitude is 1,445.536 m by road (RoadDistanceTests), so a tour is 144,553.60 m per degree it covers.
 * Speed 25 km/h, 10 minutes per retailer, leaving at 09:00 (the defaults).
 */
class DayRouteServiceTests {

    private static final GeoPoint DEPOT = new GeoPoint(116, 39);
    private final DayRouteService routes = new DayRouteService(RouteProperties.defaults());

    private static RouteStop at(long id, double latitude) {
        return new RouteStop(id, new GeoPoint(116, latitude), null, null);
    }

    @Test
    void pointsOnALineVisitedOutOfOrderAreVisitedOutAndBack() {
        // Default order 3 6 1 5 2 4 (hundredths north of the depot) and back: 3+3+5+4+3+2+4 = 24 hundredths = 34,692.87 m.
        // Best: out to 6 and back, 12 hundredths = 17,346.43 m; travel 17,346.43 m × 3.6 / 25 = 2,498 s ≈ 42 min (83 before).
        List<RouteStop> day = List.of(at(3, 39.03), at(6, 39.06), at(1, 39.01), at(5, 39.05), at(2, 39.02), at(4, 39.04));

        DayRoute route = routes.plan(DEPOT, day);

        assertThat(route.optimised()).isTrue();
        assertThat(route.defaultMetres()).isEqualTo(34_693);
        assertThat(route.defaultMinutes()).isEqualTo(83);
        assertThat(route.optimisedMetres()).isEqualTo(17_346);
        assertThat(route.optimisedMinutes()).isEqualTo(42);
        // Many orders are that short (out to 6 visiting some, back visiting the rest); each is a permutation.
        assertThat(route.order()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(route.savedMetres()).isEqualTo(17_347);
        assertThat(route.summary()).isEqualTo("优化后 17.3 公里 / 约 42 分钟，比默认顺序少 17.3 公里（50%）");
    }

    @Test
    void aRetailerClosingEarlyIsVisitedFirstAtTheShortestDistanceThatAllows() {
        // A, B, C at 1, 2, 3 hundredths; B closes at 09:10. A first reaches B at 09:16:56 (208 s + 10 min + 208 s): late.
        // B first (416 s → 09:06:56), then C, then A and home: 2+1+2+1 = 6 hundredths = 8,673.22 m, as short as A B C.
        RouteStop b = new RouteStop(2, new GeoPoint(116, 39.02), LocalTime.of(8, 0), LocalTime.of(9, 10));
        List<RouteStop> day = List.of(at(1, 39.01), b, at(3, 39.03));

        DayRoute route = routes.plan(DEPOT, day);

        assertThat(route.order()).containsExactly(2L, 3L, 1L);
        assertThat(route.optimisedMetres()).isEqualTo(8_673);
        assertThat(route.defaultMetres()).isEqualTo(8_673);
        assertThat(route.lateCustomers()).isZero();
        assertThat(route.summary()).isEqualTo("优化后 8.7 公里 / 约 21 分钟，与默认顺序相同");
    }

    @Test
    void aRetailerOpeningLateIsWaitedFor() {
        // One retailer opening at 10:00, 1 hundredth away: the tour is 2 hundredths whatever the wait (2,891.07 m, 7 min).
        RouteStop late = new RouteStop(9, new GeoPoint(116, 39.01), LocalTime.of(10, 0), LocalTime.of(12, 0));

        DayRoute route = routes.plan(DEPOT, List.of(late));

        assertThat(route.order()).containsExactly(9L);
        assertThat(route.optimisedMetres()).isEqualTo(2_891);
        assertThat(route.optimisedMinutes()).isEqualTo(7);
        assertThat(route.lateCustomers()).isZero();
    }

    @Test
    void withoutCoordinatesTheDefaultOrderIsKeptAndTheReasonGiven() {
        List<RouteStop> day = List.of(at(3, 39.03), new RouteStop(7, null, null, null), at(1, 39.01));

        DayRoute route = routes.plan(DEPOT, day);

        assertThat(route.optimised()).isFalse();
        assertThat(route.order()).containsExactly(3L, 7L, 1L);
        assertThat(route.defaultMetres()).isNull();
        assertThat(route.summary()).isEqualTo("部分零售户没有经纬度，保持线路默认顺序（1 户缺经纬度）");
    }

    @Test
    void withoutADepotTheCentreOfTheDayStandsInAndTheFormSaysSo() {
        // Centre of 39.01 and 39.03 is 39.02: out 1, across 2, back 1 hundredth = 4 hundredths = 5,782.14 m.
        DayRoute route = routes.plan(null, List.of(at(1, 39.01), at(3, 39.03)));

        assertThat(route.optimisedMetres()).isEqualTo(5_782);
        assertThat(route.summary()).endsWith("；市场部未设出发点，按当天客户的中心点计算");
    }
}
