-- Sums the month-start analyses read instead of grouping a month's detail roll-ups (issue 13: step 5 grouped
-- the month's 360,000 stock rows per customer, step 6 the 125,000 shelf rows per area, step 8 the 105,000
-- per-spec stock sums, the 49,000 prices and twelve months of area x spec sales per area, steps 6 and 8 the
-- customers who ordered per area). Written by SalesRollup beside the rows they sum; filled here from the
-- roll-ups as they are, so nothing is rebuilt. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

-- Customer x month k: the customer's counted stock (the latest count of every counted spec, stock_month) and
-- those specs' volume of k-2 .. k (step 5's weeks of stock).
create table customer_stock_month (
    month_start date   not null,
    customer_id bigint not null,
    stock       bigint not null,
    volume_3m   bigint not null,
    primary key (month_start, customer_id)
);
insert into customer_stock_month (month_start, customer_id, stock, volume_3m)
select month_start, customer_id, sum(inventory), sum(coalesce(quantity_3m, 0))
  from stock_month
 group by month_start, customer_id;

-- Area x 业态 x month k: the sum over specs of the mean latest count among the area's customers of that 业态
-- with a count of the spec (at 20 decimals); step 8's social inventory is the sum over 业态 of this times the
-- 业态's active customers. Replaces area_stock_month (its per-spec sums), which only this sum read.
create table area_format_stock_month (
    month_start     date           not null,
    area_code       varchar(32)    not null,
    business_format varchar(16)    not null,
    mean_inventory  numeric(40, 20) not null,
    primary key (month_start, area_code, business_format)
);
insert into area_format_stock_month (month_start, area_code, business_format, mean_inventory)
select month_start, area_code, business_format, sum(cast(inventory as decimal(30, 10)) / customers)
  from area_stock_month
 group by month_start, area_code, business_format;
drop table area_stock_month;

-- Area x 业态 x month k: the area's customers of that 业态 who ordered in k, their quantity and amount (step 6's
-- and step 8's active customers, step 8's volumes of k, k-1, k-11 and twelve months).
create table area_format_month (
    month_start     date           not null,
    area_code       varchar(32)    not null,
    business_format varchar(16)    not null,
    customers       integer        not null,
    quantity        bigint         not null,
    amount          numeric(18, 2) not null,
    primary key (month_start, area_code, business_format)
);
insert into area_format_month (month_start, area_code, business_format, customers, quantity, amount)
select cs.month_start, ac.area_code, ac.business_format, count(*), sum(cs.quantity), sum(cs.amount)
  from customer_sales_month cs
  join area_sales_customer ac on ac.customer_id = cs.customer_id
 group by cs.month_start, ac.area_code, ac.business_format;

-- Area x spec x month k: the area's customers with a shelf record of the spec in k (their latest, shelf_month)
-- and those on the shelf (step 6's 上柜率).
create table area_shelf_month (
    month_start        date        not null,
    area_code          varchar(32) not null,
    spec_code          varchar(32) not null,
    shelf_customers    integer     not null,
    on_shelf_customers integer     not null,
    primary key (month_start, area_code, spec_code)
);
insert into area_shelf_month (month_start, area_code, spec_code, shelf_customers, on_shelf_customers)
select o.month_start, ac.area_code, o.spec_code, count(*), sum(case when o.on_shelf then 1 else 0 end)
  from shelf_month o
  join area_sales_customer ac on ac.customer_id = o.customer_id
 group by o.month_start, ac.area_code, o.spec_code;

-- Area x spec x month k: the area's customers with a retail price of the spec in k (their latest, price_month)
-- and the sum of those prices (step 8's mean observed price per spec: price index, retail margin, spec prices).
create table area_price_month (
    month_start date           not null,
    area_code   varchar(32)    not null,
    spec_code   varchar(32)    not null,
    customers   integer        not null,
    price_sum   numeric(16, 2) not null,
    primary key (month_start, area_code, spec_code)
);
insert into area_price_month (month_start, area_code, spec_code, customers, price_sum)
select p.month_start, ac.area_code, p.spec_code, count(*), sum(p.retail_price)
  from price_month p
  join area_sales_customer ac on ac.customer_id = p.customer_id
 group by p.month_start, ac.area_code, p.spec_code;
