package cn.cm135.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ProgressBarTests {

    @Test
    void cellsRoundToTheNearestTwentiethAndTheFigureToOneDecimal() {
        // 0.3636 × 20 = 7.27 → 7 cells; 36.36 % → 36.4 %.
        assertThat(ProgressBar.of(new BigDecimal("0.3636"))).isEqualTo("▓".repeat(7) + "░".repeat(13) + " 36.4%");
        // 5 of 8 = 0.625 × 20 = 12.5 → 13 cells.
        assertThat(ProgressBar.of(5, 8)).isEqualTo("▓".repeat(13) + "░".repeat(7) + " 62.5%");
        assertThat(ProgressBar.of(BigDecimal.ZERO)).isEqualTo("░".repeat(20) + " 0.0%");
    }

    @Test
    void beyondTheTargetTheBarIsFullAndTheFigureSaysHowFar() {
        assertThat(ProgressBar.of(new BigDecimal("1.25"))).isEqualTo("▓".repeat(20) + " 125.0%");
    }

    @Test
    void nothingToMeasureAgainstIsADash() {
        assertThat(ProgressBar.of(null)).isEqualTo("—");
        assertThat(ProgressBar.of(3, 0)).isEqualTo("—");
        assertThat(ProgressBar.of(3, null)).isEqualTo("—");
    }
}
