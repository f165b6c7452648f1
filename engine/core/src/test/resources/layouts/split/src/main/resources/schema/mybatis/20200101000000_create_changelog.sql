-- // Create Changelog
-- Kept apart from the application's scripts: it belongs to MyBatis, not to the orders schema.
CREATE TABLE ${changelog} (
ID NUMERIC(20,0) NOT NULL,
APPLIED_AT VARCHAR(25) NOT NULL,
DESCRIPTION VARCHAR(255) NOT NULL,
CONSTRAINT PK_${changelog} PRIMARY KEY (ID)
);

-- //@UNDO

DROP TABLE ${changelog};
