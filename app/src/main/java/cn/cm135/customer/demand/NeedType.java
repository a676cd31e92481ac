package cn.cm135.customer.demand;

import java.util.List;

/** The need types of the 客户需求调查统计表, in the order the table lists them. */
public final class NeedType {

    public static final List<String> ALL = List.of("货源", "价格", "品牌", "服务", "经营指导", "其他");

    private NeedType() {
    }
}
