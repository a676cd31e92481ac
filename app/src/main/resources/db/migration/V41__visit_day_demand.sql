-- Step 13: which needs (customer_demand) a day's 日拜访记录 recorded, so that recording the day again replaces
-- them instead of adding to them. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
create table visit_day_demand (
    customer_manager_id varchar(64) not null,
    visit_date          date        not null,
    demand_id           bigint      not null references customer_demand (id) on delete cascade,
    primary key (customer_manager_id, visit_date, demand_id)
);
