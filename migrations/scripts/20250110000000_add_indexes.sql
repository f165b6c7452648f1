-- // add indexes
-- A user may not publish two posts with the same title; the other indexes
-- serve the front page (status, date) and the foreign keys' lookups.
-- The unique index fails if duplicates exist: clean them up first.
--
-- MariaDB gives every foreign key an index of its own when none serves it,
-- and silently drops that index once one of these serves the key instead; it
-- then refuses to drop ours ("needed in a foreign key constraint"). So the
-- undo drops such a key, then our index, and adds the key again, which makes
-- its own index again as the first up found it (an index created by hand in
-- its place would stay after the next up: the round trip would differ). While
-- the key is gone nothing checks it: MariaDB's DDL is not transactional.
-- MariaDB's DROP INDEX also names the table.
CREATE UNIQUE INDEX ux_posts_user_title ON posts (user_id, title);
CREATE INDEX ix_posts_status_created_at ON posts (status, created_at);
CREATE INDEX ix_comments_post_id ON comments (post_id);
CREATE INDEX ix_post_tags_tag_id ON post_tags (tag_id);

-- //@UNDO
${not_mariadb}DROP INDEX ix_post_tags_tag_id;
${not_mariadb}DROP INDEX ix_comments_post_id;
${not_mariadb}DROP INDEX ix_posts_status_created_at;
${not_mariadb}DROP INDEX ux_posts_user_title;
${mariadb_only}ALTER TABLE post_tags DROP FOREIGN KEY fk_post_tags_tag;
${mariadb_only}DROP INDEX ix_post_tags_tag_id ON post_tags;
${mariadb_only}ALTER TABLE post_tags ADD CONSTRAINT fk_post_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE;
${mariadb_only}ALTER TABLE comments DROP FOREIGN KEY fk_comments_post;
${mariadb_only}DROP INDEX ix_comments_post_id ON comments;
${mariadb_only}ALTER TABLE comments ADD CONSTRAINT fk_comments_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE;
${mariadb_only}DROP INDEX ix_posts_status_created_at ON posts;
${mariadb_only}ALTER TABLE posts DROP FOREIGN KEY fk_posts_user;
${mariadb_only}DROP INDEX ux_posts_user_title ON posts;
${mariadb_only}ALTER TABLE posts ADD CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
