package cn.cm135.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Retailers of the demo city sit on their routes' streets, departments have depots, all from the seed. */
class CityMapTests {

    private static final GeneratorSettings DEMO = GeneratorSettings.forMonth(DatasetSize.DEMO, 135, YearMonth.of(2026, 11));

    @Test
    void everyRetailerLiesOnItsRoutesStreetWithinAFewJitters() {
        Organisation organisation = new Organisation(DEMO);
        List<RetailerProfile> retailers = new RetailerGenerator(DEMO, new SpecCatalog(DEMO)).generate(organisation.areas());
        CityMap map = new CityMap(DEMO);

        for (RetailerProfile r : retailers) {
            Row.Customer c = r.row();
            CityMap.Point p = new CityMap.Point(c.longitude().doubleValue(), c.latitude().doubleValue());
            double sigma = r.area().urban() ? 25 : 120;
            // Jitter is two independent normals of σ: off the line by more than 6σ has odds below 1e-7.
            assertThat(distanceToPolyline(p, map.street(r.area(), r.weekday()))).as(c.licenceNo()).isLessThan(6 * sigma);
            assertThat(c.longitude().scale()).isEqualTo(6);
            assertThat((c.opensAt() == null) == (c.closesAt() == null)).isTrue();
        }
        // Inside the city's extent: the farthest county town is 45 km out, its townships 18 km + 3 km + 12 km of road.
        assertThat(retailers).allSatisfy(r -> assertThat(CityMap.metres(
                new CityMap.Point(CityMap.CENTRE_LONGITUDE, CityMap.CENTRE_LATITUDE),
                new CityMap.Point(r.row().longitude().doubleValue(), r.row().latitude().doubleValue())))
                .isLessThan(80_000));
        assertThat(retailers.stream().filter(r -> r.row().closesAt() != null).count())
                .as("some retailers have known hours").isBetween(retailers.size() / 10L, retailers.size() / 2L);
    }

    @Test
    void departmentsHaveDepotsAndTheSameSeedPlacesEverythingAlike() {
        List<Row> rows = new java.util.ArrayList<>();
        new Organisation(DEMO).emit(rows::add);
        List<Row.Department> departments = rows.stream().filter(Row.Department.class::isInstance)
                .map(Row.Department.class::cast).toList();

        assertThat(departments).hasSize(2).allSatisfy(d -> {
            assertThat(d.depotLongitude()).isNotNull();
            assertThat(d.depotLatitude()).isNotNull();
        });
        assertThat(new CityMap(DEMO).depot(1)).isEqualTo(new CityMap(DEMO).depot(1));
        Organisation.AreaPlan area = new Organisation(DEMO).areas().get(3);
        assertThat(new CityMap(DEMO).place(area, 2, 17, "食杂店")).isEqualTo(new CityMap(DEMO).place(area, 2, 17, "食杂店"));
    }

    private static double distanceToPolyline(CityMap.Point p, CityMap.Point[] line) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 1 < line.length; i++) {
            best = Math.min(best, distanceToSegment(p, line[i], line[i + 1]));
        }
        return best;
    }

    // In a local metric plane around a (equirectangular), fine at city scale.
    private static double distanceToSegment(CityMap.Point p, CityMap.Point a, CityMap.Point b) {
        double k = 111_195.08 * Math.cos(Math.toRadians(a.latitude()));
        double bx = (b.longitude() - a.longitude()) * k;
        double by = (b.latitude() - a.latitude()) * 111_195.08;
        double px = (p.longitude() - a.longitude()) * k;
        double py = (p.latitude() - a.latitude()) * 111_195.08;
        double len2 = bx * bx + by * by;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / len2));
        return Math.hypot(px - t * bx, py - t * by);
    }
}
