package cn.cm135.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * The organisation as a company exports it: one row per route, repeating its department, market
 * manager, customer manager and area. The file is small (hundreds of routes), so it is checked as a
 * whole for contradictions (a customer manager in two departments, an area under two managers)
 * before anything is written; then Camunda users are created for new staff.
 */
@Component
class OrganizationImport implements CsvImporter {

    static final Column DEPARTMENT_CODE = Column.required("市场部编码", "department_code", 32);
    static final Column DEPARTMENT_NAME = Column.required("市场部名称", "department_name", 100);
    static final Column MARKET_MANAGER_ID = Column.required("市场经理工号", "market_manager_id", 64);
    static final Column MARKET_MANAGER_NAME = Column.required("市场经理姓名", "market_manager_name", 100);
    static final Column CUSTOMER_MANAGER_ID = Column.required("客户经理工号", "customer_manager_id", 64);
    static final Column CUSTOMER_MANAGER_NAME = Column.required("客户经理姓名", "customer_manager_name", 100);
    static final Column AREA_CODE = Column.required("片区编码", "area_code", 32);
    static final Column AREA_NAME = Column.required("片区名称", "area_name", 100);
    static final Column ROUTE_CODE = Column.required("线路编码", "route_code", 32);
    static final Column ROUTE_NAME = Column.required("线路名称", "route_name", 100);
    static final Column WEEKDAY = Column.required("拜访日", "weekday");

    // staff.department_code and market_department.market_manager_id point at each other: new
    // departments are first inserted bare, then staff, then departments get their manager.
    private static final String INSERT_BARE_DEPARTMENT = "INSERT INTO market_department (code, name) "
            + "SELECT CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(100)) "
            + "WHERE NOT EXISTS (SELECT 1 FROM market_department WHERE code = CAST(? AS VARCHAR(32)))";

    private static final UpsertStatement STAFF = UpsertStatement.into("staff")
            .key("staff_id", "VARCHAR(64)")
            .value("name", "VARCHAR(100)")
            .value("role", "VARCHAR(32)")
            .value("department_code", "VARCHAR(32)");
    private static final UpsertStatement DEPARTMENT = UpsertStatement.into("market_department")
            .key("code", "VARCHAR(32)")
            .value("name", "VARCHAR(100)")
            .value("market_manager_id", "VARCHAR(64)");
    private static final UpsertStatement AREA = UpsertStatement.into("area")
            .key("code", "VARCHAR(32)")
            .value("name", "VARCHAR(100)")
            .value("customer_manager_id", "VARCHAR(64)");
    private static final UpsertStatement ROUTE = UpsertStatement.into("route")
            .key("code", "VARCHAR(32)")
            .value("name", "VARCHAR(100)")
            .value("area_code", "VARCHAR(32)")
            .value("weekday", "SMALLINT");

    private record Route(String code, String name, String areaCode, int weekday) {
    }

    /** A fact stated by some row of the file, remembered with that row's line for contradictions. */
    private record Stated(List<Object> value, long line) {
    }

    private final CamundaIdentitySync identitySync;
    private final IdentityService identityService;

    OrganizationImport(CamundaIdentitySync identitySync, IdentityService identityService) {
        this.identitySync = identitySync;
        this.identityService = identityService;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORGANIZATION;
    }

    @Override
    public List<Column> columns() {
        return List.of(DEPARTMENT_CODE, DEPARTMENT_NAME, MARKET_MANAGER_ID, MARKET_MANAGER_NAME, CUSTOMER_MANAGER_ID,
                CUSTOMER_MANAGER_NAME, AREA_CODE, AREA_NAME, ROUTE_CODE, ROUTE_NAME, WEEKDAY);
    }

