-- // add accounts locale
ALTER TABLE accounts ADD COLUMN locale VARCHAR(10);
