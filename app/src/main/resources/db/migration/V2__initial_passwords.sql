-- Staff created by an organisation import get a random initial password that must be changed.
-- The hash Camunda stored for it is remembered here; while the user's hash is still this one,
-- the password has not been changed.
alter table staff add column initial_password_hash varchar(255);
