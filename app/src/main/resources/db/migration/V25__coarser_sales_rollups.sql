-- Coarser roll-ups beside sales_month, refreshed with it (SalesRollup), so that the month-start
-- analyses read a few hundred thousand rows instead of several months of customer x spec rows.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
--
-- All of them are derived data: the orders import and the dataset generator refresh the months they
-- write, and SalesRollup.ensure rolls up any month never rolled up. Here every month is marked as not
-- rolled up and sales_month is emptied, so the first analysis rebuilds them all from order_line.

-- Customer x spec over the quarter ending with each month k (k-2 .. k): the pairs the customer analysis
-- counts (distinct specs of the quarter, key-brand volume, the volumes set against the stock) and the
-- brand analysis' repeat buyers. Derived from three months of sales_month, so a month's refresh also
-- recomputes the quarters of the two months after it.
create table sales_quarter (
    month_start   date        not null,           -- the quarter's last month k
    customer_id   bigint      not null,
    spec_code     varchar(32) not null,
    quantity      integer     not null,           -- in k (0: bought in k-1 or k-2 only)
    prev_quantity integer     not null,           -- in k-1
    quantity_3m   integer     not null,           -- in k-2 .. k
    primary key (month_start, customer_id, spec_code)
);

-- Customer x month: the totals of sales_month (customer analysis: volumes of m-14 .. m; active customers).
create table customer_sales_month (
    month_start date           not null,          -- first day of the calendar month
    customer_id bigint         not null,          -- retail_customer.id (checked by order_line)
    quantity    integer        not null,          -- 条
    amount      numeric(16, 2) not null,          -- 元
    specs       integer        not null,          -- specs ordered in the month (rows of sales_month)
    primary key (month_start, customer_id)
);

-- The days on which a customer ordered anything (order days and order weeks of the customer analysis).
create table customer_order_day (
    order_date  date   not null,
    customer_id bigint not null,
    primary key (order_date, customer_id)
);

-- Area x spec x month (brand and market analyses: 12 months of area volumes, the centre). The area of
-- a customer is the one recorded in area_sales_customer, which SalesRollup.alignAreas keeps equal to the
-- area of the customer's current route: when a customer or a route moves, the rows of the areas
-- concerned are recomputed from sales_month for every rolled-up month.
create table area_sales_month (
    month_start date           not null,
    area_code   varchar(32)    not null,
    spec_code   varchar(32)    not null,
    quantity    integer        not null,          -- 条
    amount      numeric(16, 2) not null,          -- 元
    buyers      integer        not null,          -- customers of the area who bought the spec in the month
    primary key (month_start, area_code, spec_code)
);

-- The area each customer's sales are counted in by area_sales_month.
create table area_sales_customer (
    customer_id bigint      primary key,
    area_code   varchar(32) not null
);

-- Each customer's latest count of each spec (customer and market analyses) in key order from the index
-- alone: (customer, spec, date) is unique (uq_observation), so the latest date is the latest count.
create index ix_observation_latest_count on field_observation (customer_id, spec_code, observed_on, inventory);

delete from sales_month;
delete from sales_month_refresh;
