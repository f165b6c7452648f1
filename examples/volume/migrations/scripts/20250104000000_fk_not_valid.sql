-- // a foreign key added NOT VALID: SHARE ROW EXCLUSIVE for milliseconds, no rows
-- // checked; the check runs in the next migration under a weaker lock
ALTER TABLE orders ADD CONSTRAINT orders_referred_by_fk
  FOREIGN KEY (referred_by) REFERENCES customers (id) NOT VALID;

-- //@UNDO
ALTER TABLE orders DROP CONSTRAINT orders_referred_by_fk;
