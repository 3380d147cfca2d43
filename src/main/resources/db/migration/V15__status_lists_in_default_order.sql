-- A status filter in each list's default order (accounts by last sync, payments by creation) reads one index range.
-- With the status indexed alone, the planner walked the sort column's index and skipped every newer row of another
-- status: a burst of new active accounts made the frozen accounts list five times slower exactly while it drained.
-- The new indexes begin with the status, so they also serve what the ones they replace did (counts by status).
CREATE INDEX accounts_read_status_synced ON accounts_read (status, synced_at, account_id);
DROP INDEX accounts_read_status;
CREATE INDEX payments_read_status_created ON payments_read (status, created_at, payment_id);
DROP INDEX payments_read_status;
