package cn.cm135.brand.analysis;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One stored row of {@code brand_month_result}: a spec in an area for an analysed month. */
public record BrandMonthResult(String period, String areaCode, String specCode,
        int volume, int prevVolume, int lastYearVolume, BigDecimal momIndex, BigDecimal yoyIndex,
        int activeCustomers, int buyers, BigDecimal distributionRate,
        int prevBuyers, int repeatBuyers, BigDecimal repurchaseRate,
        int shelfCustomers, int onShelfCustomers, BigDecimal shelfRate,
        BigDecimal salesRate,
        Integer targetVolume, BigDecimal targetAttainment,
        int targetCustomers, int targetCustomersConverted, BigDecimal conversionRate,
        int priceClass, BigDecimal priceClassYoyIndex, BigDecimal deltaPp, Integer monthsSinceLaunch,
        String status, BigDecimal centreIndex, boolean warning,
        String conclusions, boolean locked, LocalDateTime lockedAt, LocalDateTime analysedAt) {
}
