-- // add accounts email
-- BROKEN ON PURPOSE: accounts has an email column already, so the up fails.
ALTER TABLE accounts ADD COLUMN email VARCHAR(255);

-- //@UNDO
ALTER TABLE accounts DROP COLUMN email;
