-- Every start of an Opsdeck instance, so operators can see restarts and which build ran when.
CREATE TABLE instance_start (
    id          VARCHAR(36) PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     VARCHAR(64) NOT NULL,
    host        VARCHAR(255) NOT NULL
);
