package cn.cm135.review.week;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress rule of indicators.md "Targets and progress", on hand-computed figures. */
class ProgressTests {

    @Test
    void fortyPercentOfTheVolumeAfterEightOfTwentyTwoWorkingDaysIsOnTrack() {
        // time 8 / 22 = 0.363636… → 36.36 %; volume 400 / 1000 = 40 %; 40 < 36.36 + 5 = 41.36 and ≥ 31.36 → 正常
        Progress p = new Progress(8, 22, 400, 1000);
        assertThat(p.timeProgress()).isEqualByComparingTo("0.3636");
        assertThat(p.volumeProgress()).isEqualByComparingTo("0.4000");
        assertThat(p.suggestedStatus()).isEqualTo("正常");
    }

    @Test
    void fivePointsAheadIsAheadAndMoreThanFivePointsBehindIsBehind() {
        // 460 / 1000 = 46 % ≥ 41.36 % → 超前; 300 / 1000 = 30 % < 31.36 % → 滞后; 314 → 31.4 % ≥ 31.36 % → 正常
        assertThat(new Progress(8, 22, 460, 1000).suggestedStatus()).isEqualTo("超前");
        assertThat(new Progress(8, 22, 300, 1000).suggestedStatus()).isEqualTo("滞后");
        assertThat(new Progress(8, 22, 314, 1000).suggestedStatus()).isEqualTo("正常");
        // Exactly on the edges (10 of 20 days = 50 %): 550 → 55 % = 50 + 5 → 超前; 450 → 45 % = 50 − 5 → 正常; 449 → 滞后
        assertThat(new Progress(10, 20, 550, 1000).suggestedStatus()).isEqualTo("超前");
        assertThat(new Progress(10, 20, 549, 1000).suggestedStatus()).isEqualTo("正常");
        assertThat(new Progress(10, 20, 450, 1000).suggestedStatus()).isEqualTo("正常");
        assertThat(new Progress(10, 20, 449, 1000).suggestedStatus()).isEqualTo("滞后");
    }

    @Test
    void withoutAVolumeTargetThereIsNoVolumeProgressAndNoSuggestion() {
        Progress p = new Progress(8, 22, 400, null);
        assertThat(p.volumeProgress()).isNull();
        assertThat(p.suggestedStatus()).isNull();
        assertThat(new Progress(8, 22, 400, 0).suggestedStatus()).isNull();
    }
}
