-- // create books
CREATE TABLE books (
  id ${id_type},
  author_id INTEGER NOT NULL,
  title VARCHAR(200) NOT NULL,
  price NUMERIC(8, 2),
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id)
);

-- //@UNDO
DROP TABLE books;
