-- // add posts visibility
-- Who may see a post. PostgreSQL gets an enum type; SQLite, which has none, a
-- text column with the same values enforced by a CHECK constraint.
-- The undo drops the column before the type: a type still in use cannot go,
-- and a type left behind makes the next apply fail with "already exists".
${postgres_only}CREATE TYPE post_visibility AS ENUM ('public', 'unlisted', 'private');
${postgres_only}ALTER TABLE posts ADD COLUMN visibility post_visibility NOT NULL DEFAULT 'public';
${sqlite_only}ALTER TABLE posts ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CONSTRAINT ck_posts_visibility CHECK (visibility IN ('public', 'unlisted', 'private'));

-- //@UNDO
ALTER TABLE posts DROP COLUMN visibility;
${postgres_only}DROP TYPE post_visibility;
