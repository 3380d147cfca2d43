-- Who gets a configuration's report by mail (comma-separated addresses, none: nobody), and how: the file attached
-- or a link to it.
ALTER TABLE report_configuration ADD COLUMN recipients VARCHAR(4000);
ALTER TABLE report_configuration ADD COLUMN delivery VARCHAR(16) DEFAULT 'attachment' NOT NULL;
