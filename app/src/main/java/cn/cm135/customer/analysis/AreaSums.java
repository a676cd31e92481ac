package cn.cm135.customer.analysis;

/**
 * The roll-ups per area (and 业态) that {@link SalesRollup} sums from a roll-up per customer, each customer counted
 * in the area and 业态 recorded for it ({@code area_sales_customer}). Each is rewritten in one of three
 * {@link Scope}s: a month, some areas of a month (a recorded visit day's customers), or some areas in every month
 * (customers that moved or changed their 业态). Every statement reads its per-customer roll-up as {@code x}.
 */
enum AreaSums {

    /** Customers who ordered in the month, their quantity and amount (steps 6 and 8). */
    ORDERING_CUSTOMERS("area_format_month", """
            insert into area_format_month (month_start, area_code, business_format, customers, quantity, amount)
            select x.month_start, ac.area_code, ac.business_format, count(*), sum(x.quantity), sum(x.amount)
              from customer_sales_month x
              join area_sales_customer ac on ac.customer_id = x.customer_id
             where %s
             group by x.month_start, ac.area_code, ac.business_format
            """),

    /** Customers who bought the spec in the month and in the month before (step 6's 重购率). */
    REPEAT_BUYERS("area_repeat_month", """
            insert into area_repeat_month (month_start, area_code, spec_code, repeat_buyers)
            select x.month_start, ac.area_code, x.spec_code, count(*)
              from sales_quarter x
              join area_sales_customer ac on ac.customer_id = x.customer_id
             where x.quantity > 0 and x.prev_quantity > 0 and %s
             group by x.month_start, ac.area_code, x.spec_code
            """),

    /**
     * Per 业态, the sum over specs of the mean latest count among the area's customers of that 业态 with a count of
     * the spec (step 8's social inventory is the sum over 业态 of this times the 业态's ordering customers).
     */
    STOCK("area_format_stock_month", """
            insert into area_format_stock_month (month_start, area_code, business_format, mean_inventory)
            select m.month_start, m.area_code, m.business_format, sum(m.mean_inventory)
              from (select x.month_start, ac.area_code, ac.business_format,
                           cast(sum(x.inventory) as decimal(30, 10)) / count(*) as mean_inventory
                      from stock_month x
                      join area_sales_customer ac on ac.customer_id = x.customer_id
                     where %s
                     group by x.month_start, ac.area_code, ac.business_format, x.spec_code) m
             group by m.month_start, m.area_code, m.business_format
            """),

    /** Per spec, the customers with a shelf record in the month (their latest) and those on the shelf (step 6). */
    SHELF("area_shelf_month", """
            insert into area_shelf_month (month_start, area_code, spec_code, shelf_customers, on_shelf_customers)
            select x.month_start, ac.area_code, x.spec_code, count(*), sum(case when x.on_shelf then 1 else 0 end)
              from shelf_month x
              join area_sales_customer ac on ac.customer_id = x.customer_id
             where %s
             group by x.month_start, ac.area_code, x.spec_code
            """),

    /** Per spec, the customers with a retail price in the month (their latest) and the sum of those prices (step 8). */
    PRICES("area_price_month", """
            insert into area_price_month (month_start, area_code, spec_code, customers, price_sum)
            select x.month_start, ac.area_code, x.spec_code, count(*), sum(x.retail_price)
              from price_month x
              join area_sales_customer ac on ac.customer_id = x.customer_id
             where %s
             group by x.month_start, ac.area_code, x.spec_code
            """);

    /** Which rows are rewritten: the month {@code :first}, and / or the areas {@code :areas}. */
    enum Scope {
        MONTH("month_start = :first", "x.month_start = :first"),
        AREAS_OF_MONTH("month_start = :first and area_code in (:areas)",
                "x.month_start = :first and ac.area_code in (:areas)"),
        AREAS("area_code in (:areas)", "ac.area_code in (:areas)");

        private final String rows;
        private final String source;

        Scope(String rows, String source) {
            this.rows = rows;
            this.source = source;
        }
    }

    private final String table;
    private final String insert;

    AreaSums(String table, String insert) {
        this.table = table;
        this.insert = insert;
    }

    String delete(Scope scope) {
        return "delete from " + table + " where " + scope.rows;
    }

    String insert(Scope scope) {
        return insert.formatted(scope.source);
    }
}
