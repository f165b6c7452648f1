-- // customers and orders
CREATE TABLE customers (
  id bigserial PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL,
  referred_by bigint,
  status text NOT NULL,
  note varchar(40),
  created_at timestamptz NOT NULL
);

-- //@UNDO
DROP TABLE orders;
DROP TABLE customers;
