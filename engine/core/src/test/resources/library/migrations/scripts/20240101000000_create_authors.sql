-- // create authors
CREATE TABLE authors (
  id ${id_type},
  name VARCHAR(100) NOT NULL,
  born INTEGER,
  CONSTRAINT uq_authors_name UNIQUE (name)
);

-- //@UNDO
DROP TABLE authors;
