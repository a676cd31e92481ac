-- Roll-ups shaped for what the month-start analyses read (issue 13), refreshed with the sales roll-ups by
-- SalesRollup (paid when order lines are written, not at the month start). Portable SQL: runs unchanged on
-- H2 2.x and PostgreSQL 15. All derived data: every month is marked as not rolled up below, so the first
-- analysis after this migration rebuilds them (on a city of 17 M order lines about a minute).

-- Step 5 reads these per customer instead of the quarter's customer x spec rows: the key-brand volume and the
-- retail profit of the month (priced with cigarette_spec as it is; the specs import re-prices them).
alter table customer_sales_month add column key_volume integer not null default 0;
alter table customer_sales_month add column retail_profit numeric(18, 2) not null default 0;

-- Customer x the quarter ending with month k: specs bought in k-2 .. k, order days of k, and the 7-day blocks of
-- the 91 days ending on k's last day with an order (step 5's breadth, order days and regularity).
create table customer_quarter (
    month_start date   not null,
    customer_id bigint not null,
    specs_3m    integer not null,
    order_days  integer not null,
    order_weeks integer not null,
    primary key (month_start, customer_id)
);

-- Area x spec x month k: customers of the area who bought the spec in k and in k-1 (step 6's repeat buyers).
create table area_repeat_month (
    month_start   date        not null,
    area_code     varchar(32) not null,
    spec_code     varchar(32) not null,
    repeat_buyers integer     not null,
    primary key (month_start, area_code, spec_code)
);

-- Each customer's latest stock count of each spec on or before the last day of month k (greatest date: one
-- count per customer, spec and day), with the pair's volume of k-2 .. k: the stock the customer analysis sets
-- against the sales (step 5), the market's social inventory (step 8) and the strategies' key-spec counts
-- (step 9) all read this one snapshot. Kept by whoever writes counts: the observations import and the
-- generator refresh whole months, a recorded visit day its customers (VisitRecordService).
create table stock_month (
    month_start date        not null,
    customer_id bigint      not null,
    spec_code   varchar(32) not null,
    observed_on date        not null,
    inventory   integer     not null,
    quantity_3m integer,                         -- null: no order line of the pair in k-2 .. k
    primary key (month_start, customer_id, spec_code)
);

-- Area x 业态 x spec x month k: the customers of stock_month with a count and the sum of their counts (step 8's
-- social inventory: the mean count per 业态 times its active customers). A customer counts in the area and 业态
-- recorded for it in area_sales_customer, which SalesRollup.alignAreas keeps equal to its current ones.
create table area_stock_month (
    month_start     date        not null,
    area_code       varchar(32) not null,
    business_format varchar(16) not null,
    spec_code       varchar(32) not null,
    customers       integer     not null,
    inventory       bigint      not null,
    primary key (month_start, area_code, business_format, spec_code)
);
alter table area_sales_customer add column business_format varchar(16);
delete from area_sales_customer;

-- Each customer's latest observation of each spec inside month k that recorded shelf presence (step 6's 上柜率),
-- and the latest that recorded a retail price (step 8's price index and spec prices, step 9's observed prices).
-- Kept with stock_month (same writers).
create table shelf_month (
    month_start date        not null,
    customer_id bigint      not null,
    spec_code   varchar(32) not null,
    on_shelf    boolean     not null,
    primary key (month_start, customer_id, spec_code)
);
create table price_month (
    month_start  date           not null,
    customer_id  bigint         not null,
    spec_code    varchar(32)    not null,
    observed_on  date           not null,
    retail_price numeric(10, 2) not null,
    primary key (month_start, customer_id, spec_code)
);

delete from area_sales_month;
delete from sales_month_refresh;
