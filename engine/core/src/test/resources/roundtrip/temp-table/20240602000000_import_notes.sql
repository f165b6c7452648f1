-- // import notes
-- Correct, but leaves a temporary table in its session: if the round-trip ran the
-- re-apply in the same session as the first up, CREATE TEMP TABLE would fail with
-- "already exists". Each MyBatis operation must start in a new session.
CREATE TEMP TABLE import_buffer (id INTEGER, note VARCHAR(20));
ALTER TABLE accounts ADD COLUMN note VARCHAR(20);

-- //@UNDO
ALTER TABLE accounts DROP COLUMN note;
