-- A dead letter of an oversized message keeps a prefix of its body; the whole body's size and SHA-256 say what it was.
ALTER TABLE dead_letter ADD COLUMN body_size BIGINT;
ALTER TABLE dead_letter ADD COLUMN body_sha256 VARCHAR(64);
UPDATE dead_letter SET body_size = OCTET_LENGTH(body);
ALTER TABLE dead_letter ALTER COLUMN body_size SET NOT NULL;
