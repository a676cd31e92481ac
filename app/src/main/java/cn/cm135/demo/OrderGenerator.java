package cn.cm135.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Weekly orders (订单) of one retailer on its route's weekday: volume from its size, the season and a
 * slow trend; a handful to 20 specs per order picked by the retailer's preferences, whole cartons.
 */
final class OrderGenerator {

    private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final int MAX_SPECS_PER_ORDER = 20;

    private final GeneratorSettings settings;
    private final List<SpecCatalog.CatalogSpec> specs;
    private final Seasonality seasonality;

    OrderGenerator(GeneratorSettings settings, SpecCatalog catalog) {
        this.settings = settings;
        this.specs = catalog.specs();
        this.seasonality = new Seasonality(settings.firstDay());
    }

    void generate(RetailerProfile retailer, Consumer<Row> sink) {
        SplittableRandom random = RandomStreams.of(settings.seed(), "orders", retailer.id() - settings.firstCustomerId());
        // Small shops skip weeks when the shelf is still full; what they skip comes partly in the next order.
        double weekly = retailer.weeklyVolume();
        double skipChance = weekly < 4 ? 0.35 : weekly < 7 ? 0.2 : weekly < 14 ? 0.08 : 0.02;
        double carried = 0;
        int n = retailer.specIndexes().length;
        double[] keys = new double[n];
        int[] picked = new int[MAX_SPECS_PER_ORDER];
        LocalDate day = settings.firstDay().with(TemporalAdjusters.nextOrSame(DayOfWeek.of(retailer.weekday())));
        for (; !day.isAfter(settings.today()); day = day.plusWeeks(1)) {
            double skip = random.nextDouble();
            double noise = Math.exp(0.25 * random.nextGaussian());
            if (!retailer.tradingOn(day)) {
                continue;
            }
            double season = seasonality.factor(day);
            if (season == 0) {
                continue;
            }
            double wanted = weekly * season * noise + carried;
            if (skip < skipChance) {
                carried = wanted * 0.5;
                continue;
            }
            carried = 0;
            int quantity = Math.max(1, RandomStreams.stochasticRound(random, wanted));
            order(retailer, day, quantity, random, keys, picked, sink);
        }
    }

    private void order(RetailerProfile retailer, LocalDate day, int quantity, SplittableRandom random, double[] keys,
                       int[] picked, Consumer<Row> sink) {
        int[] specIndexes = retailer.specIndexes();
        double[] weights = retailer.specWeights();
        int available = 0;
        for (int i = 0; i < specIndexes.length; i++) {
            if (specs.get(specIndexes[i]).availableOn(day)) {
                // Efraimidis-Spirakis keys: the k largest are a weighted sample without replacement.
                keys[i] = Math.log(random.nextDouble()) / weights[i];
                available++;
            } else {
                keys[i] = Double.NEGATIVE_INFINITY;
            }
        }
        if (available == 0) {
            return;
        }
        // Retailers spread an order over many specs, about one and a half cartons each on average.
        int k = Math.min(Math.min(available, MAX_SPECS_PER_ORDER), Math.max(1, (int) Math.round(1 + quantity * 0.6)));
        double pickedWeight = 0;
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int i = 0; i < specIndexes.length; i++) {
                if (keys[i] != Double.NEGATIVE_INFINITY && (best < 0 || keys[i] > keys[best])) {
                    best = i;
                }
            }
            keys[best] = Double.NEGATIVE_INFINITY;
            picked[j] = best;
            pickedWeight += weights[best];
        }
        java.util.Arrays.sort(picked, 0, k);
        String orderNo = settings.codePrefix() + "O" + ORDER_DATE.format(day) + retailer.id();
        int extra = Math.max(0, quantity - k);
        for (int j = 0; j < k; j++) {
            int i = picked[j];
            SpecCatalog.CatalogSpec spec = specs.get(specIndexes[i]);
            int lineQuantity = 1 + RandomStreams.stochasticRound(random, extra * weights[i] / pickedWeight);
            sink.accept(new Row.OrderLine(orderNo, retailer.id(), spec.code(), day, lineQuantity,
                    lineQuantity * spec.wholesaleFen()));
        }
    }
}
