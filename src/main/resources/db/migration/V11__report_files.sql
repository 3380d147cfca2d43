-- Report output, in chunks of a few hundred KiB, so that any instance serves a run's file and
-- housekeeping on any instance expires it. A run's file exists once its chunks commit with its success.
CREATE TABLE report_file_chunk (
    run_id  UUID NOT NULL REFERENCES report_run (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    data    BYTEA NOT NULL,
    PRIMARY KEY (run_id, seq)
);
