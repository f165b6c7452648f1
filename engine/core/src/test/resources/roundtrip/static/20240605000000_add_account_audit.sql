-- // add account audit
CREATE TABLE account_audit (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL);
CREATE INDEX ix_account_audit_account_id ON account_audit (account_id);

-- //@UNDO
DROP INDEX ix_account_audit_account_id;
DROP TABLE account_audit;
DROP TABLE accounts;
ALTER TABLE accounts DROP COLUMN nickname;
DROP INDEX IF EXISTS ix_accounts_email;
