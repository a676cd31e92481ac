-- Steps 15-16: figures V40 did not keep. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

-- 周工作小结: the amount (元) behind 单条值, and who wrote the summary.
alter table week_summary add column amount numeric(16, 2);
alter table week_summary add column summarized_by varchar(64);

-- 月度工作总结: the amount, key-brand YoY growth against its target, dropped strategies, and who wrote it.
alter table month_summary add column amount numeric(16, 2);
alter table month_summary add column key_brand_growth numeric(9, 2);
alter table month_summary add column key_brand_growth_target numeric(9, 2);
alter table month_summary add column strategies_dropped integer;
alter table month_summary add column summarized_by varchar(64);
