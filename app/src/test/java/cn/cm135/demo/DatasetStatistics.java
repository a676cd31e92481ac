package cn.cm135.demo;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A sink for tests: the few aggregates the realism checks need, without keeping the rows. */
final class DatasetStatistics implements DatasetSink {

    final Map<Table, Long> rows = new EnumMap<>(Table.class);
    final Map<String, Long> staffByRole = new TreeMap<>();
    final Map<Integer, Long> specsByPriceClass = new TreeMap<>();
    final Map<YearMonth, Long> quantityByMonth = new TreeMap<>();
    final Map<YearMonth, Long> linesByMonth = new TreeMap<>();
    final Map<String, Long> customersByFormat = new TreeMap<>();
    final Map<String, Long> customersByMarketType = new TreeMap<>();
    final Map<Integer, Long> customersByGrade = new TreeMap<>();
    final Map<String, BigDecimal> guidePrice = new HashMap<>();
    long observationsPricedMoreThanTenPercentOff;
    long observationsWithZeroInventory;
    long suspendedCustomers;
    long keyBrandSpecs;
    long newBrandSpecs;
    int maxLinesPerOrder;
    private String currentOrder;
    private int linesInCurrentOrder;

    @Override
    public void write(Row row) {
        rows.merge(row.table(), 1L, Long::sum);
        if (row instanceof Row.Staff staff) {
            staffByRole.merge(staff.role(), 1L, Long::sum);
        } else if (row instanceof Row.Spec spec) {
            specsByPriceClass.merge(spec.priceClass(), 1L, Long::sum);
            guidePrice.put(spec.code(), spec.retailPrice());
            keyBrandSpecs += spec.keyBrand() ? 1 : 0;
            newBrandSpecs += spec.newBrand() ? 1 : 0;
        } else if (row instanceof Row.Customer customer) {
            customersByFormat.merge(customer.businessFormat(), 1L, Long::sum);
            customersByMarketType.merge(customer.marketType(), 1L, Long::sum);
            customersByGrade.merge(customer.grade(), 1L, Long::sum);
            suspendedCustomers += "SUSPENDED".equals(customer.status()) ? 1 : 0;
        } else if (row instanceof Row.OrderLine line) {
            YearMonth month = YearMonth.from(line.orderDate());
            quantityByMonth.merge(month, (long) line.quantity(), Long::sum);
            linesByMonth.merge(month, 1L, Long::sum);
            if (line.orderNo().equals(currentOrder)) {
                linesInCurrentOrder++;
            } else {
                currentOrder = line.orderNo();
                linesInCurrentOrder = 1;
            }
            maxLinesPerOrder = Math.max(maxLinesPerOrder, linesInCurrentOrder);
        } else if (row instanceof Row.Observation observation) {
            observationsWithZeroInventory += observation.inventory() != null && observation.inventory() == 0 ? 1 : 0;
            if (observation.retailPrice() != null) {
                BigDecimal guide = guidePrice.get(observation.specCode());
                double deviation = Math.abs(observation.retailPrice().doubleValue() / guide.doubleValue() - 1);
                observationsPricedMoreThanTenPercentOff += deviation > 0.10 ? 1 : 0;
            }
        }
    }

    long rows(Table table) {
        return rows.getOrDefault(table, 0L);
    }
}
