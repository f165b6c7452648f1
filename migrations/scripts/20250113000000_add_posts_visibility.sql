-- // add posts visibility
-- Who may see a post. PostgreSQL gets an enum type; SQLite, which has none, a
-- text column with the same values enforced by a CHECK constraint; MariaDB an
-- ENUM column, which is a type of its own column only.
-- The undo drops the column before the type: a type still in use cannot go,
-- and a type left behind makes the next apply fail with "already exists".
${postgres_only}CREATE TYPE post_visibility AS ENUM ('public', 'unlisted', 'private');
${postgres_only}ALTER TABLE posts ADD COLUMN visibility post_visibility NOT NULL DEFAULT 'public';
${sqlite_only}ALTER TABLE posts ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CONSTRAINT ck_posts_visibility CHECK (visibility IN ('public', 'unlisted', 'private'));
${mariadb_only}ALTER TABLE posts ADD COLUMN visibility ENUM('public', 'unlisted', 'private') NOT NULL DEFAULT 'public';

-- //@UNDO
ALTER TABLE posts DROP COLUMN visibility;
${postgres_only}DROP TYPE post_visibility;
