package cn.cm135.imports;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Order lines (订单明细) from the ordering system, keyed by order number + spec. The big one: millions
 * of rows, streamed and written in batches.
 */
@Component
class OrderImport implements CsvImporter {

    static final Column ORDER_NO = Column.required("订单号", "order_no", 40);
    static final Column LICENCE = Column.required("许可证号", "licence_no", 32);
    static final Column SPEC = Column.required("规格编码", "spec_code", 32);
    static final Column ORDER_DATE = Column.required("订货日期", "order_date");
    static final Column QUANTITY = Column.required("数量", "quantity");
    static final Column AMOUNT = Column.required("金额", "amount");

    private static final UpsertStatement UPSERT = UpsertStatement.into("order_line").identifiedBy("id")
            .key("order_no", "VARCHAR(40)")
            .key("spec_code", "VARCHAR(32)")
            .value("customer_id", "BIGINT")
            .value("order_date", "DATE")
            .value("quantity", "INTEGER")
            .value("amount", "NUMERIC(14, 2)");

    private final Lookups lookups;

    OrderImport(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORDERS;
    }

    @Override
    public List<Column> columns() {
        return List.of(ORDER_NO, LICENCE, SPEC, ORDER_DATE, QUANTITY, AMOUNT);
    }

    @Override
    public void importRows(CsvRows rows, ImportContext context) {
        Map<String, Long> customers = lookups.customerIdsByLicence();
        Set<String> specs = lookups.specCodes();
        UpsertBatch orderLines = context.batch(UPSERT);
        context.forEachRow(rows, row -> {
            String orderNo = row.read(ORDER_NO);
            Long customerId = KnownReferences.customer(row, LICENCE, customers);
            String spec = KnownReferences.spec(row, SPEC, specs);
            Object[] values = {orderNo, spec, customerId, row.read(ORDER_DATE, Cells::date),
                    row.read(QUANTITY, Cells.integerBetween(1, Integer.MAX_VALUE)),
                    row.read(AMOUNT, Cells.moneyAtLeastZero())};
            if (!row.bad()) {
                orderLines.add(values);
            }
        });
    }
}
