-- Step 6 月度品牌状态分析 and step 7 品牌分析目标设置 + 目标客户管理.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

-- Brand targets (品牌目标) per month, area (片区) and spec. `period` is the month the target is for:
-- step 7 of month m sets it, step 6 of month m+1 (which analyses m) reads it.
create table brand_target (
    period        varchar(7)  not null,            -- yyyy-MM
    area_code     varchar(32) not null references area (code),
    spec_code     varchar(32) not null references cigarette_spec (code),
    target_volume integer     not null,            -- 条
    primary key (period, area_code, spec_code),
    constraint ck_brand_target_volume check (target_volume >= 0)
);

-- Target customers (目标客户) of a spec for a month; the area is the customer's (via its route).
create table brand_target_customer (
    period      varchar(7)  not null,
    spec_code   varchar(32) not null references cigarette_spec (code),
    customer_id bigint      not null references retail_customer (id),
    primary key (period, spec_code, customer_id)
);
create index ix_brand_target_customer_customer on brand_target_customer (customer_id, period);

-- One row per analysed month, area and spec (indicators.md, "Brand status"). Rates, indices and
-- shares are fractions with 4 decimals, percentage points 2 decimals; rounded half-up once, at the end.
-- A row is locked when its area's customer manager confirmed the analysis (确定后不能修改).
create table brand_month_result (
    period                     varchar(7)     not null,
    area_code                  varchar(32)    not null references area (code),
    spec_code                  varchar(32)    not null references cigarette_spec (code),
    volume                     integer        not null,   -- V(a,s,m), 条
    prev_volume                integer        not null,   -- V(a,s,m-1)
    last_year_volume           integer        not null,   -- V(a,s,m-12)
    mom_index                  numeric(12, 4),            -- V(m) / V(m-1); null when V(m-1) = 0
    yoy_index                  numeric(12, 4),            -- V(m) / V(m-12); null when V(m-12) = 0
    active_customers           integer        not null,   -- customers of the area that ordered anything in m
    buyers                     integer        not null,   -- customers of the area with Q(c,s,m) > 0
    distribution_rate          numeric(5, 4),             -- 铺货率 = buyers / active_customers
    prev_buyers                integer        not null,   -- customers with Q(c,s,m-1) > 0
    repeat_buyers              integer        not null,   -- customers with Q > 0 in m and m-1
    repurchase_rate            numeric(5, 4),             -- 重购率 = repeat_buyers / prev_buyers
    shelf_customers            integer        not null,   -- customers with a shelf observation of s in m
    on_shelf_customers         integer        not null,   -- ... whose latest one in m says on the shelf
    shelf_rate                 numeric(5, 4),             -- 上柜率; null without observations
    sales_rate                 numeric(12, 4),            -- 单品牌动销率 = (V/buyers)(m) / (V/buyers)(m-1)
    target_volume              integer,                   -- brand_target of (m, a, s); null: no target
    target_attainment          numeric(12, 4),            -- volume / target_volume
    target_customers           integer        not null,
    target_customers_converted integer        not null,   -- target customers with Q(c,s,m) > 0
    conversion_rate            numeric(5, 4),             -- converted / target_customers
    price_class                smallint       not null,
    price_class_yoy_index      numeric(12, 4),            -- YoY index of the price class in the area
    delta_pp                   numeric(12, 2),            -- δ = (yoy_index - price_class_yoy_index) x 100
    months_since_launch        integer,                   -- whole months from launched_on to the last day of m
    status                     varchar(8),                -- DMN brand-status; set right after the insert
    centre_index               numeric(12, 4),            -- MoM index of s in the whole marketing centre
    warning                    boolean        not null,   -- mom_index / centre_index < warning-ratio
    conclusions                varchar(2000),             -- the customer manager's 分析结论
    locked                     boolean        not null default false,
    locked_at                  timestamp,
    analysed_at                timestamp      not null,
    primary key (period, area_code, spec_code),
    constraint ck_brand_result_status check (status in ('导入期', '成长期', '成熟期', '衰退期'))
);
