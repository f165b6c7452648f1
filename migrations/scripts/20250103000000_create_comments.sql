-- // create comments
-- Comments go with their post; a comment outlives its author's account
-- (ON DELETE SET NULL) and must not be blank.
CREATE TABLE comments (
  id ${autoincrement_pk},
  post_id INTEGER NOT NULL,
  user_id INTEGER,
  body TEXT NOT NULL,
  created_at ${timestamp_type} NOT NULL DEFAULT ${now},
  CONSTRAINT fk_comments_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT fk_comments_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_comments_body_not_blank CHECK (length(trim(body)) > 0)
);

-- //@UNDO
DROP TABLE comments;
