package cn.cm135.market.analysis;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One area's market analysis of a month (市场分析), as stored. Nullable numbers are undefined
 * (shown as "—"): price index without observed prices, ratios without volume or counts, indices with a
 * zero base.
 */
public record MarketMonthResult(String period, String areaCode, String customerManagerId, int activeCustomers,
        BigDecimal priceIndex, BigDecimal socialInventory, int volume, BigDecimal amount, BigDecimal stockSalesRatio,
        BigDecimal daysOfStock, BigDecimal retailMarginRate, BigDecimal unitValue, BigDecimal prevUnitValue,
        BigDecimal unitValueIndex, BigDecimal seasonalIndexNext, int prevVolume, BigDecimal volumeIndex,
        BigDecimal centreVolumeIndex, boolean warning, boolean locked, String conclusions, LocalDateTime analysedAt) {

    /** Volume share of one price class (1 = 一类 … 5 = 五类). */
    public record PriceClassShare(int priceClass, int volume, BigDecimal share) {
    }

    /** Mean observed retail price of a spec against its guide price. */
    public record SpecPrice(String specCode, int customers, BigDecimal meanPrice, BigDecimal guidePrice,
            BigDecimal deviation, boolean flagged) {
    }

    /** Anomalies of one type seen in the area in the month. */
    public record AnomalyCount(String anomalyType, int count) {
    }

    /** An area's detail rows: price class structure, observed prices, anomalies. */
    public record Detail(java.util.List<PriceClassShare> priceClassShares, java.util.List<SpecPrice> specPrices,
            java.util.List<AnomalyCount> anomalyCounts) {
    }
}
