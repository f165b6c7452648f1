-- // create tags
CREATE TABLE tags (
  id INTEGER NOT NULL PRIMARY KEY,
  label VARCHAR(50) NOT NULL UNIQUE
);

-- //@UNDO
DROP TABLE tags;
