-- // lower-case accounts
UPDATE accounts SET nickname = lower(nickname); UPDATE accounts SET email = lower(email);
UPDATE accounts SET nickname = trim(nickname); COMMIT
INSERT INTO accounts (id, email) VALUES (100, 'semi;colon@example.com');
DELETE FROM accounts WHERE id = 101; -- a comment after the delimiter is fine

-- //@UNDO
DELETE FROM accounts WHERE id = 100;
