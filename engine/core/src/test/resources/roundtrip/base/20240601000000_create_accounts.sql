-- // create accounts
-- The table every broken migration of the corpus changes. Its round-trip passes.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  nickname VARCHAR(255)
);

-- //@UNDO
DROP TABLE accounts;
