package cn.cm135.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates the retail customers (零售户) of every area: size, business format (业态), market type
 * (城网/农网), the specs each carries, and the initial grade (档位) from size decile and 单条值 tercile.
 */
final class RetailerGenerator {

    private static final String[] FORMATS = {"食杂店", "便利店", "超市", "商场", "烟酒店", "娱乐服务类", "其他"};
    private static final double[] URBAN_FORMAT_MIX = {0.50, 0.18, 0.10, 0.03, 0.10, 0.05, 0.04};
    private static final double[] RURAL_FORMAT_MIX = {0.68, 0.06, 0.10, 0.02, 0.05, 0.04, 0.05};
    // Size relative to a typical 食杂店; tobacco-and-liquor shops live on cigarettes.
    private static final double[] FORMAT_SIZE = {0.85, 1.1, 1.6, 1.8, 2.2, 0.6, 0.6};
    // Tilt towards expensive specs: 烟酒店 and 商场 sell gifts, 娱乐服务类 sell to guests.
    private static final double[] FORMAT_TILT = {0, 0.1, 0.2, 0.4, 0.6, 0.3, 0};
    // Share of volume per price class (一类..五类) for a typical shop in town and in the countryside.
    private static final double[] URBAN_CLASS_MIX = {0.10, 0.25, 0.33, 0.22, 0.10};
    private static final double[] RURAL_CLASS_MIX = {0.03, 0.12, 0.30, 0.35, 0.20};
    private static final String[] PERSONALISED = {"残疾人(行动不便)", "不识字", "无手机", "老年人不会网上订货",
        "资金周转困难", "听力障碍"};
    static final double MEDIAN_MONTHLY_VOLUME = 40;

    private final GeneratorSettings settings;
    private final SpecCatalog catalog;
    private final CityMap map;

    RetailerGenerator(GeneratorSettings settings, SpecCatalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
        this.map = new CityMap(settings);
    }

    List<RetailerProfile> generate(List<Organisation.AreaPlan> areas) {
        List<RetailerProfile> profiles = new ArrayList<>();
        long id = settings.firstCustomerId();
        for (Organisation.AreaPlan area : areas) {
            SplittableRandom areaRandom = RandomStreams.of(settings.seed(), "area-size", area.index());
            int count = (int) Math.round(settings.size().customersPerManager * (0.85 + 0.3 * areaRandom.nextDouble()));
            for (int i = 0; i < count; i++) {
                profiles.add(retailer(id++, area, i));
            }
        }
        return assignGrades(profiles);
    }

    private RetailerProfile retailer(long id, Organisation.AreaPlan area, int numberInArea) {
        SplittableRandom random = RandomStreams.of(settings.seed(), "retailer", id - settings.firstCustomerId());
        LocalDate today = settings.today();
        boolean urbanMarket = RandomStreams.chance(random, area.urban() ? 0.9 : 0.2);
        int format = RandomStreams.weighted(random, urbanMarket ? URBAN_FORMAT_MIX : RURAL_FORMAT_MIX);
        double volume = Math.max(2, Math.min(1500, RandomStreams.logNormal(random,
                MEDIAN_MONTHLY_VOLUME * FORMAT_SIZE[format] * (urbanMarket ? 1.05 : 0.85), 0.8)));
        double tilt = 0.35 * Math.log(volume / MEDIAN_MONTHLY_VOLUME) + FORMAT_TILT[format]
                + 0.2 * random.nextGaussian();
        double[] classWeights = (urbanMarket ? URBAN_CLASS_MIX : RURAL_CLASS_MIX).clone();
        for (int c = 0; c < 5; c++) {
            classWeights[c] *= Math.exp(tilt * (2 - c));
        }
        int repertoireSize = (int) Math.min(catalog.specs().size(),
                Math.max(8, Math.round(8 + 2.5 * Math.sqrt(volume))));
        int[] specIndexes = chooseRepertoire(random, classWeights, repertoireSize);
        double[] weights = new double[specIndexes.length];
        double weighted = 0;
        double totalWeight = 0;
        for (int i = 0; i < specIndexes.length; i++) {
            SpecCatalog.CatalogSpec spec = catalog.specs().get(specIndexes[i]);
            weights[i] = spec.popularity() * RandomStreams.logNormal(random, 1.0, 0.5);
            weighted += weights[i] * spec.wholesaleFen() / 100.0;
            totalWeight += weights[i];
        }
        LocalDate openedOn = openedOn(random);
        String status = "ACTIVE";
        LocalDate stopsOrdering = null;
        if (RandomStreams.chance(random, 0.015)) {
            status = "SUSPENDED";
            stopsOrdering = today.minusDays(1 + random.nextInt(120));
        }
        String personalised = RandomStreams.chance(random, 0.015) ? RandomStreams.pick(random, PERSONALISED) : null;
        boolean online = RandomStreams.chance(random, urbanMarket ? 0.93 : 0.78)
                && !"无手机".equals(personalised) && !"不识字".equals(personalised);
        int weekday = 1 + random.nextInt(5);
        String routeCode = area.routeCodes().get(weekday - 1);
        String licence = settings.codePrefix() + "5113" + String.format("%02d", area.departmentIndex() + 1)
                + String.format("%06d", id - settings.firstCustomerId() + 1);
        String name = ChineseNames.shopName(random, FORMATS[format], area.placeName().substring(0, 2));
        String address = address(random, area, numberInArea);
        // Its own random stream: placing retailers draws nothing from the one above.
        CityMap.Placement place = map.place(area, weekday, id - settings.firstCustomerId(), FORMATS[format]);
        Row.Customer row = new Row.Customer(id, licence, name, address, routeCode, FORMATS[format],
                urbanMarket ? "城网" : "农网", 1, online, openedOn, status, personalised,
                place.position().longitudeDecimal(), place.position().latitudeDecimal(), place.opensAt(),
                place.closesAt());
        return new RetailerProfile(id, area, routeCode, weekday, volume, specIndexes, weights, weighted / totalWeight,
                openedOn, stopsOrdering, row);
    }

