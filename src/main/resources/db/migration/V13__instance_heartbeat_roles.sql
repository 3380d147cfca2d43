-- The roles (OPSDECK_ROLES) of the instance that wrote the heartbeat, e.g. 'console,api'; empty for rows written
-- by a version that had none.
ALTER TABLE instance_heartbeat ADD COLUMN roles VARCHAR(64) DEFAULT '' NOT NULL;
