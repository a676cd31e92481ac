package cn.cm135.demo;

import java.sql.Types;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The tables the generator fills, in the order it fills them (foreign keys point backwards only).
 * Each table knows its columns and their JDBC types, so every writer can bind rows generically.
 */
enum Table {
    // Departments first without their manager: staff rows reference departments, and the department's
    // manager is a staff row, so the manager is set afterwards (DEPARTMENT_MANAGER).
    DEPARTMENT("market_department", new String[] {"code", "name", "depot_longitude", "depot_latitude"},
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC}),
    STAFF("staff", new String[] {"staff_id", "name", "role", "department_code", "active", "phone"},
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR}),
    DEPARTMENT_MANAGER("market_department", new String[] {"market_manager_id", "code"},
            new int[] {Types.VARCHAR, Types.VARCHAR}) {
        @Override
        String insertSql() {
            return "update market_department set market_manager_id = ? where code = ?";
        }

        @Override
        boolean copyable() {
            return false;
        }
    },
    AREA("area", new String[] {"code", "name", "customer_manager_id"},
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR}),
    ROUTE("route", new String[] {"code", "name", "area_code", "weekday"},
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.SMALLINT}),
    SPEC("cigarette_spec", new String[] {"code", "name", "brand_family", "wholesale_price", "retail_price",
            "price_class", "key_brand", "new_brand", "launched_on"},
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.SMALLINT,
                    Types.BOOLEAN, Types.BOOLEAN, Types.DATE}),
    // Explicit ids: order lines and observations reference customers without a lookup per row.
    CUSTOMER("retail_customer", new String[] {"id", "licence_no", "name", "address", "route_code",
            "business_format", "market_type", "grade", "online_ordering", "opened_on", "status",
            "personalised_service", "longitude", "latitude", "opens_at", "closes_at"},
            new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR, Types.SMALLINT, Types.BOOLEAN, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                    Types.NUMERIC, Types.NUMERIC, Types.TIME, Types.TIME}),
    ORDER_LINE("order_line", new String[] {"order_no", "customer_id", "spec_code", "order_date", "quantity", "amount"},
            new int[] {Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.INTEGER, Types.NUMERIC}),
    OBSERVATION("field_observation", new String[] {"customer_id", "spec_code", "observed_on", "inventory",
            "retail_price", "on_shelf"},
            new int[] {Types.BIGINT, Types.VARCHAR, Types.DATE, Types.INTEGER, Types.NUMERIC, Types.BOOLEAN}),
    ANOMALY("market_anomaly", new String[] {"customer_id", "observed_on", "anomaly_type", "spec_code", "note"},
            new int[] {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR}),
    DEMAND("customer_demand", new String[] {"customer_id", "period", "need_type", "content", "urgent", "status",
            "recorded_by"},
            new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR,
                    Types.VARCHAR});

    private final String tableName;
    private final String[] columns;
    private final int[] sqlTypes;

    Table(String tableName, String[] columns, int[] sqlTypes) {
        this.tableName = tableName;
        this.columns = columns;
        this.sqlTypes = sqlTypes;
    }

    String tableName() {
        return tableName;
    }

    int sqlType(int column) {
        return sqlTypes[column];
    }

    int columnCount() {
        return columns.length;
    }

    String insertSql() {
        return "insert into " + tableName + " (" + String.join(", ", columns) + ") values ("
                + Arrays.stream(columns).map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    String copySql() {
        return "copy " + tableName + " (" + String.join(", ", columns) + ") from stdin";
    }

    /** False for tables that are updated rather than appended to; writers then use plain statements. */
    boolean copyable() {
        return true;
    }
}
