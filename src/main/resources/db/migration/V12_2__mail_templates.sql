-- An admin's replacement of a built-in mail template; without a row the built-in one applies.
CREATE TABLE mail_template (
    name        VARCHAR(64) PRIMARY KEY,
    subject     VARCHAR(500) NOT NULL,
    text_body   VARCHAR(100000) NOT NULL,
    html_body   VARCHAR(100000) NOT NULL,
    updated_by  VARCHAR(255) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
