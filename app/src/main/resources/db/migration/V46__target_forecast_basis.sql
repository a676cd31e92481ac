-- Step 1's forecast explains itself: the base months, the trends and the grade rule, in one line.
alter table monthly_target add column forecast_basis varchar(1000);
