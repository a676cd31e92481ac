package cn.cm135.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

    /**
     * Emits all retailers' orders day by day, so order lines arrive sorted by date: the date indexes then
     * grow at their end instead of being updated all over, which makes bulk loading several times faster.
     * Each retailer keeps its own random stream, so the result is the same as generating one by one.
     */
    void generate(List<RetailerProfile> retailers, Consumer<Row> sink) {
        List<List<OrderBook>> byWeekday = new ArrayList<>();
        for (int weekday = 0; weekday <= 7; weekday++) {
            byWeekday.add(new ArrayList<>());
        }
        int maxSpecs = 0;
        for (RetailerProfile retailer : retailers) {
            byWeekday.get(retailer.weekday()).add(new OrderBook(retailer, RandomStreams.of(settings.seed(), "orders",
                    retailer.id() - settings.firstCustomerId())));
            maxSpecs = Math.max(maxSpecs, retailer.specIndexes().length);
        }
        double[] keys = new double[maxSpecs];
        int[] picked = new int[MAX_SPECS_PER_ORDER];
        for (LocalDate day = settings.firstDay(); !day.isAfter(settings.today()); day = day.plusDays(1)) {
            for (OrderBook book : byWeekday.get(day.getDayOfWeek().getValue())) {
                week(book, day, keys, picked, sink);
            }
        }
    }

    /** A retailer's ordering state between weeks: its random stream and what it put off last week. */
    private static final class OrderBook {
        final RetailerProfile retailer;
        final SplittableRandom random;
        final double skipChance;
        double carried;

        OrderBook(RetailerProfile retailer, SplittableRandom random) {
            this.retailer = retailer;
            this.random = random;
            // Small shops skip weeks when the shelf is still full; what they skip comes partly in the next order.
            double weekly = retailer.weeklyVolume();
            this.skipChance = weekly < 4 ? 0.35 : weekly < 7 ? 0.2 : weekly < 14 ? 0.08 : 0.02;
        }
    }

    private void week(OrderBook book, LocalDate day, double[] keys, int[] picked, Consumer<Row> sink) {
        RetailerProfile retailer = book.retailer;
        SplittableRandom random = book.random;
        double skip = random.nextDouble();
        double noise = Math.exp(0.25 * random.nextGaussian());
        if (!retailer.tradingOn(day)) {
            return;
        }
        double season = seasonality.factor(day);
        if (season == 0) {
            return;
        }
        double wanted = retailer.weeklyVolume() * season * noise + book.carried;
        if (skip < book.skipChance) {
            book.carried = wanted * 0.5;
            return;
        }
        book.carried = 0;
        int quantity = Math.max(1, RandomStreams.stochasticRound(random, wanted));
        order(retailer, day, quantity, random, keys, picked, sink);
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
        // Retailers spread an order over many specs, a few cartons each at most.
        int k = Math.min(Math.min(available, MAX_SPECS_PER_ORDER),
                Math.max(1, (int) Math.round(1 + quantity * settings.size().specsPerCarton)));
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
