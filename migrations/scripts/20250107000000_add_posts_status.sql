-- // add posts status
-- Replaces the published flag by a workflow status. The column is NOT NULL.
-- SQLite cannot make a column NOT NULL afterwards and only adds a NOT NULL
-- column that has a default, so it is added with the default 'draft' (right
-- for new posts too), then the published posts are backfilled.
-- The published flag stays until every reader uses status.
-- MariaDB takes no constraint name on a column's CHECK: there it is a table
-- constraint added in the same statement.
${not_mariadb}ALTER TABLE posts ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'draft'
${not_mariadb}  CONSTRAINT ck_posts_status CHECK (status IN ('draft', 'published', 'archived'));
${mariadb_only}ALTER TABLE posts ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'draft',
${mariadb_only}  ADD CONSTRAINT ck_posts_status CHECK (status IN ('draft', 'published', 'archived'));

UPDATE posts
   SET status = 'published'
 WHERE published = 1;

-- //@UNDO
ALTER TABLE posts DROP COLUMN status;
