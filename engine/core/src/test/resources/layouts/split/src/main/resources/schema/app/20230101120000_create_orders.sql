-- // create orders
CREATE TABLE orders (
  id INTEGER NOT NULL PRIMARY KEY,
  placed_at VARCHAR(25) NOT NULL
);

-- //@UNDO
DROP TABLE orders;
