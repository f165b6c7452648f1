-- // a NOT NULL column with a volatile default: each row needs its own value, so
-- // PostgreSQL rewrites the whole table (and its indexes) under ACCESS EXCLUSIVE
ALTER TABLE orders
  ADD COLUMN touched_at timestamptz NOT NULL DEFAULT clock_timestamp();

-- //@UNDO
ALTER TABLE orders DROP COLUMN touched_at;
