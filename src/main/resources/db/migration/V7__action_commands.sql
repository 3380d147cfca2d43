-- Actions an operator asked of a Go service, stored before they are sent (an outbox): each is sent with its own
-- idempotency key, the same for every attempt, so neither a crash nor a retry can make the service act twice.
CREATE TABLE action_command (
    id                    UUID PRIMARY KEY,
    idempotency_key       UUID NOT NULL,
    -- the Idempotency-Key a caller sent with its request, unique per caller
    client_key            VARCHAR(200),
    target_type           VARCHAR(16) NOT NULL,
    target_id             UUID NOT NULL,
    kind                  VARCHAR(16) NOT NULL,
    parameters            VARCHAR(4000) NOT NULL,
    reason                VARCHAR(500) NOT NULL,
    requested_by          VARCHAR(255) NOT NULL,
    client_address        VARCHAR(64),
    requested_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    state                 VARCHAR(24) NOT NULL,
    outcome               VARCHAR(2000),
    attempts              INTEGER NOT NULL,
    last_status           INTEGER,
    last_message          VARCHAR(2000),
    -- when the next attempt is due; while an attempt runs, the end of its lease
    next_attempt_at       TIMESTAMP WITH TIME ZONE,
    decided_by            VARCHAR(255),
    decided_at            TIMESTAMP WITH TIME ZONE,
    sent_at               TIMESTAMP WITH TIME ZONE,
    answered_at           TIMESTAMP WITH TIME ZONE,
    confirmed_at          TIMESTAMP WITH TIME ZONE,
    confirmation_overdue  BOOLEAN NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX action_command_idempotency ON action_command (idempotency_key);
CREATE UNIQUE INDEX action_command_client_key ON action_command (requested_by, client_key);
CREATE INDEX action_command_due ON action_command (state, next_attempt_at);
CREATE INDEX action_command_target ON action_command (target_id, requested_at);
CREATE INDEX action_command_requested ON action_command (requested_at, id);
