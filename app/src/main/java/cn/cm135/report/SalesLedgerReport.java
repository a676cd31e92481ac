package cn.cm135.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.cm135.customer.ledger.SalesLedgerRow;
import cn.cm135.customer.ledger.SalesLedgerService;

/**
 * 动销台账 of one retail customer for a month: per spec, opening stock + purchases − closing stock = actual
 * sales and the retailer's profit on them ({@link SalesLedgerService}, one query for all specs), with a
 * total row. Totals of actual sales and profit add up only the specs counted at both ends.
 */
@Component
class SalesLedgerReport implements Report {

    static final List<Column> COLUMNS = List.of(
            Column.text("规格代码"), Column.text("规格名称"), Column.integer("期初库存（条）"), Column.text("期初盘点日"),
            Column.integer("本月进货（条）"), Column.decimal("进货金额（元）", 2), Column.integer("期末库存（条）"),
            Column.text("期末盘点日"), Column.integer("实际销售（条）"), Column.decimal("零售价（元/条）", 2),
            Column.text("零售价来源"), Column.decimal("批发价（元/条）", 2), Column.decimal("单条毛利（元）", 2),
            Column.decimal("毛利（元）", 2));

    private final SalesLedgerService ledger;
    private final ReportCharts charts;

    SalesLedgerReport(SalesLedgerService ledger, ReportCharts charts) {
        this.ledger = ledger;
        this.charts = charts;
    }

    @Override
    public String name() {
        return "sales-ledger";
    }

    @Override
    public String title() {
        return "动销台账";
    }

    @Override
    public ReportScope.Kind scopeKind() {
        return ReportScope.Kind.CUSTOMER;
    }

    @Override
    public ReportContent content(ReportRequest request) {
        List<SalesLedgerRow> lines = ledger.ledger(request.scope().customerId(), request.month());
        List<List<Object>> rows = lines.stream().map(l -> Arrays.<Object>asList(l.specCode(), l.specName(),
                l.openingStock(), l.openingCountedOn(), l.purchases(), l.purchaseAmount(), l.closingStock(),
                l.closingCountedOn(), l.actualSales(), l.retailPrice(), l.priceObserved() ? "实测" : "指导价",
                l.wholesalePrice(), l.unitMargin(), l.profit())).toList();
        ReportSection section = new ReportSection(null, COLUMNS, rows);
        if (!lines.isEmpty()) {
            section = section.withTotal(Arrays.asList("合计", "", "", "",
                    lines.stream().mapToInt(SalesLedgerRow::purchases).sum(),
                    sum(lines.stream().map(SalesLedgerRow::purchaseAmount).toList()), "", "",
                    sumOfCounted(lines.stream().map(SalesLedgerRow::actualSales).toList()),
                    "", "", "", "", sumOfCounted(lines.stream().map(SalesLedgerRow::profit).toList())));
        }
        return new ReportContent(List.of(charts.salesOfCustomer(request)), List.of(section), List.of(new ReportNote("说明",
                "实际销售 = 期初库存 + 本月进货 − 期末库存，期初或期末未盘点时为「—」；毛利 = 实际销售 × (零售价 − 批发价)。"
                        + "零售价取该户最近一次实测价，没有实测时用零售指导价。实际销售、毛利的合计只含期初、期末都盘点过的规格（没有这样的规格时为「—」）。")));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of the defined values; undefined ("—") when no spec was counted at both ends. */
    private static BigDecimal sumOfCounted(List<? extends Number> values) {
        List<BigDecimal> defined = values.stream().filter(Objects::nonNull).map(v -> new BigDecimal(v.toString()))
                .toList();
        return defined.isEmpty() ? null : sum(defined);
    }
}
