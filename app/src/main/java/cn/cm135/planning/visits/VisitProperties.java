package cn.cm135.planning.visits;

import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cm135.visits}: the visit-frequency rule of indicators.md and the month's capacity.
 *
 * @param bands             grade bands, highest first: a customer of grade g gets the frequency of the first
 *                          band with {@code minGrade ≤ g}; the last band must start at grade 1
 * @param noGradeFrequency  visits a month of a customer without any grade
 * @param strategyRaise     added when the customer has a 经营分析指导 or brand strategy in the month
 * @param maxFrequency      the most visits a customer manager may plan for one customer in a month
 * @param maxPerWorkingDay  visits one customer manager can make on a working day
 */
@ConfigurationProperties("cm135.visits")
record VisitProperties(List<Band> bands, int noGradeFrequency, int strategyRaise, int maxFrequency,
        int maxPerWorkingDay) {

    /** Grades from {@code minGrade} up to the next band's are visited {@code frequency} times a month. */
    record Band(int minGrade, int frequency) {
    }

    VisitProperties {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("cm135.visits.bands must list at least one band");
        }
        bands = List.copyOf(bands);
        if (!bands.equals(bands.stream().sorted(Comparator.comparingInt(Band::minGrade).reversed()).distinct().toList())) {
            throw new IllegalArgumentException("cm135.visits.bands must be listed highest min-grade first, each once: " + bands);
        }
        if (bands.get(0).minGrade() > 30 || bands.get(bands.size() - 1).minGrade() != 1) {
            throw new IllegalArgumentException("cm135.visits.bands must start within 1-30 and the last at grade 1: " + bands);
        }
        if (maxFrequency < 1 || maxPerWorkingDay < 1 || strategyRaise < 0 || noGradeFrequency < 0
                || bands.stream().anyMatch(b -> b.frequency() < 0 || b.frequency() + strategyRaise > maxFrequency)
                || noGradeFrequency + strategyRaise > maxFrequency) {
            throw new IllegalArgumentException("cm135.visits: frequencies 0 to max-frequency (with the raise), "
                    + "max-frequency and max-per-working-day at least 1");
        }
    }

    /** The rule in words, e.g. "档位 25–30 → 4 次，15–24 → 2 次，1–14 → 1 次，无档位 → 1 次；有经营分析指导或品牌策略 +1". */
    String ruleText() {
        StringBuilder text = new StringBuilder("档位 ");
        int upper = 30;
        for (Band band : bands) {
            text.append(band.minGrade() == upper ? Integer.toString(upper) : band.minGrade() + "–" + upper)
                    .append(" → ").append(band.frequency()).append(" 次，");
            upper = band.minGrade() - 1;
        }
        return text.append("无档位 → ").append(noGradeFrequency).append(" 次；有经营分析指导或品牌策略 +")
                .append(strategyRaise).toString();
    }

    /** The frequency the bands give a grade; null grade → {@code noGradeFrequency}. */
    int frequency(Integer grade) {
        if (grade != null) {
            for (Band band : bands) {
                if (grade >= band.minGrade()) {
                    return band.frequency();
                }
            }
        }
        return noGradeFrequency;
    }
}
