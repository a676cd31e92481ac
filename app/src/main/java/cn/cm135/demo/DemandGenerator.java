package cn.cm135.demo;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Direct demands (客户直接需求) collected last month and not yet confirmed (RECORDED), so the current
 * month's cycle has something to confirm and count in 客户需求调查统计表.
 */
final class DemandGenerator {

    private static final String[] NEED_TYPES = {"货源", "价格", "品牌", "服务", "经营指导", "其他"};
    private static final double[] NEED_MIX = {0.35, 0.10, 0.20, 0.15, 0.12, 0.08};

    private final GeneratorSettings settings;
    private final List<SpecCatalog.CatalogSpec> specs;

    DemandGenerator(GeneratorSettings settings, SpecCatalog catalog) {
        this.settings = settings;
        this.specs = catalog.specs();
    }

    void generate(RetailerProfile retailer, Consumer<Row> sink) {
        SplittableRandom random = RandomStreams.of(settings.seed(), "demands", retailer.id() - settings.firstCustomerId());
        YearMonth period = settings.currentMonth().minusMonths(1);
        if (!retailer.tradingOn(period.atEndOfMonth()) || !RandomStreams.chance(random, 0.3)) {
            return;
        }
        int count = RandomStreams.chance(random, 0.8) ? 1 : 2;
        int firstType = -1;
        for (int i = 0; i < count; i++) {
            int type = RandomStreams.weighted(random, NEED_MIX);
            if (type == firstType) {
                continue;
            }
            firstType = type;
            sink.accept(new Row.Demand(retailer.id(), period.toString(), NEED_TYPES[type],
                    content(random, retailer, type), RandomStreams.chance(random, 0.15),
                    retailer.area().customerManagerId()));
        }
    }

    private String content(SplittableRandom random, RetailerProfile retailer, int type) {
        String carried = specs.get(retailer.specIndexes()[random.nextInt(retailer.specIndexes().length)]).row().name();
        String any = specs.get(random.nextInt(specs.size())).row().name();
        return switch (NEED_TYPES[type]) {
            case "货源" -> "希望增加" + carried + "货源，每周至少" + (2 + random.nextInt(8)) + "条";
            case "价格" -> RandomStreams.pick(random, new String[] {carried + "批零差价小，利润空间不足",
                "周边有低价销售" + carried + "，希望规范价格"});
            case "品牌" -> RandomStreams.pick(random, new String[] {"顾客询问" + any + "，希望能订到",
                "希望介绍几个适合本店的新品牌", "想试销" + any});
            case "服务" -> RandomStreams.pick(random, new String[] {"网上订货操作不熟，需要指导",
                "希望客户经理每两周来一次", "电子结算扣款失败，需要帮助处理", "需要新版价签和陈列架"});
            case "经营指导" -> RandomStreams.pick(random, new String[] {"想了解如何陈列提高销量",
                "希望帮助分析动销台账", "春节备货量不知如何把握", "想学习会员营销方法"});
            default -> RandomStreams.pick(random, new String[] {"店面装修，需暂停订货一周", "希望调整送货时间到上午",
                "门店搬迁，需要变更许可证地址"});
        };
    }
}
