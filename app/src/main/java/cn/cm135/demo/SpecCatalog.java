package cn.cm135.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The cigarette specs (卷烟规格) on sale: well-known brand families with their usual retail prices per
 * carton. The first {@link #KNOWN} specs are real-looking names with typical prices; a bigger catalog
 * adds further variants of the same families within each family's price range.
 */
final class SpecCatalog {

    /** Wholesale price per carton (元/条) from which each price class starts: 一类, 二类, 三类, 四类. */
    static final int[] CLASS_FLOORS = {263, 158, 113, 60};

    /** One spec with what the order model needs besides its row. */
    record CatalogSpec(int index, Row.Spec row, long wholesaleFen, double popularity) {
        int priceClass() {
            return row.priceClass();
        }

        String code() {
            return row.code();
        }

        boolean availableOn(LocalDate day) {
            return row.launchedOn() == null || !day.isBefore(row.launchedOn());
        }
    }

    private record Known(String name, String family, int retailPerCarton, boolean key) {
    }

    private static final Known[] KNOWN = {
        new Known("中华(硬)", "中华", 450, true), new Known("中华(软)", "中华", 650, false),
        new Known("中华(双中支)", "中华", 450, false), new Known("中华(金中支)", "中华", 500, false),
        new Known("玉溪(软)", "玉溪", 230, true), new Known("玉溪(硬)", "玉溪", 200, false),
        new Known("玉溪(硬和谐)", "玉溪", 350, false), new Known("玉溪(初心)", "玉溪", 180, false),
        new Known("云烟(紫)", "云烟", 110, false), new Known("云烟(软珍品)", "云烟", 220, true),
        new Known("云烟(小熊猫家园)", "云烟", 260, false), new Known("云烟(印象烟庄)", "云烟", 350, false),
        new Known("黄鹤楼(软蓝)", "黄鹤楼", 190, true), new Known("黄鹤楼(硬金砂)", "黄鹤楼", 150, false),
        new Known("黄鹤楼(1916)", "黄鹤楼", 1000, false), new Known("黄鹤楼(天下名楼)", "黄鹤楼", 260, false),
        new Known("利群(新版)", "利群", 150, true), new Known("利群(软红长嘴)", "利群", 200, false),
        new Known("利群(阳光)", "利群", 250, false), new Known("利群(休闲)", "利群", 350, false),
        new Known("芙蓉王(硬)", "芙蓉王", 250, true), new Known("芙蓉王(硬细支)", "芙蓉王", 300, false),
        new Known("芙蓉王(蓝)", "芙蓉王", 350, false),
        new Known("红塔山(硬经典)", "红塔山", 100, false), new Known("红塔山(软经典)", "红塔山", 65, false),
        new Known("红塔山(新势力)", "红塔山", 120, false),
        new Known("红河(软甲)", "红河", 55, false), new Known("红河(硬88)", "红河", 60, false),
        new Known("红河(小熊猫)", "红河", 110, false),
        new Known("白沙(硬)", "白沙", 55, false), new Known("白沙(精品)", "白沙", 100, false),
        new Known("白沙(精品二代)", "白沙", 130, false), new Known("白沙(和天下)", "白沙", 1000, false),
        new Known("南京(红)", "南京", 120, false), new Known("南京(炫赫门)", "南京", 180, false),
        new Known("南京(十二钗烤烟)", "南京", 250, false), new Known("南京(雨花石)", "南京", 600, false),
        new Known("黄山(红方印)", "黄山", 100, false), new Known("黄山(新制皖烟)", "黄山", 110, false),
        new Known("黄山(金皖烟)", "黄山", 160, false), new Known("黄山(一品黄山)", "黄山", 300, false),
        new Known("泰山(红将军)", "泰山", 100, false), new Known("泰山(白将军)", "泰山", 120, false),
        new Known("泰山(佛光)", "泰山", 200, false), new Known("泰山(心悦)", "泰山", 230, false),
        new Known("贵烟(跨越)", "贵烟", 220, false), new Known("贵烟(硬高遵)", "贵烟", 150, false),
        new Known("贵烟(国酒香)", "贵烟", 450, false),
        new Known("娇子(X)", "娇子", 220, false), new Known("娇子(蓝时代)", "娇子", 110, false),
        new Known("真龙(起源)", "真龙", 150, false), new Known("真龙(娇子)", "真龙", 80, false),
        new Known("双喜(硬经典)", "双喜", 70, false), new Known("双喜(软)", "双喜", 50, false),
        new Known("七匹狼(白)", "七匹狼", 130, false), new Known("七匹狼(通仙)", "七匹狼", 170, false),
        new Known("钻石(荷花)", "钻石", 350, false), new Known("长白山(777)", "长白山", 110, false),
        new Known("红旗渠(银河之光)", "红旗渠", 65, false), new Known("大前门(短支)", "大前门", 45, false),
        new Known("红梅(软黄)", "红梅", 45, false), new Known("哈德门(精品)", "哈德门", 40, false),
        new Known("红金龙(硬神州)", "红金龙", 80, false), new Known("苏烟(五星红杉树)", "苏烟", 450, false),
    };

    /** Retail price range per carton of each family, for the variants of a big catalog. */
    private record Family(String name, int minRetail, int maxRetail) {
    }

    private static final Family[] FAMILIES = {
        new Family("中华", 400, 1000), new Family("玉溪", 160, 400), new Family("云烟", 100, 400),
        new Family("黄鹤楼", 150, 1000), new Family("利群", 140, 400), new Family("芙蓉王", 200, 400),
        new Family("红塔山", 60, 150), new Family("红河", 50, 120), new Family("白沙", 50, 300),
        new Family("南京", 110, 600), new Family("黄山", 90, 350), new Family("泰山", 90, 300),
        new Family("贵烟", 120, 450), new Family("娇子", 90, 300), new Family("真龙", 70, 400),
        new Family("双喜", 45, 200), new Family("七匹狼", 110, 300), new Family("钻石", 80, 350),
        new Family("长白山", 90, 250), new Family("红旗渠", 55, 150), new Family("大前门", 40, 80),
        new Family("红梅", 40, 100), new Family("苏烟", 300, 700), new Family("兰州", 100, 400),
        new Family("延安", 100, 250), new Family("黄金叶", 80, 400), new Family("好猫", 90, 250),
        new Family("天子", 130, 500), new Family("金圣", 70, 250), new Family("牡丹", 60, 120)};

    private static final String[] VARIANTS = {
        "硬", "软", "细支", "中支", "新版", "精品", "金", "蓝", "红", "白", "硬蓝", "软金", "爆珠", "短支", "硬细支",
        "典藏", "珍品", "经典", "如意", "祥云", "硬红", "软蓝", "金中支", "细支珍品", "天叶", "尚品", "智者", "国色",
        "金典", "锦绣"};

    private static final Set<String> NEW_BRANDS = Set.of(
            "中华(金中支)", "玉溪(初心)", "利群(阳光)", "黄山(一品黄山)", "云烟(小熊猫家园)", "芙蓉王(硬细支)");

    // New brands are launched this many months before the current month: spread over the last year.
    private static final int[] LAUNCH_MONTHS_AGO = {11, 8, 5, 2, 1, 9, 6, 3, 10, 7, 4, 0};

    private final List<CatalogSpec> specs;

    SpecCatalog(GeneratorSettings settings) {
        this.specs = build(settings);
    }

    List<CatalogSpec> specs() {
        return specs;
    }

    private static List<CatalogSpec> build(GeneratorSettings settings) {
        SplittableRandom random = RandomStreams.of(settings.seed(), "specs", 0);
        int count = settings.size().specs;
        List<Known> chosen = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < Math.min(count, KNOWN.length); i++) {
            chosen.add(KNOWN[i]);
            names.add(KNOWN[i].name());
        }
        // The tiny catalog would otherwise be all 中华 and 玉溪: take every third known spec instead.
        if (count < KNOWN.length / 2) {
            chosen.clear();
            for (int i = 0; chosen.size() < count; i += 3) {
                chosen.add(KNOWN[i % KNOWN.length]);
            }
        }
        while (chosen.size() < count) {
            Family family = RandomStreams.pick(random, FAMILIES);
            String name = family.name() + "(" + RandomStreams.pick(random, VARIANTS) + ")";
            if (names.add(name)) {
                int retail = 10 * (int) Math.round((family.minRetail()
                        + Math.pow(random.nextDouble(), 1.6) * (family.maxRetail() - family.minRetail())) / 10.0);
                chosen.add(new Known(name, family.name(), retail, RandomStreams.chance(random, 0.08)));
            }
        }
        YearMonth month = settings.currentMonth();
        List<CatalogSpec> result = new ArrayList<>(count);
        int launched = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Known known = chosen.get(i);
            // Slim and mid-size variants are what the industry launched lately (新品牌); one in twenty of the others.
            boolean isNew = NEW_BRANDS.contains(known.name()) || (i >= KNOWN.length && RandomStreams.chance(random, 0.05));
            LocalDate launchedOn = null;
            if (isNew) {
                int monthsAgo = LAUNCH_MONTHS_AGO[launched++ % LAUNCH_MONTHS_AGO.length];
                launchedOn = month.minusMonths(monthsAgo).atDay(1 + random.nextInt(20));
                if (launchedOn.isAfter(settings.today())) {
                    launchedOn = month.atDay(1);
                }
            }
            // Retailers keep 10-15%, a little more on cheap specs.
            double margin = 1.10 + 0.05 * Math.min(1.0, 60.0 / known.retailPerCarton());
            BigDecimal retail = BigDecimal.valueOf(known.retailPerCarton()).setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal wholesale = retail.divide(BigDecimal.valueOf(margin), 2, RoundingMode.HALF_UP);
            int priceClass = priceClassOf(wholesale);
            String code = settings.codePrefix() + "6901028" + String.format("%06d", 100_000 + i * 137);
            Row.Spec row = new Row.Spec(code, known.name(), known.family(), wholesale, retail, priceClass, known.key(),
                    launchedOn != null, launchedOn);
            double popularity = RandomStreams.logNormal(random, 1.0, 0.7) * (known.key() ? 2.0 : 1.0)
                    * (launchedOn != null ? 1.5 : 1.0);
            result.add(new CatalogSpec(i, row, wholesale.movePointRight(2).longValueExact(), popularity));
        }
        return List.copyOf(result);
    }

    /** 1 = 一类 ... 5 = 五类 by wholesale price per carton. */
    static int priceClassOf(BigDecimal wholesalePerCarton) {
        for (int c = 0; c < CLASS_FLOORS.length; c++) {
            if (wholesalePerCarton.compareTo(BigDecimal.valueOf(CLASS_FLOORS[c])) >= 0) {
                return c + 1;
            }
        }
        return 5;
    }
}
