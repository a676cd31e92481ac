package cn.cm135.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Retail customers (零售户), keyed by licence number; each must be on a known route. */
@Component
class CustomerImport implements CsvImporter {

    static final Column LICENCE = Column.required("许可证号", "licence_no", 32);
    static final Column NAME = Column.required("名称", "name", 200);
    static final Column ADDRESS = Column.optional("地址", "address", 300);
    static final Column ROUTE = Column.required("线路编码", "route_code", 32);
    static final Column BUSINESS_FORMAT = Column.required("业态", "business_format");
    static final Column MARKET_TYPE = Column.required("市场类型", "market_type");
    static final Column GRADE = Column.optional("档位", "grade");
    static final Column ONLINE_ORDERING = Column.required("网上订货", "online_ordering");
    static final Column OPENED_ON = Column.optional("开业日期", "opened_on");
    static final Column STATUS = Column.optional("状态", "status");
    static final Column PERSONALISED_SERVICE = Column.optional("个性化服务", "personalised_service", 100);

    // Grade and status are maintained in the app too (monthly analysis, suspensions): a blank cell keeps them.
    private static final UpsertStatement UPSERT = UpsertStatement.into("retail_customer")
            .key("licence_no", "VARCHAR(32)")
            .value("name", "VARCHAR(200)")
            .value("address", "VARCHAR(300)")
            .value("route_code", "VARCHAR(32)")
            .value("business_format", "VARCHAR(16)")
            .value("market_type", "VARCHAR(8)")
            .keepWhenNull("grade", "SMALLINT", null)
            .value("online_ordering", "BOOLEAN")
            .keepWhenNull("opened_on", "DATE", null)
            .keepWhenNull("status", "VARCHAR(16)", "'ACTIVE'")
            .keepWhenNull("personalised_service", "VARCHAR(100)", null);

    private final Lookups lookups;

    CustomerImport(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public List<Column> columns() {
        return List.of(LICENCE, NAME, ADDRESS, ROUTE, BUSINESS_FORMAT, MARKET_TYPE, GRADE, ONLINE_ORDERING,
                OPENED_ON, STATUS, PERSONALISED_SERVICE);
    }

    @Override
    public void importRows(CsvRows rows, ImportContext context) {
        Set<String> routes = lookups.routeCodes();
        // A licence twice in one file is an export mistake; which row should win is anyone's guess.
        Map<String, Long> firstLineOfLicence = new HashMap<>();
        UpsertBatch customers = context.batch(UPSERT);
        context.forEachRow(rows, row -> {
            String licence = row.read(LICENCE);
            String route = row.read(ROUTE);
            if (route != null && !routes.contains(route)) {
                row.reject(ROUTE, "线路编码「" + route + "」不存在，请先导入组织架构 (unknown route)");
            }
            if (licence != null) {
                Long first = firstLineOfLicence.putIfAbsent(licence, row.line());
                if (first != null) {
                    row.reject(LICENCE, "许可证号「" + licence + "」与第 " + first + " 行重复 (duplicate licence)");
                }
            }
            Object[] values = {licence, row.read(NAME), row.read(ADDRESS), route,
                    row.read(BUSINESS_FORMAT, Cells.oneOf(Cells.BUSINESS_FORMATS)),
                    row.read(MARKET_TYPE, Cells.oneOf(Cells.MARKET_TYPES)),
                    row.read(GRADE, Cells.integerBetween(1, 30)),
                    row.read(ONLINE_ORDERING, Cells::yesNo),
                    row.<LocalDate>read(OPENED_ON, Cells::date),
                    row.read(STATUS, Cells::status),
                    row.read(PERSONALISED_SERVICE)};
            if (!row.bad()) {
                customers.add(values);
            }
        });
    }
}
