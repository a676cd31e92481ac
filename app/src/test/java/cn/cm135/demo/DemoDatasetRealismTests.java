package cn.cm135.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo city looks like a real one: the counts, seasons, price classes and field findings. */
class DemoDatasetRealismTests {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static DatasetStatistics stats;

    @BeforeAll
    static void generate() {
        stats = new DatasetStatistics();
        new DatasetGenerator(GeneratorSettings.forMonth(DatasetSize.DEMO, 135, MONTH)).generate(stats);
        System.out.println(report());
    }

    @Test
    void organisationHasTheDemoStaff() {
        assertThat(stats.staffByRole).containsExactlyInAnyOrderEntriesOf(
                Map.of("MARKETING_CENTRE", 1L, "MARKET_MANAGER", 2L, "CUSTOMER_MANAGER", 8L));
        assertThat(stats.rows(Table.DEPARTMENT)).isEqualTo(2);
        assertThat(stats.rows(Table.AREA)).isEqualTo(8);
        assertThat(stats.rows(Table.ROUTE)).isEqualTo(40);
    }

    @Test
    void aboutTwelveHundredRetailersOfEveryFormat() {
        assertThat(stats.rows(Table.CUSTOMER)).isBetween(1_100L, 1_300L);
        assertThat(stats.customersByFormat).containsOnlyKeys("食杂店", "便利店", "超市", "商场", "烟酒店", "娱乐服务类", "其他");
        assertThat(stats.customersByFormat.get("食杂店")).isGreaterThan(stats.rows(Table.CUSTOMER) / 2);
        assertThat(stats.customersByMarketType).containsOnlyKeys("城网", "农网");
        assertThat(stats.customersByGrade.keySet()).contains(1, 15, 30);
        assertThat(stats.suspendedCustomers).isBetween(1L, 60L);
    }

    @Test
    void aboutSixtySpecsInAllFivePriceClasses() {
        assertThat(stats.rows(Table.SPEC)).isEqualTo(60);
        assertThat(stats.specsByPriceClass).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(stats.keyBrandSpecs).isBetween(4L, 8L);
        assertThat(stats.newBrandSpecs).isBetween(2L, 8L);
    }

    @Test
    void fourteenMonthsOfWeeklyOrders() {
        assertThat(stats.linesByMonth).hasSize(14);
        assertThat(stats.linesByMonth.keySet()).startsWith(MONTH.minusMonths(13)).endsWith(MONTH);
        // ~1,200 retailers ordering ~4 times a month, several specs an order.
        stats.linesByMonth.values().forEach(lines -> assertThat(lines).isBetween(12_000L, 40_000L));
        assertThat(stats.maxLinesPerOrder).isEqualTo(OrderGenerator.MAX_SPECS_PER_ORDER);
    }

    @Test
    void springFestivalMonthSellsMoreThanTheAverageMonth() {
        YearMonth festivalMonth = YearMonth.from(Seasonality.springFestival(2026));
        double average = stats.quantityByMonth.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat((double) stats.quantityByMonth.get(festivalMonth)).isGreaterThan(average);
    }

    @Test
    void fieldObservationsShowPriceDeviationsAndStockOuts() {
        assertThat(stats.rows(Table.OBSERVATION)).isGreaterThan(10_000);
        assertThat(stats.observationsPricedMoreThanTenPercentOff).isGreaterThan(stats.rows(Table.OBSERVATION) / 50);
        assertThat(stats.observationsWithZeroInventory).isGreaterThan(stats.rows(Table.OBSERVATION) / 50);
        assertThat(stats.rows(Table.ANOMALY)).isPositive();
        assertThat(stats.rows(Table.DEMAND)).isBetween(200L, 600L);
    }

    private static String report() {
        return "rows " + stats.rows + "\nquantity by month " + stats.quantityByMonth + "\nlines by month "
                + stats.linesByMonth + "\nformats " + stats.customersByFormat + "\nmarket " + stats.customersByMarketType
                + "\nclasses " + stats.specsByPriceClass + "\ngrades " + stats.customersByGrade
                + "\nprice >10% off " + stats.observationsPricedMoreThanTenPercentOff + ", zero inventory "
                + stats.observationsWithZeroInventory + ", key " + stats.keyBrandSpecs + ", new " + stats.newBrandSpecs;
    }
}
