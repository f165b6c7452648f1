-- // create members
CREATE TABLE members (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- //@UNDO
DROP TABLE members;
