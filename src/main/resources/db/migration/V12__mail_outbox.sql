-- Messages to send, written in the transaction that decided to send them (an outbox): the MIME text is built once,
-- with its Message-ID, so that every attempt sends the same message, and one instance at a time holds a lease on it.
CREATE TABLE mail_message (
    id               UUID PRIMARY KEY,
    message_id       VARCHAR(255) NOT NULL,
    kind             VARCHAR(32) NOT NULL,
    reference        VARCHAR(255),
    recipients       VARCHAR(4000) NOT NULL,
    subject          VARCHAR(500) NOT NULL,
    mime             BYTEA NOT NULL,
    size_bytes       BIGINT NOT NULL,
    state            VARCHAR(16) NOT NULL,
    attempts         INTEGER NOT NULL,
    -- when the next attempt is due; while an attempt runs, the end of its lease
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_answer      VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX mail_message_message_id ON mail_message (message_id);
CREATE INDEX mail_message_due ON mail_message (state, next_attempt_at);
CREATE INDEX mail_message_created ON mail_message (created_at, id);
