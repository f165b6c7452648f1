-- // add posts pinned
-- A user may pin one post to the top of their page. "One pinned post per user"
-- is a partial unique index: unique over the rows where pinned = 1 only.
-- SQLite and PostgreSQL support partial indexes. MariaDB does not: there a
-- generated column holds user_id for the pinned post and NULL for the others,
-- and a unique index over it lets any number of NULLs through.
ALTER TABLE posts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
${not_mariadb}CREATE UNIQUE INDEX ux_posts_one_pinned_per_user ON posts (user_id) WHERE pinned = 1;
${mariadb_only}ALTER TABLE posts ADD COLUMN pinned_user_id INTEGER AS (IF(pinned = 1, user_id, NULL)) VIRTUAL;
${mariadb_only}CREATE UNIQUE INDEX ux_posts_one_pinned_per_user ON posts (pinned_user_id);

-- //@UNDO
${not_mariadb}DROP INDEX ux_posts_one_pinned_per_user;
${mariadb_only}DROP INDEX ux_posts_one_pinned_per_user ON posts;
${mariadb_only}ALTER TABLE posts DROP COLUMN pinned_user_id;
ALTER TABLE posts DROP COLUMN pinned;
