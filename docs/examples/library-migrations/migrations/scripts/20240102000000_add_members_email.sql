-- // add members.email, filled in for existing members
ALTER TABLE members ADD COLUMN email VARCHAR(200);
UPDATE members SET email = lower(replace(name, ' ', '.')) || '@library.example';

-- //@UNDO
ALTER TABLE members DROP COLUMN email;
