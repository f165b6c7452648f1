-- // add order status (a 17-digit id: it sorts after every 14-digit one, as numbers)
ALTER TABLE orders ADD COLUMN status VARCHAR(20) DEFAULT 'placed' NOT NULL;
CREATE INDEX ix_orders_status ON orders (status);

-- //@UNDO
DROP INDEX ix_orders_status;
ALTER TABLE orders DROP COLUMN status;
