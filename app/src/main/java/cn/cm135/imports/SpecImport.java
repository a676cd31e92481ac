package cn.cm135.imports;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cm135.customer.analysis.SalesRollup;

/** Cigarette specs (卷烟规格), keyed by spec code; a blank price class is derived from the wholesale price. */
@Component
class SpecImport implements CsvImporter {

    static final Column CODE = Column.required("规格编码", "code", 32);
    static final Column NAME = Column.required("规格名称", "name", 100);
    static final Column BRAND = Column.required("品牌", "brand_family", 50);
    static final Column WHOLESALE_PRICE = Column.required("批发价", "wholesale_price");
    static final Column RETAIL_PRICE = Column.required("建议零售价", "retail_price");
    static final Column PRICE_CLASS = Column.optional("价类", "price_class");
    static final Column KEY_BRAND = Column.required("重点品牌", "key_brand");
    static final Column NEW_BRAND = Column.required("新品", "new_brand");
    static final Column LAUNCHED_ON = Column.optional("上市日期", "launched_on");

    private static final UpsertStatement UPSERT = UpsertStatement.into("cigarette_spec")
            .key("code", "VARCHAR(32)")
            .value("name", "VARCHAR(100)")
            .value("brand_family", "VARCHAR(50)")
            .value("wholesale_price", "NUMERIC(10, 2)")
            .value("retail_price", "NUMERIC(10, 2)")
            .value("price_class", "SMALLINT")
            .value("key_brand", "BOOLEAN")
            .value("new_brand", "BOOLEAN")
            .value("launched_on", "DATE");

    /** What the customers' rolled-up key-brand volume and retail profit depend on (SalesRollup). */
    private static final String PRICING = "select code, key_brand, wholesale_price, retail_price from cigarette_spec";

    private final PriceClassThresholds thresholds;
    private final SalesRollup rollup;

    SpecImport(PriceClassThresholds thresholds, SalesRollup rollup) {
        this.thresholds = thresholds;
        this.rollup = rollup;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SPECS;
    }

    @Override
    public List<Column> columns() {
        return List.of(CODE, NAME, BRAND, WHOLESALE_PRICE, RETAIL_PRICE, PRICE_CLASS, KEY_BRAND, NEW_BRAND, LAUNCHED_ON);
    }

    @Override
    public void importRows(CsvRows rows, ImportContext context) {
        Map<String, Long> firstLineOfCode = new HashMap<>();
        List<Map<String, Object>> pricingBefore = context.jdbc().queryForList(PRICING);
        UpsertBatch specs = context.batch(UPSERT);
        context.forEachRow(rows, row -> {
            String code = row.read(CODE);
            if (code != null) {
                Long first = firstLineOfCode.putIfAbsent(code, row.line());
                if (first != null) {
                    row.reject(CODE, "规格编码「" + code + "」与第 " + first + " 行重复 (duplicate spec code)");
                }
            }
            String name = row.read(NAME);
            String brand = row.read(BRAND);
            BigDecimal wholesale = row.read(WHOLESALE_PRICE, Cells.moneyAboveZero());
            BigDecimal retail = row.read(RETAIL_PRICE, Cells.moneyAboveZero());
            Integer priceClass = row.read(PRICE_CLASS, Cells::priceClass);
            if (priceClass == null && wholesale != null) {
                priceClass = thresholds.classOf(wholesale);
            }
            Object[] values = {code, name, brand, wholesale, retail, priceClass,
                    row.read(KEY_BRAND, Cells::yesNo), row.read(NEW_BRAND, Cells::yesNo),
                    row.read(LAUNCHED_ON, Cells::date)};
            if (!row.bad()) {
                specs.add(values);
            }
        });
        if (!context.errors().any()) {
            specs.flush();
            if (!new HashSet<>(pricingBefore).equals(new HashSet<>(context.jdbc().queryForList(PRICING)))) {
                rollup.repriceCustomers();
            }
        }
    }
}
