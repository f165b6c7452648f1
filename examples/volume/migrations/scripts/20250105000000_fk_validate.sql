-- // validating the NOT VALID key: SHARE UPDATE EXCLUSIVE on orders (reads and
-- // writes go on), ROW SHARE on customers
ALTER TABLE orders VALIDATE CONSTRAINT orders_referred_by_fk;

-- //@UNDO
SELECT 1;
