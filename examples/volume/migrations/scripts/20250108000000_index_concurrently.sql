-- // an index built CONCURRENTLY: PostgreSQL refuses it inside a transaction, and
-- // MyBatis runs every script in one, so this migration cannot run through MyBatis
CREATE INDEX CONCURRENTLY orders_created_at ON orders (created_at);

-- //@UNDO
DROP INDEX CONCURRENTLY orders_created_at;
