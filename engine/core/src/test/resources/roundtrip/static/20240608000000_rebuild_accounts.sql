-- // rebuild accounts
-- Undo sections that re-create what they drop (SQLite's table rebuild) or drop
-- what the up section created are fine: no finding here.
ALTER TABLE accounts ADD COLUMN score INTEGER;
ALTER TABLE accounts RENAME COLUMN email TO login;
${postgres_only}CREATE TYPE account_tier AS ENUM ('basic', 'gold');

-- //@UNDO
${postgres_only}DROP TYPE account_tier;
ALTER TABLE accounts RENAME COLUMN login TO email;
CREATE TABLE accounts_old (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, nickname VARCHAR(255));
INSERT INTO accounts_old (id, email, nickname) SELECT id, email, nickname FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_old RENAME TO accounts;
