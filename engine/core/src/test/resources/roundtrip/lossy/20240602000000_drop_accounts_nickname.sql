-- // drop accounts nickname
-- Nicknames are no longer shown anywhere.
-- LOSSY ON PURPOSE: the undo brings the column back, but every value is NULL.
ALTER TABLE accounts DROP COLUMN nickname;

-- //@UNDO
ALTER TABLE accounts ADD COLUMN nickname VARCHAR(255);
