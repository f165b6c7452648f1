-- // add accounts bio
ALTER TABLE accounts ADD COLUMN bio TEXT;

-- @UNDO
ALTER TABLE accounts DROP COLUMN bio;
