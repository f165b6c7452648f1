-- // add accounts timezone
ALTER TABLE accounts ADD COLUMN timezone VARCHAR(40);

-- //@UNDO