-- // add accounts plan
-- Every account gets a plan, 'free' unless it says otherwise. The up section
-- is re-runnable (IF NOT EXISTS on PostgreSQL, a table rebuild on SQLite), so
-- applying it again after the rollback succeeds: only comparing the schema
-- with the one before shows what the undo forgot.
-- BROKEN ON PURPOSE: the undo drops the index but not the column, so
-- accounts.plan and its default stay after a rollback.
${postgres_only}ALTER TABLE accounts ADD COLUMN IF NOT EXISTS plan VARCHAR(20) NOT NULL DEFAULT 'free';
${sqlite_only}CREATE TABLE accounts_new (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, nickname VARCHAR(255), plan VARCHAR(20) NOT NULL DEFAULT 'free');
${sqlite_only}INSERT INTO accounts_new (id, email, nickname) SELECT id, email, nickname FROM accounts;
${sqlite_only}DROP TABLE accounts;
${sqlite_only}ALTER TABLE accounts_new RENAME TO accounts;
CREATE INDEX IF NOT EXISTS ix_accounts_plan ON accounts (plan);

-- //@UNDO
DROP INDEX ix_accounts_plan;
