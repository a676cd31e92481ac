package cn.cm135.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cm135.planning.route.GeoPoint;

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
    // Where the shop is (WGS84 decimal degrees, as map apps and GPS give them) and when it is open: step 12
    // orders a day's visits by them. Both or neither of each pair.
    static final Column LONGITUDE = Column.optional("经度", "longitude");
    static final Column LATITUDE = Column.optional("纬度", "latitude");
    static final Column OPENS_AT = Column.optional("营业开始", "opens_at");
    static final Column CLOSES_AT = Column.optional("营业结束", "closes_at");

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
            .keepWhenNull("personalised_service", "VARCHAR(100)", null)
            // A file without these columns (or with blank cells) keeps what an earlier file gave.
            .keepWhenNull("longitude", "NUMERIC(9, 6)", null)
            .keepWhenNull("latitude", "NUMERIC(9, 6)", null)
            .keepWhenNull("opens_at", "TIME", null)
            .keepWhenNull("closes_at", "TIME", null);

    private final Lookups lookups;

    CustomerImport(Lookups lookups) {
        this.lookups = lookups;
    }

    // Reports the missing one of a pair, unless the filled one was already bad.
    private static void bothOrNeither(CsvRow row, Column first, Column second, String reason) {
        boolean hasFirst = row.text(first) != null;
        boolean hasSecond = row.text(second) != null;
        if (hasFirst != hasSecond) {
            row.reject(hasFirst ? second : first, reason);
        }
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public List<Column> columns() {
        return List.of(LICENCE, NAME, ADDRESS, ROUTE, BUSINESS_FORMAT, MARKET_TYPE, GRADE, ONLINE_ORDERING,
                OPENED_ON, STATUS, PERSONALISED_SERVICE, LONGITUDE, LATITUDE, OPENS_AT, CLOSES_AT);
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
                    row.read(PERSONALISED_SERVICE),
                    row.read(LONGITUDE, Cells.degreesBetween("经度", GeoPoint.MIN_LONGITUDE, GeoPoint.MAX_LONGITUDE)),
                    row.read(LATITUDE, Cells.degreesBetween("纬度", GeoPoint.MIN_LATITUDE, GeoPoint.MAX_LATITUDE)),
                    row.<LocalTime>read(OPENS_AT, Cells::time),
                    row.<LocalTime>read(CLOSES_AT, Cells::time)};
            bothOrNeither(row, LONGITUDE, LATITUDE, "经度和纬度须同时填写或同时留空 (longitude and latitude go together)");
            bothOrNeither(row, OPENS_AT, CLOSES_AT, "营业开始和营业结束须同时填写或同时留空 (opening hours go together)");
            if (values[13] != null && values[14] != null && !((LocalTime) values[13]).isBefore((LocalTime) values[14])) {
                row.reject(CLOSES_AT, "营业结束「" + row.text(CLOSES_AT) + "」应晚于营业开始「" + row.text(OPENS_AT)
                        + "」(closes before it opens)");
            }
            if (!row.bad()) {
                customers.add(values);
            }
        });
    }
}
