-- // an index built without CONCURRENTLY: SHARE on orders, writes wait for the build
CREATE INDEX orders_customer_id ON orders (customer_id);

-- //@UNDO
DROP INDEX orders_customer_id;
