-- // add accounts bio
-- A correct migration after the broken one: whether the round-trip reaches it
-- shows whether the staircase went on.
ALTER TABLE accounts ADD COLUMN bio VARCHAR(500);

-- //@UNDO
ALTER TABLE accounts DROP COLUMN bio;
