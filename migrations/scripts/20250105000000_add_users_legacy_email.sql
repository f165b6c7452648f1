-- // add users legacy_email
-- Address from the old forum software, kept while accounts are merged.
-- 20250109000000 drops it again once the merge is done.
ALTER TABLE users ADD COLUMN legacy_email VARCHAR(255);

-- //@UNDO
ALTER TABLE users DROP COLUMN legacy_email;
