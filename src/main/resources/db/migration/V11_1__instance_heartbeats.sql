-- Each instance's ingestion figures per stream, rewritten every few seconds, so that any instance shows the
-- fleet's figures. A row whose heartbeat_at is old belongs to an instance that stopped or lost the database.
CREATE TABLE instance_heartbeat (
    instance_name        VARCHAR(255) NOT NULL,
    stream               VARCHAR(32) NOT NULL,
    version              VARCHAR(64) NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at           TIMESTAMP WITH TIME ZONE,
    applied              BIGINT NOT NULL,
    duplicate            BIGINT NOT NULL,
    stale                BIGINT NOT NULL,
    unknown_types        BIGINT NOT NULL,
    dead_lettered        BIGINT NOT NULL,
    retried              BIGINT NOT NULL,
    rate_now             DOUBLE PRECISION NOT NULL,
    rate_last_hour       DOUBLE PRECISION NOT NULL,
    lag_ms               BIGINT NOT NULL,
    last_event_at        TIMESTAMP WITH TIME ZONE,
    last_applied_or_start TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (instance_name, stream)
);
