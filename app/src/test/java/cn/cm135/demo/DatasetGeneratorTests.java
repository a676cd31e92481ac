package cn.cm135.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** Same seed and month, same data; another seed, other data. Plain unit test, no Spring. */
class DatasetGeneratorTests {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    @Test
    void sameSeedAndMonthGiveTheSameRows() {
        String first = hash(GeneratorSettings.forMonth(DatasetSize.DEMO, 135, MONTH));
        String second = hash(GeneratorSettings.forMonth(DatasetSize.DEMO, 135, MONTH));
        String otherSeed = hash(GeneratorSettings.forMonth(DatasetSize.DEMO, 136, MONTH));

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void aLaterMonthGivesOtherRows() {
        assertThat(hash(GeneratorSettings.forMonth(DatasetSize.TINY, 135, MONTH.plusMonths(1))))
                .isNotEqualTo(hash(GeneratorSettings.forMonth(DatasetSize.TINY, 135, MONTH)));
    }

    private static String hash(GeneratorSettings settings) {
        HashingSink sink = new HashingSink();
        new DatasetGenerator(settings).generate(sink);
        return sink.hash();
    }
}