    // Weighted sampling without replacement (Efraimidis-Spirakis): keys u^(1/w), keep the largest.
    private int[] chooseRepertoire(SplittableRandom random, double[] classWeights, int size) {
        List<SpecCatalog.CatalogSpec> specs = catalog.specs();
        int[] classCounts = new int[6];
        specs.forEach(s -> classCounts[s.priceClass()]++);
        Integer[] order = new Integer[specs.size()];
        double[] keys = new double[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            SpecCatalog.CatalogSpec spec = specs.get(i);
            double w = classWeights[spec.priceClass() - 1] / classCounts[spec.priceClass()] * spec.popularity();
            keys[i] = Math.log(random.nextDouble()) / w;
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -keys[i]));
        int[] chosen = new int[size];
        for (int i = 0; i < size; i++) {
            chosen[i] = order[i];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    // Most licences are years old; a few opened during the data window, some within the last 3 months.
    private LocalDate openedOn(SplittableRandom random) {
        LocalDate today = settings.today();
        double x = random.nextDouble();
        if (x < 0.02) {
            return today.minusDays(random.nextInt(90));
        }
        if (x < 0.05) {
            return settings.firstDay().plusDays(random.nextInt(
                    (int) Math.max(1, today.minusDays(90).toEpochDay() - settings.firstDay().toEpochDay())));
        }
        return settings.firstDay().minusDays(1 + random.nextInt(15 * 365));
    }

    private static String address(SplittableRandom random, Organisation.AreaPlan area, int numberInArea) {
        if (area.urban()) {
            // Most shops are on the area's main road, the rest in the streets around it.
            String road = RandomStreams.chance(random, 0.5) ? area.placeName()
                    : RandomStreams.pick(random, ChineseNames.ROADS) + RandomStreams.pick(random, ChineseNames.ROAD_KINDS);
            return area.addressPrefix() + road + (1 + random.nextInt(400)) + "号";
        }
        if (RandomStreams.chance(random, 0.35)) {
            return area.addressPrefix() + "场镇" + RandomStreams.pick(random, new String[] {"正街", "新街", "老街", "河街"})
                    + (1 + random.nextInt(200)) + "号";
        }
        return area.addressPrefix() + RandomStreams.pick(random, ChineseNames.VILLAGE_PREFIXES) + "村"
                + (1 + random.nextInt(9)) + "组";
    }

    /** 档位 = (size decile − 1) × 3 + 单条值 tercile, company-wide; licences younger than 3 months are capped. */
    private List<RetailerProfile> assignGrades(List<RetailerProfile> profiles) {
        int n = profiles.size();
        int[] decile = ranks(profiles, Comparator.comparingDouble(RetailerProfile::monthlyVolume), 10);
        int[] tercile = ranks(profiles, Comparator.comparingDouble(RetailerProfile::unitValue), 3);
        LocalDate threeMonthsAgo = settings.today().minusMonths(3);
        List<RetailerProfile> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RetailerProfile p = profiles.get(i);
            int grade = (decile[i] - 1) * 3 + tercile[i];
            if (p.openedOn().isAfter(threeMonthsAgo)) {
                grade = Math.min(grade, 24);
            }
            result.add(p.withRow(p.row().withGrade(grade)));
        }
        return result;
    }

    /** 1-based bucket (of {@code buckets}) of each profile's rank; ties broken by list position. */
    private static int[] ranks(List<RetailerProfile> profiles, Comparator<RetailerProfile> by, int buckets) {
        int n = profiles.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = by.compare(profiles.get(a), profiles.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] bucket = new int[n];
        for (int rank = 0; rank < n; rank++) {
            bucket[order[rank]] = 1 + (int) ((long) rank * buckets / n);
        }
        return bucket;
    }
}
