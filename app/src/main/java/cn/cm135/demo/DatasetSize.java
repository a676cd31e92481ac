package cn.cm135.demo;

/** How big a city to generate. */
enum DatasetSize {
    /** A few dozen customers for integration tests. */
    TINY(1, 1, 60, 20, 3, 0.6),
    /** The demo city loaded on first start: 2 market managers, 8 customer managers, ~1,200 retailers. */
    DEMO(2, 4, 150, 60, 14, 0.2),
    /**
     * One market manager's team at real size, the demo's data density: 12 customer managers of 300 retailers each
     * ({@code cm135.demo-size=team}; the browser test works the month of such a customer manager).
     */
    TEAM(1, 12, 300, 60, 14, 0.2),
    /** A whole city for load tests: 100 customer managers, 30,000 retailers, ~20 M order lines. */
    CITY(10, 10, 300, 300, 14, 1.0);

    final int departments;
    final int customerManagersPerDepartment;
    final int customersPerManager;
    final int specs;
    final int months;
    /**
     * Extra specs per ordered carton: real retailers spread an order thinly (0.8 ≈ 10 lines an order);
     * the demo uses fewer, larger lines so that it loads into the embedded H2 within a minute.
     */
    final double specsPerCarton;

    DatasetSize(int departments, int customerManagersPerDepartment, int customersPerManager, int specs, int months,
                double specsPerCarton) {
        this.departments = departments;
        this.customerManagersPerDepartment = customerManagersPerDepartment;
        this.customersPerManager = customersPerManager;
        this.specs = specs;
        this.months = months;
        this.specsPerCarton = specsPerCarton;
    }

    int customerManagers() {
        return departments * customerManagersPerDepartment;
    }

    /** Staff ids have as many digits as the largest number needs, at least two: cm01 or cm001. */
    int staffNumberDigits() {
        return Math.max(2, String.valueOf(customerManagers()).length());
    }
}
