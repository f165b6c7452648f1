-- // add posts pinned
-- A user may pin one post to the top of their page. "One pinned post per user"
-- is a partial unique index: unique over the rows where pinned = 1 only.
-- Both databases support partial indexes, so nothing here is guarded.
ALTER TABLE posts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX ux_posts_one_pinned_per_user ON posts (user_id) WHERE pinned = 1;

-- //@UNDO
DROP INDEX ux_posts_one_pinned_per_user;
ALTER TABLE posts DROP COLUMN pinned;
