-- // tag notes
CREATE TABLE note_tags (
  note_id INTEGER NOT NULL REFERENCES notes (id),
  tag_id INTEGER NOT NULL REFERENCES tags (id),
  PRIMARY KEY (note_id, tag_id)
);
CREATE INDEX ix_note_tags_tag ON note_tags (tag_id);

-- //@UNDO
DROP TABLE note_tags;
