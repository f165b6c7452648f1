-- // add accounts status
-- PostgreSQL gets an enum type; SQLite, which has none, a lookup table of the
-- allowed values.
-- BROKEN ON PURPOSE: the undo drops the column but forgets the type (the
-- lookup table on SQLite), so applying the migration again fails with
-- "already exists".
${postgres_only}CREATE TYPE account_status AS ENUM ('active', 'suspended');
${postgres_only}ALTER TABLE accounts ADD COLUMN status account_status NOT NULL DEFAULT 'active';
${sqlite_only}CREATE TABLE account_statuses (name VARCHAR(20) PRIMARY KEY);
${sqlite_only}ALTER TABLE accounts ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active';

-- //@UNDO
ALTER TABLE accounts DROP COLUMN status;
