-- // create authors
CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE);

-- //@UNDO
DROP TABLE authors;
