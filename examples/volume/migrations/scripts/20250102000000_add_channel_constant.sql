-- // a column with a constant default: PostgreSQL 11+ stores the default once,
-- // no rewrite; ACCESS EXCLUSIVE is held for milliseconds
ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';

-- //@UNDO
ALTER TABLE orders DROP COLUMN channel;
