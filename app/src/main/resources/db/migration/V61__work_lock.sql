-- One row per kind of work that must not run twice at once, locked (select ... for update) by the transaction
-- that is about to do it; the lock is held until that transaction ends. Several job executor threads or app nodes
-- reach the same work at the same moment after the month's kick-off (100 instances, one analysis for the whole
-- centre): the second waits for the first to commit, then finds the work done and goes on, instead of failing on a
-- key (analysis_run, area_sales_customer, sales_month) and waiting a minute for its retry. Portable SQL (H2 2.x,
-- PostgreSQL 15).
--   analysis-customers | analysis-brands | analysis-market: a month-start analysis (cn.cm135.cycle.MonthlyAnalyses)
--   sales-rollup: writing the sales roll-ups (cn.cm135.customer.analysis.SalesRollup)

create table work_lock (
    name varchar(32) not null primary key
);

insert into work_lock (name) values ('analysis-customers');
insert into work_lock (name) values ('analysis-brands');
insert into work_lock (name) values ('analysis-market');
insert into work_lock (name) values ('sales-rollup');
