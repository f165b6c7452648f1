-- // unique book titles
-- Fails while two books share a title.
CREATE UNIQUE INDEX ux_books_title ON books (title);

-- //@UNDO
DROP INDEX ux_books_title;
