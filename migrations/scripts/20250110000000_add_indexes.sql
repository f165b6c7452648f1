-- // add indexes
-- A user may not publish two posts with the same title; the other indexes
-- serve the front page (status, date) and the foreign keys' lookups.
-- The unique index fails if duplicates exist: clean them up first.
CREATE UNIQUE INDEX ux_posts_user_title ON posts (user_id, title);
CREATE INDEX ix_posts_status_created_at ON posts (status, created_at);
CREATE INDEX ix_comments_post_id ON comments (post_id);
CREATE INDEX ix_post_tags_tag_id ON post_tags (tag_id);

-- //@UNDO
DROP INDEX ix_post_tags_tag_id;
DROP INDEX ix_comments_post_id;
DROP INDEX ix_posts_status_created_at;
DROP INDEX ux_posts_user_title;
