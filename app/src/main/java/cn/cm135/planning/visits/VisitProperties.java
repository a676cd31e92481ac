package cn.cm135.planning.visits;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cm135.visits}: the visit-frequency rule of indicators.md and the month's capacity. The one place the
 * grade rule is read: the visit plan, the target forecast (step 1) and the work plan (step 10) take the
 * frequencies, the SQL CASE and the band labels from here, so the company changes the rule in
 * application.yaml alone.
 *
 * @param bands             grade bands, highest first: a customer of grade g gets the frequency of the first
 *                          band with {@code minGrade ≤ g}; the last band must start at grade 1
 * @param noGradeFrequency  visits a month of a customer without any grade
 * @param strategyRaise     added when the customer has a 经营分析指导 or brand strategy in the month
 * @param maxFrequency      the most visits a customer manager may plan for one customer in a month
 * @param maxPerWorkingDay  visits one customer manager can make on a working day
 */
@ConfigurationProperties("cm135.visits")
public record VisitProperties(List<Band> bands, int noGradeFrequency, int strategyRaise, int maxFrequency,
        int maxPerWorkingDay) {

    /** Grades from {@code minGrade} up to the next band's are visited {@code frequency} times a month. */
    public record Band(int minGrade, int frequency) {
    }

    /** The highest grade there is (档位 1–30, indicators.md "Customer grade"). */
    static final int TOP_GRADE = 30;

    public VisitProperties {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("cm135.visits.bands must list at least one band");
        }
        bands = List.copyOf(bands);
        if (!bands.equals(bands.stream().sorted(Comparator.comparingInt(Band::minGrade).reversed()).distinct().toList())) {
            throw new IllegalArgumentException("cm135.visits.bands must be listed highest min-grade first, each once: " + bands);
        }
        if (bands.get(0).minGrade() > TOP_GRADE || bands.get(bands.size() - 1).minGrade() != 1) {
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
    public String ruleText() {
        return gradeRuleText() + "；有经营分析指导或品牌策略 +" + strategyRaise;
    }

    /** The grade bands alone (the target forecast's and the work plan's rule): "档位 25–30 → 4 次，…，无档位 → 1 次". */
    public String gradeRuleText() {
        StringBuilder text = new StringBuilder("档位 ");
        for (int i = 0; i < bands.size(); i++) {
            text.append(range(i)).append(" → ").append(bands.get(i).frequency()).append(" 次，");
        }
        return text.append("无档位 → ").append(noGradeFrequency).append(" 次").toString();
    }

    /** The grades of band {@code index} (0 = highest), e.g. "25–30", or "30" for a band of one grade. */
    public String range(int index) {
        int lower = bands.get(index).minGrade();
        int upper = index == 0 ? TOP_GRADE : bands.get(index - 1).minGrade() - 1;
        return lower == upper ? Integer.toString(upper) : lower + "–" + upper;
    }

    /** The label of band {@code index} (0 = highest) a manager reads, e.g. "25–30 档". */
    public String label(int index) {
        return range(index) + " 档";
    }

    /** The frequency the bands give a grade; null grade → {@code noGradeFrequency}. */
    public int frequency(Integer grade) {
        if (grade != null) {
            for (Band band : bands) {
                if (grade >= band.minGrade()) {
                    return band.frequency();
                }
            }
        }
        return noGradeFrequency;
    }

    /**
     * {@link #frequency(Integer)} as a SQL CASE on the expression {@code grade}. The numbers are inlined: they
     * are integers from the validated configuration, and PostgreSQL can't type a CASE whose every branch is a
     * bind parameter.
     */
    public String frequencySql(String grade) {
        return bands.stream()
                .map(b -> "when " + grade + " >= " + b.minGrade() + " then " + b.frequency())
                .collect(Collectors.joining(" ", "(case ", " else " + noGradeFrequency + " end)"));
    }

    /**
     * The band of the expression {@code grade} as a SQL CASE giving its index (0 = highest); a customer
     * without a grade is counted in the last band, the one visited least.
     */
    public String bandSql(String grade) {
        if (bands.size() == 1) {
            return "0";
        }
        return IntStream.range(0, bands.size() - 1)
                .mapToObj(i -> "when " + grade + " >= " + bands.get(i).minGrade() + " then " + i)
                .collect(Collectors.joining(" ", "(case ", " else " + (bands.size() - 1) + " end)"));
    }
}
