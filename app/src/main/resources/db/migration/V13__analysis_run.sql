-- The month-start analyses run once per analysed month for the whole marketing centre, although every
-- customer manager's cycle-135-monthly instance reaches the service task (cn.cm135.cycle.MonthlyAnalyses).
-- A row means: this kind of analysis of this month has been computed. Portable SQL (H2 2.x, PostgreSQL 15).

create table analysis_run (
    period       varchar(7)  not null,      -- the analysed month, yyyy-MM
    kind         varchar(16) not null,      -- customers | brands | market
    finished_at  timestamp   not null,
    primary key (period, kind)
);