    @Override
    public void importRows(CsvRows rows, ImportContext context) {
        Map<String, Stated> departments = new HashMap<>();
        Map<String, Stated> staff = new HashMap<>();
        Map<String, Stated> areas = new HashMap<>();
        Map<String, Long> routeLines = new HashMap<>();
        List<Route> routes = new ArrayList<>();
        context.forEachRow(rows, row -> {
            String departmentCode = row.read(DEPARTMENT_CODE);
            String departmentName = row.read(DEPARTMENT_NAME);
            String marketManagerId = row.read(MARKET_MANAGER_ID);
            String marketManagerName = row.read(MARKET_MANAGER_NAME);
            String customerManagerId = row.read(CUSTOMER_MANAGER_ID);
            String customerManagerName = row.read(CUSTOMER_MANAGER_NAME);
            String areaCode = row.read(AREA_CODE);
            String areaName = row.read(AREA_NAME);
            String routeCode = row.read(ROUTE_CODE);
            String routeName = row.read(ROUTE_NAME);
            Integer weekday = row.read(WEEKDAY, Cells::weekday);
            if (row.bad()) {
                return;
            }
            agree(row, departments, departmentCode, List.of(departmentName, marketManagerId), MARKET_MANAGER_ID,
                    "市场部「" + departmentCode + "」");
            agree(row, staff, marketManagerId, List.of(marketManagerName, "MARKET_MANAGER", departmentCode),
                    MARKET_MANAGER_ID, "市场经理「" + marketManagerId + "」");
            // The rule the brief names explicitly: one customer manager, one market department.
            agree(row, staff, customerManagerId, List.of(customerManagerName, "CUSTOMER_MANAGER", departmentCode),
                    CUSTOMER_MANAGER_ID, "客户经理「" + customerManagerId + "」");
            agree(row, areas, areaCode, List.of(areaName, customerManagerId), CUSTOMER_MANAGER_ID,
                    "片区「" + areaCode + "」");
            Long first = routeLines.putIfAbsent(routeCode, row.line());
            if (first != null) {
                row.reject(ROUTE_CODE, "线路编码「" + routeCode + "」与第 " + first + " 行重复 (duplicate route)");
            }
            if (!row.bad()) {
                routes.add(new Route(routeCode, routeName, areaCode, weekday));
            }
        });
        if (context.errors().any()) {
            return;
        }
        write(context, departments, staff, areas, routes);
        context.addInitialPasswords(syncCamundaUsers());
    }

    /**
     * Remembers what the first row said about a department, person or area, and rejects a later row
     * that says something else: the file must describe one organisation.
     */
    private static void agree(CsvRow row, Map<String, Stated> known, String key, List<Object> value, Column column,
            String what) {
        Stated first = known.putIfAbsent(key, new Stated(value, row.line()));
        if (first != null && !Objects.equals(first.value(), value)) {
            row.reject(column, what + "与第 " + first.line() + " 行的信息矛盾（" + describe(first.value())
                    + " ≠ " + describe(value) + "）；同一人员、市场部、片区在文件中必须一致，客户经理只能属于一个市场部"
                    + " (contradicts line " + first.line() + ")");
        }
    }

    private static String describe(List<Object> value) {
        return String.join(" / ", value.stream().map(String::valueOf).toList());
    }

    /**
     * Creates Camunda users for new staff. Runs without the caller's Camunda authentication: whoever
     * may import the organisation (marketing centre, admin; decided on the URL) may create its users,
     * though the marketing centre holds no USER/GROUP create authorization in the engine itself.
     */
    private Map<String, String> syncCamundaUsers() {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return identitySync.syncAll(InitialPasswords.RANDOM).initialPasswords();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private static void write(ImportContext context, Map<String, Stated> departments, Map<String, Stated> staff,
            Map<String, Stated> areas, List<Route> routes) {
        UpsertBatch departmentBatch = context.batch(DEPARTMENT);
        UpsertBatch staffBatch = context.batch(STAFF);
        UpsertBatch areaBatch = context.batch(AREA);
        UpsertBatch routeBatch = context.batch(ROUTE);
        List<Object[]> bare = departments.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), e.getValue().value().get(0), e.getKey()}).toList();
        long bareInserted = Arrays.stream(context.jdbc().batchUpdate(INSERT_BARE_DEPARTMENT, bare))
                .filter(count -> count > 0).count();
        staff.forEach((id, stated) -> staffBatch.add(id, stated.value().get(0), stated.value().get(1), stated.value().get(2)));
        staffBatch.flush();
        departments.forEach((code, stated) -> departmentBatch.add(code, stated.value().get(0), stated.value().get(1)));
        departmentBatch.flush();
        departmentBatch.countUpdatesAsInserts(bareInserted);
        areas.forEach((code, stated) -> areaBatch.add(code, stated.value().get(0), stated.value().get(1)));
        areaBatch.flush();
        routes.forEach(route -> routeBatch.add(route.code(), route.name(), route.areaCode(), route.weekday()));
        routeBatch.flush();
    }
}
