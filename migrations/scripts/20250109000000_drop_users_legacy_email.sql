-- // drop users legacy_email
-- The account merge is done; the old forum addresses go.
-- LOSSY: the undo brings the column back, but every value in it is NULL.
-- Restore from a backup if the addresses are needed again.
ALTER TABLE users DROP COLUMN legacy_email;

-- //@UNDO
ALTER TABLE users ADD COLUMN legacy_email VARCHAR(255);
