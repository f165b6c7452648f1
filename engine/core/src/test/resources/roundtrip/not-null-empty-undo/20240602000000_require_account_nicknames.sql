-- // require account nicknames
-- Every account needs a nickname from now on: accounts without one get their
-- e-mail address, then the column becomes NOT NULL. SQLite cannot add NOT NULL
-- to a column, so there the table is rebuilt.
-- BROKEN ON PURPOSE: the undo section is empty, so a rollback leaves the
-- NOT NULL in place (and MyBatis reports the rollback as a success).
UPDATE accounts SET nickname = email WHERE nickname IS NULL;
${postgres_only}ALTER TABLE accounts ALTER COLUMN nickname SET NOT NULL;
${sqlite_only}CREATE TABLE accounts_new (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, nickname VARCHAR(255) NOT NULL);
${sqlite_only}INSERT INTO accounts_new (id, email, nickname) SELECT id, email, nickname FROM accounts;
${sqlite_only}DROP TABLE accounts;
${sqlite_only}ALTER TABLE accounts_new RENAME TO accounts;

-- //@UNDO
-- Nothing to undo: a nickname does no harm.
