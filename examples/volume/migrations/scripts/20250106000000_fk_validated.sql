-- // a foreign key added in one go: SHARE ROW EXCLUSIVE on both tables while
-- // every row of orders is checked
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
  FOREIGN KEY (customer_id) REFERENCES customers (id);

-- //@UNDO
ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
