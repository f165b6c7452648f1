-- // add post search index
-- Full-text search over title and content. PostgreSQL serves it from a GIN index
-- on the tsvector expression; SQLite has no GIN (FTS5 is a different design), so
-- the statement is guarded and SQLite searches without an index.
${postgres_only}CREATE INDEX ix_posts_search ON posts USING gin (to_tsvector('english', title || ' ' || coalesce(content, '')));

-- //@UNDO
${postgres_only}DROP INDEX ix_posts_search;
