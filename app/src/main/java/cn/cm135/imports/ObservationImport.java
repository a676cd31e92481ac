package cn.cm135.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * What customer managers saw on visits: stock, retail price and shelf presence per customer, spec and
 * day (field_observation), and market anomalies (market_anomaly). One row may carry both.
 */
@Component
class ObservationImport implements CsvImporter {

    static final Column LICENCE = Column.required("许可证号", "licence_no", 32);
    static final Column SPEC = Column.required("规格编码", "spec_code", 32);
    static final Column DATE = Column.required("日期", "date");
    static final Column INVENTORY = Column.optional("库存", "inventory");
    static final Column RETAIL_PRICE = Column.optional("零售价", "retail_price");
    static final Column ON_SHELF = Column.optional("是否上柜", "on_shelf");
    static final Column ANOMALY_TYPE = Column.optional("异常类型", "anomaly_type");
    static final Column NOTE = Column.optional("备注", "note", 500);

    // A blank measurement keeps an earlier one of the same day (e.g. price and stock sent in two files).
    private static final UpsertStatement OBSERVATION = UpsertStatement.into("field_observation").identifiedBy("id")
            .key("customer_id", "BIGINT")
            .key("spec_code", "VARCHAR(32)")
            .key("observed_on", "DATE")
            .keepWhenNull("inventory", "INTEGER", null)
            .keepWhenNull("retail_price", "NUMERIC(10, 2)", null)
            .keepWhenNull("on_shelf", "BOOLEAN", null);

    private static final UpsertStatement ANOMALY = UpsertStatement.into("market_anomaly").identifiedBy("id")
            .key("customer_id", "BIGINT")
            .key("observed_on", "DATE")
            .key("anomaly_type", "VARCHAR(16)")
            .value("spec_code", "VARCHAR(32)")
            .value("note", "VARCHAR(500)");

    private final Lookups lookups;
    private final SalesRollup rollup;

    ObservationImport(Lookups lookups, SalesRollup rollup) {
        this.lookups = lookups;
        this.rollup = rollup;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.OBSERVATIONS;
    }

    @Override
    public List<Column> columns() {
        return List.of(LICENCE, SPEC, DATE, INVENTORY, RETAIL_PRICE, ON_SHELF, ANOMALY_TYPE, NOTE);
    }

    @Override
    public void importRows(CsvRows rows, ImportContext context) {
        Map<String, Long> customers = lookups.customerIdsByLicence();
        Set<String> specs = lookups.specCodes();
        UpsertBatch observations = context.batch(OBSERVATION);
        UpsertBatch anomalies = context.batch(ANOMALY);
        LocalDate[] earliest = {null};
        context.forEachRow(rows, row -> {
            Long customerId = KnownReferences.customer(row, LICENCE, customers);
            String spec = KnownReferences.spec(row, SPEC, specs);
            LocalDate date = row.read(DATE, Cells::date);
            Integer inventory = row.read(INVENTORY, Cells.integerBetween(0, Integer.MAX_VALUE));
            BigDecimal price = row.read(RETAIL_PRICE, Cells.moneyAboveZero());
            Boolean onShelf = row.read(ON_SHELF, Cells::yesNo);
            String anomalyType = row.read(ANOMALY_TYPE, Cells.oneOf(Cells.ANOMALY_TYPES));
            String note = row.read(NOTE);
            boolean measured = row.text(INVENTORY) != null || row.text(RETAIL_PRICE) != null || row.text(ON_SHELF) != null;
            if (!measured && row.text(ANOMALY_TYPE) == null) {
                row.rejectRow("库存、零售价、是否上柜、异常类型至少填写一项 (nothing observed)");
            }
            if (row.bad()) {
                return;
            }
            if (measured) {
                observations.add(customerId, spec, date, inventory, price, onShelf);
                if (earliest[0] == null || date.isBefore(earliest[0])) {
                    earliest[0] = date;
                }
            }
            if (anomalyType != null) {
                anomalies.add(customerId, date, anomalyType, spec, note);
            }
        });
        if (!context.errors().any() && earliest[0] != null) {
            observations.flush();
            rollup.refreshObservations(YearMonth.from(earliest[0]));
        }
    }
}
