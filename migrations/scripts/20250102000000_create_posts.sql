-- // create posts
-- A user's posts go with the user (ON DELETE CASCADE).
-- published is a 0/1 flag until 20250107000000 replaces it with status.
CREATE TABLE posts (
  id ${autoincrement_pk},
  user_id INTEGER NOT NULL,
  title VARCHAR(200) NOT NULL,
  body TEXT,
  published INTEGER NOT NULL DEFAULT 0,
  created_at ${timestamp_type} NOT NULL DEFAULT ${now},
  CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_posts_published CHECK (published IN (0, 1))
);

-- //@UNDO
DROP TABLE posts;
