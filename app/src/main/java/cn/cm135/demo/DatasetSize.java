package cn.cm135.demo;

/** How big a city to generate. */
enum DatasetSize {
    /** A few dozen customers for integration tests. */
    TINY(1, 1, 60, 20, 3),
    /** The demo city loaded on first start: 2 market managers, 8 customer managers, ~1,200 retailers. */
    DEMO(2, 4, 150, 60, 14),
    /** A whole city for load tests: 100 customer managers, 30,000 retailers, ~20 M order lines. */
    CITY(10, 10, 300, 300, 14);

    final int departments;
    final int customerManagersPerDepartment;
    final int customersPerManager;
    final int specs;
    final int months;

    DatasetSize(int departments, int customerManagersPerDepartment, int customersPerManager, int specs, int months) {
        this.departments = departments;
        this.customerManagersPerDepartment = customerManagersPerDepartment;
        this.customersPerManager = customersPerManager;
        this.specs = specs;
        this.months = months;
    }

    int customerManagers() {
        return departments * customerManagersPerDepartment;
    }

    /** Staff ids have as many digits as the largest number needs, at least two: cm01 or cm001. */
    int staffNumberDigits() {
        return Math.max(2, String.valueOf(customerManagers()).length());
    }
}
