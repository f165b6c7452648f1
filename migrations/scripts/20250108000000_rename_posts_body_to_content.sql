-- // rename posts body to content
-- Matches the name the editor and the API use.
ALTER TABLE posts RENAME COLUMN body TO content;

-- //@UNDO
ALTER TABLE posts RENAME COLUMN content TO body;
