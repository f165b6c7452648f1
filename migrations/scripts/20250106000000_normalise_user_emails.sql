-- // normalise user emails
-- Logins become case-insensitive: every address is trimmed and lower-cased.
-- The address as typed is kept in email_original (only where it changed),
-- which is what the undo puts back.
-- Two addresses that differ only in case collide on uq_users_email, and the
-- whole script is rolled back: merge such accounts first.
ALTER TABLE users ADD COLUMN email_original VARCHAR(255);

UPDATE users
   SET email_original = email
 WHERE email <> lower(trim(email));

UPDATE users
   SET email = lower(trim(email))
 WHERE email_original IS NOT NULL;

-- //@UNDO
UPDATE users
   SET email = email_original
 WHERE email_original IS NOT NULL;

ALTER TABLE users DROP COLUMN email_original;
