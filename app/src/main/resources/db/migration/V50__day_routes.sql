-- Step 12 day routes (issue 17): where a retailer is, when it is open, where a market department's customer
-- managers set out from, and the visiting order chosen for each day.

-- WGS84 decimal degrees (6 decimals ≈ 0.1 m); both or neither. Opening hours optional, both or neither.
alter table retail_customer add column longitude numeric(9, 6);
alter table retail_customer add column latitude numeric(9, 6);
alter table retail_customer add column opens_at time;
alter table retail_customer add column closes_at time;
alter table retail_customer add constraint ck_customer_coordinates
    check ((longitude is null and latitude is null) or (longitude is not null and latitude is not null));

-- The depot: the market department's office, where its customer managers start and end their day.
alter table market_department add column depot_longitude numeric(9, 6);
alter table market_department add column depot_latitude numeric(9, 6);

-- Position of the customer in the day's route (1 = first); null = the route's default order.
alter table day_visit_list add column visit_order integer;

-- What the optimiser found for the day when the week was arranged: the form, the REST view and the printed
-- 日拜访记录表 show it without solving again.
create table day_route (
    customer_manager_id varchar(64)  not null,
    visit_date          date         not null,
    period              varchar(7)   not null,
    customers           integer      not null,
    optimised           boolean      not null,
    default_meters      bigint,
    default_minutes     integer,
    optimised_meters    bigint,
    optimised_minutes   integer,
    late_customers      integer      not null default 0,
    summary             varchar(300) not null,
    primary key (customer_manager_id, visit_date)
);
