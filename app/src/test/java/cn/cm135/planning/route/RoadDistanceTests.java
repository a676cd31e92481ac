package cn.cm135.planning.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoadDistanceTests {

    @Test
    void oneDegreeOfLatitudeIsTheEarthRadiusInRadiansTimesTheDetourFactor() {
        // 6,371,008.8 m × π/180 = 111,195.08 m along a meridian; × 1.3 = 144,553.60 m.
        assertThat(RoadDistance.metres(new GeoPoint(116, 39), new GeoPoint(116, 40))).isCloseTo(144_553.60, within(0.01));
    }

    @Test
    void oneDegreeOfLongitudeShrinksWithTheCosineOfTheLatitude() {
        // At 40° N: 2R·asin(cos 40° · sin 0.5°) = 85,180.0 m (≈ 111,195.08 × cos 40° = 85,180.1); × 1.3 = 110,733.90 m.
        assertThat(RoadDistance.metres(new GeoPoint(116, 40), new GeoPoint(117, 40))).isCloseTo(110_733.90, within(0.01));
    }

    @Test
    void aHundredthOfADegreeIsAboutOneAndAHalfKilometresByRoad() {
        // 111,195.08 / 100 × 1.3 = 1,445.54 m; symmetric, and zero to itself.
        GeoPoint a = new GeoPoint(104.06, 30.67);
        GeoPoint b = new GeoPoint(104.06, 30.68);
        assertThat(RoadDistance.metres(a, b)).isCloseTo(1_445.54, within(0.01));
        assertThat(RoadDistance.metres(b, a)).isEqualTo(RoadDistance.metres(a, b));
        assertThat(RoadDistance.metres(a, a)).isZero();
    }
}
