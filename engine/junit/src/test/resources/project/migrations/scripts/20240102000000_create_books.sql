-- // create books
CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id), title VARCHAR(200));

-- //@UNDO
DROP TABLE books;
