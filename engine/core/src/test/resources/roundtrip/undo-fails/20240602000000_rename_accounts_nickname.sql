-- // rename accounts nickname to display_name
ALTER TABLE accounts RENAME COLUMN nickname TO display_name;

-- //@UNDO
-- BROKEN ON PURPOSE: the column name is misspelt, so the undo fails.
ALTER TABLE accounts RENAME COLUMN display_nmae TO nickname;
