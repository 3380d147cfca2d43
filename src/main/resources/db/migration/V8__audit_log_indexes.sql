-- The audit log page reads newest first by (occurred_at, id) and pages by that keyset: filtered by actor or action
-- the index must end in id too, or every page sorts the matching entries.
CREATE INDEX audit_log_actor_keyset ON audit_log (actor, occurred_at, id);
CREATE INDEX audit_log_action_keyset ON audit_log (action, occurred_at, id);
DROP INDEX audit_log_actor;
DROP INDEX audit_log_action;
