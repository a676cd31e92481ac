package cn.cm135.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** One generated row of one table; {@link #values()} are in the order of the table's columns. */
interface Row {

    Table table();

    Object[] values();

    record Department(String code, String name, BigDecimal depotLongitude, BigDecimal depotLatitude) implements Row {
        public Table table() {
            return Table.DEPARTMENT;
        }

        public Object[] values() {
            return new Object[] {code, name, depotLongitude, depotLatitude};
        }
    }

    record Staff(String staffId, String name, String role, String departmentCode, String phone) implements Row {
        public Table table() {
            return Table.STAFF;
        }

        public Object[] values() {
            return new Object[] {staffId, name, role, departmentCode, true, phone};
        }
    }

    record DepartmentManager(String departmentCode, String managerId) implements Row {
        public Table table() {
            return Table.DEPARTMENT_MANAGER;
        }

        public Object[] values() {
            return new Object[] {managerId, departmentCode};
        }
    }

    record Area(String code, String name, String customerManagerId) implements Row {
        public Table table() {
            return Table.AREA;
        }

        public Object[] values() {
            return new Object[] {code, name, customerManagerId};
        }
    }

    record Route(String code, String name, String areaCode, int weekday) implements Row {
        public Table table() {
            return Table.ROUTE;
        }

        public Object[] values() {
            return new Object[] {code, name, areaCode, (short) weekday};
        }
    }

    record Spec(String code, String name, String brandFamily, BigDecimal wholesalePrice, BigDecimal retailPrice,
                int priceClass, boolean keyBrand, boolean newBrand, LocalDate launchedOn) implements Row {
        public Table table() {
            return Table.SPEC;
        }

        public Object[] values() {
            return new Object[] {code, name, brandFamily, wholesalePrice, retailPrice, (short) priceClass, keyBrand,
                    newBrand, launchedOn};
        }
    }

    record Customer(long id, String licenceNo, String name, String address, String routeCode, String businessFormat,
                    String marketType, int grade, boolean onlineOrdering, LocalDate openedOn, String status,
                    String personalisedService, BigDecimal longitude, BigDecimal latitude, LocalTime opensAt,
                    LocalTime closesAt) implements Row {
        public Table table() {
            return Table.CUSTOMER;
        }

        public Object[] values() {
            return new Object[] {id, licenceNo, name, address, routeCode, businessFormat, marketType, (short) grade,
                    onlineOrdering, openedOn, status, personalisedService, longitude, latitude, opensAt, closesAt};
        }

        Customer withGrade(int newGrade) {
            return new Customer(id, licenceNo, name, address, routeCode, businessFormat, marketType, newGrade,
                    onlineOrdering, openedOn, status, personalisedService, longitude, latitude, opensAt, closesAt);
        }
    }

    /** Amount kept in fen (cents): 20 M lines should not each allocate a BigDecimal while generating. */
    record OrderLine(String orderNo, long customerId, String specCode, LocalDate orderDate, int quantity,
                     long amountFen) implements Row {
        public Table table() {
            return Table.ORDER_LINE;
        }

        public Object[] values() {
            return new Object[] {orderNo, customerId, specCode, orderDate, quantity, BigDecimal.valueOf(amountFen, 2)};
        }
    }

    record Observation(long customerId, String specCode, LocalDate observedOn, Integer inventory, BigDecimal retailPrice,
                       boolean onShelf) implements Row {
        public Table table() {
            return Table.OBSERVATION;
        }

        public Object[] values() {
            return new Object[] {customerId, specCode, observedOn, inventory, retailPrice, onShelf};
        }
    }

    record Anomaly(long customerId, LocalDate observedOn, String anomalyType, String specCode, String note)
            implements Row {
        public Table table() {
            return Table.ANOMALY;
        }

        public Object[] values() {
            return new Object[] {customerId, observedOn, anomalyType, specCode, note};
        }
    }

    record Demand(long customerId, String period, String needType, String content, boolean urgent,
                  String recordedBy) implements Row {
        public Table table() {
            return Table.DEMAND;
        }

        public Object[] values() {
            return new Object[] {customerId, period, needType, content, urgent, "RECORDED", recordedBy};
        }
    }
}
