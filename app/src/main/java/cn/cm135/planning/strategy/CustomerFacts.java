package cn.cm135.planning.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the strategy table knows about one retail customer, gathered set-based by {@link StrategyInputs}:
 * the customer analysis of the analysed month, open needs, order weeks, and the spec-level facts
 * (brand targets, key-spec stock counts, observed prices) reduced to per-customer aggregates that name
 * their worst spec. {@link #variables(StrategyMonth)} turns them into the DMN's variables.
 */
final class CustomerFacts {

    /** One spec with the number that matters for it and the date it was seen. */
    record SpecFact(String code, String name, BigDecimal value, LocalDate seenOn) {

        String label() {
            return name + "（" + code + "）";
        }
    }

    final long customerId;
    final String licenceNo;
    final String name;
    final LocalDate openedOn;
    final String personalisedService;

    // customer_month_result of the analysed month; null when the customer was not analysed
    Boolean warning;
    String capabilityLevel;
    BigDecimal capabilityScore;
    Integer volume;
    BigDecimal momIndex;
    BigDecimal peerMomIndex;
    Integer stock;
    BigDecimal weeksOfStock;

    final Map<String, Integer> openNeedsByType = new TreeMap<>();
    int weeksOrdered;
    /** Target specs of the plan month with the quantity ordered in it so far (value = 条). */
    final List<SpecFact> targetSpecs = new ArrayList<>();
    /** Key specs ordered in the last 3 months, with their latest count in those months (value = 条). */
    final List<SpecFact> keySpecCounts = new ArrayList<>();
    /** Specs with a retail price observed in the analysed month: latest price (value = 元/条) and guide price. */
    final List<SpecFact> observedPrices = new ArrayList<>();
    final Map<String, BigDecimal> guidePrices = new HashMap<>();

    CustomerFacts(long customerId, String licenceNo, String name, LocalDate openedOn, String personalisedService) {
        this.customerId = customerId;
        this.licenceNo = licenceNo;
        this.name = name;
        this.openedOn = openedOn;
        this.personalisedService = personalisedService == null || personalisedService.isBlank() ? null
                : personalisedService.strip();
    }

    /** The DMN inputs (named as the table's input expressions) plus the values its reason texts quote. */
    Map<String, Object> variables(StrategyMonth month) {
        Map<String, Object> v = new HashMap<>();
        v.put("licenceNo", licenceNo);
        v.put("customerName", name);

        v.put("warning", warning);
        v.put("volume", volume);
        v.put("momIndex", plain(momIndex));
        v.put("peerMomIndex", plain(peerMomIndex));
        v.put("capabilityLevel", capabilityLevel);
        v.put("capabilityScore", capabilityScore);

        int openNeeds = openNeedsByType.values().stream().mapToInt(Integer::intValue).sum();
        v.put("openNeeds", openNeeds);
        v.put("openNeedTypes", openNeedsByType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " 条")
                .collect(Collectors.joining("、")));

        v.put("weeksOrdered", weeksOrdered);
        v.put("weeksFrom", month.weekStart(StrategyMonth.WEEKS - 1).toString());
        v.put("weeksTo", month.lastDay().toString());

        // Whole months from opening to the analysed month's last day, as the customer analysis counts
        // new customers (opened after last day − n months); a customer opened later counts 0 months.
        v.put("monthsOpen", openedOn == null ? null
                : (int) Math.max(0, ChronoUnit.MONTHS.between(openedOn, month.lastDay())));
        v.put("openedOn", openedOn == null ? null : openedOn.toString());
        v.put("personalisedService", personalisedService);

        List<SpecFact> unordered = targetSpecs.stream().filter(s -> s.value().signum() <= 0)
                .sorted(Comparator.comparing(SpecFact::code)).toList();
        v.put("unorderedTargetSpecs", unordered.size());
        v.put("targetSpecCode", unordered.isEmpty() ? null : unordered.get(0).code());
        v.put("targetSpecNames", unordered.stream().map(SpecFact::label).collect(Collectors.joining("、")));

        putLowestKeySpecCount(v);
        putWorstPrice(v);

        v.put("stock", stock);
        v.put("weeksOfStock", plain(weeksOfStock));
        return v;
    }

    /** keySpecMinInventory = the lowest latest count among key specs ordered in 3 months; the specs at it. */
    private void putLowestKeySpecCount(Map<String, Object> v) {
        BigDecimal lowest = keySpecCounts.stream().map(SpecFact::value).min(Comparator.naturalOrder()).orElse(null);
        List<SpecFact> atLowest = keySpecCounts.stream().filter(s -> s.value().compareTo(lowest) == 0)
                .sorted(Comparator.comparing(SpecFact::code)).toList();
        v.put("keySpecMinInventory", lowest == null ? null : lowest.intValueExact());
        v.put("stockSpecCode", atLowest.isEmpty() ? null : atLowest.get(0).code());
        v.put("stockSpecNames", atLowest.stream().map(s -> s.name() + "（" + s.code() + "，" + s.seenOn() + " 盘点）")
                .collect(Collectors.joining("、")));
    }

    /**
     * priceDeviationPct = (latest observed price ÷ guide price − 1) × 100, 2 decimals half-up, of the spec
     * that deviates most (ties: lowest spec code); null when no price was observed in the month.
     */
    private void putWorstPrice(Map<String, Object> v) {
        SpecFact worst = null;
        BigDecimal worstPct = null;
        for (SpecFact price : observedPrices.stream().sorted(Comparator.comparing(SpecFact::code)).toList()) {
            BigDecimal pct = deviationPct(price.value(), guidePrices.get(price.code()));
            if (worstPct == null || pct.abs().compareTo(worstPct.abs()) > 0) {
                worst = price;
                worstPct = pct;
            }
        }
        v.put("priceDeviationPct", worstPct);
        v.put("pricedSpecs", observedPrices.size());
        v.put("priceSpecCode", worst == null ? null : worst.code());
        v.put("priceSpecName", worst == null ? null : worst.label());
        v.put("observedPrice", worst == null ? null : worst.value().setScale(2, RoundingMode.HALF_UP));
        v.put("guidePrice", worst == null ? null : guidePrices.get(worst.code()).setScale(2, RoundingMode.HALF_UP));
        v.put("priceDate", worst == null ? null : worst.seenOn().toString());
    }

    static BigDecimal deviationPct(BigDecimal price, BigDecimal guide) {
        return price.subtract(guide).movePointRight(2).divide(guide, 2, RoundingMode.HALF_UP);
    }

    /** 0.6500 → 0.65, 5.0000 → 5: numbers as a reason text quotes them (never in E-notation). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
