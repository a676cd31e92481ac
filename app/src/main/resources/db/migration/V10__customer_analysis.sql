-- Step 5 客户经营状态分析: the monthly sales roll-up and the stored customer analysis.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

-- Monthly roll-up of order lines (customer x spec x month), so that the analysis of a month reads
-- 15 months of sales without rescanning order_line. "month" is a reserved word in H2 2.x, hence
-- month_start (the first day of the calendar month).
create table sales_month (
    customer_id bigint         not null references retail_customer (id),
    spec_code   varchar(32)    not null references cigarette_spec (code),
    month_start date           not null,
    quantity    integer        not null,          -- 条
    amount      numeric(16, 2) not null,          -- 元
    order_days  integer        not null,          -- distinct order dates of this spec in the month
    primary key (customer_id, spec_code, month_start)
);
create index ix_sales_month_month_spec on sales_month (month_start, spec_code);

-- Months whose roll-up is up to date (a month without any order line still counts as rolled up).
create table sales_month_refresh (
    month_start  date      primary key,
    refreshed_at timestamp not null
);

-- One row per analysed month and customer: 经营效果明细, 经营能力打分明细 and the grade. The rows of
-- all months are kept, so this table is also the grade history (period, customer_id, grade).
-- Rates, shares, indices and item scores are fractions with 4 decimals; money, 单条值, points and
-- the total score have 2 decimals (indicators.md, "stored precision").
create table customer_month_result (
    period               varchar(7)     not null,      -- yyyy-MM
    customer_id          bigint         not null references retail_customer (id),
    customer_manager_id  varchar(64)    not null,      -- at analysis time; the unit of locking
    business_format      varchar(16)    not null,      -- peer group at analysis time
    market_type          varchar(8)     not null,
    -- business effect (计算经营效果), month m
    volume               integer        not null,      -- V, 条
    amount               numeric(14, 2) not null,      -- A, 元
    unit_value           numeric(10, 2) not null,      -- 单条值 U = A / V, 0 when V = 0
    prev_volume          integer        not null,      -- V(m-1)
    mom_index            numeric(12, 4),               -- GI = V(m) / V(m-1); null when V(m-1) = 0
    last_year_volume     integer        not null,      -- V(m-12)
    yoy_index            numeric(12, 4),               -- GI = V(m) / V(m-12); null when V(m-12) = 0
    order_days           integer        not null,
    specs_ordered        integer        not null,
    key_volume           integer        not null,
    key_share            numeric(5, 4)  not null,      -- key_volume / V, 0 when V = 0
    retail_profit        numeric(14, 2) not null,      -- sum Q x (retail price - wholesale price)
    peer_mom_index       numeric(12, 4),               -- mean MoM GI of the peer group (defined ones)
    warning              boolean        not null,      -- 预警: mom_index / peer_mom_index < warning-ratio
    -- business capability score (经营能力打分): raw value, score in [0,1], weighted points
    volume_3m            integer        not null,
    avg_monthly_volume   numeric(12, 2) not null,      -- volume_3m / 3
    volume_score         numeric(5, 4)  not null,
    volume_points        numeric(5, 2)  not null,
    amount_3m            numeric(16, 2) not null,
    unit_value_3m        numeric(10, 2) not null,
    unit_value_score     numeric(5, 4)  not null,
    unit_value_points    numeric(5, 2)  not null,
    order_weeks          integer        not null,      -- weeks with >= 1 order in the last 13 weeks
    regularity_score     numeric(5, 4)  not null,
    regularity_points    numeric(5, 2)  not null,
    specs_3m             integer        not null,
    breadth_score        numeric(5, 4)  not null,
    breadth_points       numeric(5, 2)  not null,
    last_year_volume_3m  integer        not null,      -- V(m-14 .. m-12)
    growth_index_3m      numeric(12, 4),               -- volume_3m / last_year_volume_3m; null: no history
    growth_score         numeric(5, 4)  not null,
    growth_points        numeric(5, 2)  not null,
    stock                integer,                      -- sum of latest counts of counted specs; null: never counted
    weeks_of_stock       numeric(12, 4),
    stock_score          numeric(5, 4)  not null,
    stock_points         numeric(5, 2)  not null,
    capability_score     numeric(5, 2)  not null,      -- 0-100
    capability_level     varchar(4)     not null,      -- 优 良 中 差
    -- grade (客户分档)
    volume_decile        smallint       not null,
    unit_value_tercile   smallint       not null,
    new_customer         boolean        not null,
    grade                smallint       not null,
    locked               boolean        not null default false,
    analysed_at          timestamp      not null,
    primary key (period, customer_id),
    constraint ck_result_grade check (grade between 1 and 30),
    constraint ck_result_level check (capability_level in ('优', '良', '中', '差'))
);
create index ix_result_manager_period on customer_month_result (customer_manager_id, period);
create index ix_result_customer_period on customer_month_result (customer_id, period);
