-- // create order lines
CREATE TABLE order_lines (
  order_id INTEGER NOT NULL REFERENCES orders (id),
  line INTEGER NOT NULL,
  sku VARCHAR(40) NOT NULL,
  PRIMARY KEY (order_id, line)
);

-- //@UNDO
DROP TABLE order_lines;
