-- // add books isbn
ALTER TABLE books ADD COLUMN isbn VARCHAR(20);

-- //@UNDO
ALTER TABLE books DROP COLUMN isbn;
