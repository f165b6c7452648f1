-- // add post search index
-- Full-text search over title and content. PostgreSQL serves it from a GIN index
-- on the tsvector expression; SQLite has no GIN (FTS5 is a different design), so
-- the statement is guarded and SQLite searches without an index. MariaDB has
-- FULLTEXT indexes of its own (MATCH ... AGAINST).
${postgres_only}CREATE INDEX ix_posts_search ON posts USING gin (to_tsvector('english', title || ' ' || coalesce(content, '')));
${mariadb_only}CREATE FULLTEXT INDEX ix_posts_search ON posts (title, content);

-- //@UNDO
${postgres_only}DROP INDEX ix_posts_search;
${mariadb_only}DROP INDEX ix_posts_search ON posts;
