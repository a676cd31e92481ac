-- Step 8 市场分析: the stored market analysis per area and month (indicators.md, "Market analysis").
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
-- Rates, shares and indices are fractions with 4 decimals; money, 单条值, social inventory and days
-- have 2 decimals (indicators.md, "stored precision"). A locked row (确定) and its detail rows are
-- never rewritten.

create table market_month_result (
    period               varchar(7)     not null,      -- yyyy-MM
    area_code            varchar(32)    not null references area (code),
    customer_manager_id  varchar(64)    not null,      -- the area's customer manager at analysis time
    active_customers     integer        not null,      -- customers of the area that ordered anything in m
    price_index          numeric(12, 4),               -- sum(mean price x w) / sum(guide x w); null: no observed price
    social_inventory     numeric(14, 2) not null,      -- 社会库存, 条 (0 when nothing was counted)
    volume               integer        not null,      -- area volume of m, 条
    amount               numeric(16, 2) not null,      -- area amount of m, 元
    stock_sales_ratio    numeric(12, 4),               -- 存销比 = social inventory / volume; null: volume 0 or never counted
    days_of_stock        numeric(12, 2),               -- 可销天数 = social inventory / (volume / days in m)
    retail_margin_rate   numeric(12, 4),               -- sum (p - wholesale) Q / sum p Q over observed specs
    unit_value           numeric(10, 2) not null,      -- 单条值 = amount / volume, 0 when volume 0
    prev_unit_value      numeric(10, 2) not null,      -- 单条值 of m-1
    unit_value_index     numeric(12, 4),               -- U(m) / U(m-1); null when U(m-1) = 0
    seasonal_index_next  numeric(12, 4),               -- V(m-11) / mean monthly V(m-11 .. m); null when that mean is 0
    prev_volume          integer        not null,      -- area volume of m-1
    volume_index         numeric(12, 4),               -- GI MoM of the area volume; null when V(m-1) = 0
    centre_volume_index  numeric(12, 4),               -- GI MoM of the marketing centre volume; null when its base is 0
    warning              boolean        not null,      -- volume_index / centre_volume_index < warning-ratio
    locked               boolean        not null default false,
    conclusions          varchar(2000),
    analysed_at          timestamp      not null,
    primary key (period, area_code)
);
create index ix_market_result_manager on market_month_result (customer_manager_id, period);

-- Volume share by price class 一类 .. 五类: always five rows per analysed area.
create table market_price_class_share (
    period      varchar(7)    not null,
    area_code   varchar(32)   not null,
    price_class smallint      not null,
    volume      integer       not null,
    share       numeric(5, 4) not null,               -- volume / area volume, 0 when the area sold nothing
    primary key (period, area_code, price_class),
    foreign key (period, area_code) references market_month_result (period, area_code)
);

-- Observed specs of the month: mean observed retail price against the guide price.
create table market_spec_price (
    period      varchar(7)     not null,
    area_code   varchar(32)    not null,
    spec_code   varchar(32)    not null references cigarette_spec (code),
    customers   integer        not null,              -- customers whose latest price in m makes the mean
    mean_price  numeric(10, 2) not null,
    guide_price numeric(10, 2) not null,
    deviation   numeric(12, 4) not null,              -- mean / guide - 1
    flagged     boolean        not null,              -- |deviation| > price-deviation
    primary key (period, area_code, spec_code),
    foreign key (period, area_code) references market_month_result (period, area_code)
);

-- Market anomalies seen on visits in m, by type (only types seen).
create table market_anomaly_count (
    period       varchar(7)  not null,
    area_code    varchar(32) not null,
    anomaly_type varchar(16) not null,
    count        integer     not null,
    primary key (period, area_code, anomaly_type),
    foreign key (period, area_code) references market_month_result (period, area_code)
);
