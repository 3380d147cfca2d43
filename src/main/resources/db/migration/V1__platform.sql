-- Opsdeck's own bookkeeping of its instances; later migrations add the read models and operational tables.
CREATE TABLE opsdeck_instance (
    instance_id  VARCHAR(64) PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      VARCHAR(64) NOT NULL
);
