-- // create notes
CREATE TABLE notes (
  id INTEGER NOT NULL PRIMARY KEY,
  body ${text_type} NOT NULL
);

-- //@UNDO
DROP TABLE notes;
