package cn.cm135.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What customer managers wrote down on visits (日拜访记录): stock counts, actual retail prices and shelf
 * presence of the key specs and a few others (field_observation), and now and then a market anomaly.
 * Observations go to the sink at once; anomalies are few and are handed back, because their table
 * comes after the observations.
 */
final class VisitGenerator {

    private static final String[] ANOMALY_TYPES = {"假烟", "走私烟", "无证经营", "价格异常", "断货", "其他"};
    private static final double[] ANOMALY_MIX = {0.15, 0.10, 0.08, 0.30, 0.27, 0.10};

    private static final int MAX_KEY_SPECS_PER_VISIT = 8;

    private final GeneratorSettings settings;
    private final List<SpecCatalog.CatalogSpec> specs;
    private final List<SpecCatalog.CatalogSpec> keySpecs;

    VisitGenerator(GeneratorSettings settings, SpecCatalog catalog) {
        this.settings = settings;
        this.specs = catalog.specs();
        this.keySpecs = specs.stream().filter(s -> s.row().keyBrand()).toList();
    }

    /**
     * Month by month, every retailer: observations then arrive sorted by month, which keeps the date index
     * growing at its end during a bulk load. Each retailer draws from its own stream.
     */
    List<Row.Anomaly> generate(List<RetailerProfile> retailers, Consumer<Row> sink) {
        SplittableRandom[] streams = new SplittableRandom[retailers.size()];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = RandomStreams.of(settings.seed(), "visits", retailers.get(i).id() - settings.firstCustomerId());
        }
        List<Row.Anomaly> anomalies = new ArrayList<>();
        for (YearMonth month = YearMonth.from(settings.firstDay()); !month.isAfter(settings.currentMonth());
             month = month.plusMonths(1)) {
            for (int i = 0; i < streams.length; i++) {
                visit(retailers.get(i), streams[i], month, sink, anomalies);
            }
        }
        return anomalies;
    }

    private void visit(RetailerProfile retailer, SplittableRandom random, YearMonth month, Consumer<Row> sink,
                       List<Row.Anomaly> anomalies) {
        // Bigger customers are visited more often, so their records are more frequent too.
        double recordChance = 0.2 + 0.4 * retailer.row().grade() / 30.0;
        double draw = random.nextDouble();
        LocalDate day = visitDay(random, retailer, month);
        if (draw >= recordChance || day == null) {
            return;
        }
        List<SpecCatalog.CatalogSpec> observed = observe(random, retailer, day, sink);
        if (RandomStreams.chance(random, 0.03)) {
            anomalies.add(anomaly(random, retailer, day, observed));
        }
    }

    /** A day on the retailer's route in that month, not in the future, while the licence is trading. */
    private LocalDate visitDay(SplittableRandom random, RetailerProfile retailer, YearMonth month) {
        LocalDate first = month.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.of(retailer.weekday())));
        int week = random.nextInt(4);
        LocalDate day = first.plusWeeks(week);
        while (day.isAfter(settings.today()) && day.isAfter(first)) {
            day = day.minusWeeks(1);
        }
        return day.isAfter(settings.today()) || !retailer.tradingOn(day) ? null : day;
    }

    private List<SpecCatalog.CatalogSpec> observe(SplittableRandom random, RetailerProfile retailer, LocalDate day,
                                                  Consumer<Row> sink) {
        int[] carried = retailer.specIndexes();
        double totalWeight = retailer.totalWeight();
        List<SpecCatalog.CatalogSpec> observed = new ArrayList<>();
        // Key brands are checked everywhere: not carrying one is itself a finding (not on the shelf).
        // A big catalog has dozens of key specs; a visit checks a handful of them.
        for (int attempt = 0; attempt < MAX_KEY_SPECS_PER_VISIT * 3 && observed.size() < MAX_KEY_SPECS_PER_VISIT;
             attempt++) {
            SpecCatalog.CatalogSpec key = keySpecs.size() <= MAX_KEY_SPECS_PER_VISIT ? keySpecs.get(attempt)
                    : keySpecs.get(random.nextInt(keySpecs.size()));
            if (key.availableOn(day) && !observed.contains(key)) {
                observed.add(key);
            }
            if (keySpecs.size() <= MAX_KEY_SPECS_PER_VISIT && attempt == keySpecs.size() - 1) {
                break;
            }
        }
        int others = 2 + random.nextInt(3);
        for (int attempt = 0; attempt < others * 3 && others > 0; attempt++) {
            SpecCatalog.CatalogSpec spec = specs.get(carried[random.nextInt(carried.length)]);
            if (spec.availableOn(day) && !observed.contains(spec)) {
                observed.add(spec);
                others--;
            }
        }
        for (SpecCatalog.CatalogSpec spec : observed) {
            int position = java.util.Arrays.binarySearch(carried, spec.index());
            if (position < 0) {
                // Not carried: no stock to count and no price, only "not on the shelf" (未上柜).
                sink.accept(new Row.Observation(retailer.id(), spec.code(), day, null, null, false));
                continue;
            }
            double weeklySales = retailer.weeklyVolume() * retailer.specWeights()[position] / totalWeight;
            // New brands run out more often: supply is rationed while the market is cultivated.
            double stockOutChance = spec.row().newBrand() ? 0.15 : 0.06;
            int inventory = RandomStreams.chance(random, stockOutChance) ? 0
                    : Math.max(1, (int) Math.round(weeklySales * (0.3 + 2.2 * random.nextDouble())));
            boolean onShelf = inventory > 0 ? RandomStreams.chance(random, 0.96) : RandomStreams.chance(random, 0.5);
            sink.accept(new Row.Observation(retailer.id(), spec.code(), day, inventory, retailPrice(random, spec),
                    onShelf));
        }
        return observed;
    }

    // Mostly at the guide price; some shops sell more than 10% below it to move volume, a few above it.
    private static BigDecimal retailPrice(SplittableRandom random, SpecCatalog.CatalogSpec spec) {
        double guide = spec.row().retailPrice().doubleValue();
        double x = random.nextDouble();
        double factor = x < 0.07 ? 0.80 + 0.09 * random.nextDouble()
                : x < 0.09 ? 1.11 + 0.09 * random.nextDouble()
                : 1 + 0.025 * random.nextGaussian();
        return BigDecimal.valueOf(Math.max(1, Math.round(guide * factor)));
    }

    private Row.Anomaly anomaly(SplittableRandom random, RetailerProfile retailer, LocalDate day,
                                List<SpecCatalog.CatalogSpec> observed) {
        String type = ANOMALY_TYPES[RandomStreams.weighted(random, ANOMALY_MIX)];
        SpecCatalog.CatalogSpec spec = observed.isEmpty() ? null : observed.get(random.nextInt(observed.size()));
        String specName = spec == null ? "卷烟" : spec.row().name();
        String note = switch (type) {
            case "假烟" -> "发现疑似假冒" + specName + (1 + random.nextInt(5)) + "条，已报告专卖管理所";
            case "走私烟" -> "柜台有无中文标识的外烟" + (1 + random.nextInt(10)) + "包，已登记并上报";
            case "无证经营" -> "附近" + RandomStreams.pick(random, new String[] {"水果摊", "茶馆", "副食摊"})
                    + "无证售烟，已告知专卖管理所";
            case "价格异常" -> specName + "零售价明显低于指导价，周边商户反映有低价竞争";
            case "断货" -> specName + "已断货，客户希望本周补货";
            default -> RandomStreams.pick(random, new String[] {"门店装修，暂停营业一周", "经营者更换，需办理变更",
                "周边新开便利店，客户担心销量下滑"});
        };
        String anomalySpec = "走私烟".equals(type) || "无证经营".equals(type) || "其他".equals(type) || spec == null
                ? null : spec.code();
        return new Row.Anomaly(retailer.id(), day, type, anomalySpec, note);
    }
}
