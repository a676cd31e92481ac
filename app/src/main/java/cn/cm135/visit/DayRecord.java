package cn.cm135.visit;

import java.math.BigDecimal;
import java.util.List;

/**
 * A day's 日拜访记录 as the customer manager submits it. Listed customers not in {@code visits} are recorded
 * as not visited. Any list may be absent (none).
 *
 * @param strategiesDone ids of the month's strategies carried out on the day (★)
 * @param feelings       拜访效果及感受 of the day
 */
public record DayRecord(List<Visit> visits, List<Long> strategiesDone, List<Observation> observations,
        List<Anomaly> anomalies, List<Need> needs, String feelings) {

    /** One customer: visited or not, 客户意见建议, 拜访效果 (好 较好 一般 差), note. */
    public record Visit(Long customerId, Boolean visited, String opinions, String effect, String note) {
    }

    /** A key spec counted at the customer: 库存 (条), 实际零售价 (元/条), 是否上柜; at least one. */
    public record Observation(Long customerId, String specCode, Integer inventory, BigDecimal retailPrice,
            Boolean onShelf) {
    }

    /** 市场异常: 假烟 走私烟 无证经营 价格异常 断货 其他, optionally of a spec. */
    public record Anomaly(Long customerId, String anomalyType, String specCode, String note) {
    }

    /** A need for next month: 货源 价格 品牌 服务 经营指导 其他. */
    public record Need(Long customerId, String needType, String content, Boolean urgent) {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
