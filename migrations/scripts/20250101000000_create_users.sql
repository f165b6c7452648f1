-- // create users
-- People who write posts and comments. The e-mail address is the login,
-- so it is unique.
CREATE TABLE users (
  id ${autoincrement_pk},
  email VARCHAR(255) NOT NULL,
  full_name VARCHAR(200) NOT NULL,
  created_at ${timestamp_type} NOT NULL DEFAULT ${now},
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- //@UNDO
DROP TABLE users;
