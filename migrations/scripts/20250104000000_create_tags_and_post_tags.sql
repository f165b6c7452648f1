-- // create tags and post_tags
-- Tags are shared between posts; post_tags is the many-to-many link and
-- disappears with either side.
-- IF NOT EXISTS makes the script re-runnable: on MariaDB, where each CREATE
-- commits by itself, a failure after the first table leaves it behind, and the
-- next apply then creates only what is missing (see
-- scenarios/rerunnable-migration-survives-half-apply.yaml).
CREATE TABLE IF NOT EXISTS tags (
  id ${autoincrement_pk},
  name VARCHAR(50) NOT NULL,
  CONSTRAINT uq_tags_name UNIQUE (name)
);

CREATE TABLE IF NOT EXISTS post_tags (
  post_id INTEGER NOT NULL,
  tag_id INTEGER NOT NULL,
  CONSTRAINT pk_post_tags PRIMARY KEY (post_id, tag_id),
  CONSTRAINT fk_post_tags_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT fk_post_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
);

-- //@UNDO
-- The link table first: it references tags.
DROP TABLE post_tags;
DROP TABLE tags;
