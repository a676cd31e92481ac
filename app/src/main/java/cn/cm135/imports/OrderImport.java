package cn.cm135.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * Order lines (订单明细) from the ordering system, keyed by order number + spec. The big one: millions
 * of rows, streamed and written in batches. Afterwards, in the same transaction, the sales roll-ups of
 * every month the file changed are refreshed (the months of its order dates, and the month an updated
 * line moved away from), so the analyses read them as they are.
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

    /** At most this many order numbers per look-up of the dates already stored. */
    private static final int LOOKUP_CHUNK = 1000;

    private final Lookups lookups;
    private final SalesRollup rollup;

    OrderImport(Lookups lookups, SalesRollup rollup) {
        this.lookups = lookups;
        this.rollup = rollup;
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
        ChangedMonths months = new ChangedMonths(new NamedParameterJdbcTemplate(context.jdbc()));
        UpsertBatch orderLines = context.batch(UPSERT).listener(months);
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
        if (!context.errors().any()) {
            orderLines.flush();
            rollup.refresh(months.changed);
        }
    }

    /**
     * The months whose order lines a file changed: the month of every line inserted or updated, and
     * the months an updated line may have left (read before the chunk overwrites them). Lines imported
     * again unchanged change no month, so importing a file twice refreshes nothing the second time.
     */
    private static final class ChangedMonths implements UpsertBatch.Listener {

        private final NamedParameterJdbcTemplate jdbc;
        private final Set<YearMonth> changed = new HashSet<>();
        private final Map<Object, Set<YearMonth>> stored = new HashMap<>();

        ChangedMonths(NamedParameterJdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void beforeWrite(List<Object[]> chunk) {
            stored.clear();
            List<Object> orderNos = chunk.stream().map(values -> values[0]).distinct().toList();
            for (int from = 0; from < orderNos.size(); from += LOOKUP_CHUNK) {
                jdbc.query("select distinct order_no, order_date from order_line where order_no in (:orderNos)",
                        new MapSqlParameterSource("orderNos",
                                orderNos.subList(from, Math.min(orderNos.size(), from + LOOKUP_CHUNK))),
                        rs -> {
                            stored.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                                    .add(YearMonth.from(rs.getDate(2).toLocalDate()));
                        });
            }
        }

        @Override
        public void written(List<Object[]> rows) {
            for (Object[] values : rows) {
                changed.add(YearMonth.from((LocalDate) values[3]));
                changed.addAll(stored.getOrDefault(values[0], Set.of()));
            }
        }
    }
}
