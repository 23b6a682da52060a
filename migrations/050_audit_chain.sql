-- The audit trail made tamper-evident: each row carries the SHA-256 of its own contents and of the
-- row before it (server/access/audit-chain.ts computes both), so a row changed, removed or
-- inserted out of place breaks the chain, and `npm run audit:verify` says where.
--
-- Rows written before this migration have no hash yet; the server chains them, in id order, the
-- first time it opens the database (server/db/database.ts). That is the only update the table
-- allows: setting the hash of a row that has none, every other column unchanged.

ALTER TABLE audit_events ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_events ADD COLUMN hash TEXT;

DROP TRIGGER audit_events_no_update;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN NOT (
  OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor_kind IS OLD.actor_kind AND NEW.actor_id IS OLD.actor_id
  AND NEW.actor_name IS OLD.actor_name AND NEW.ip IS OLD.ip AND NEW.action IS OLD.action AND NEW.outcome IS OLD.outcome
  AND NEW.target IS OLD.target AND NEW.details_json IS OLD.details_json
)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

-- Retention (server/ops/retention.ts) is the one deliberate way to delete audit rows, and only
-- the oldest ones: in one transaction it records an anchor (the hash of the last row it deletes,
-- so the first row kept still verifies), writes a permit naming the last id it may delete,
-- deletes, and removes the permit. Without a permit the database refuses every delete.
CREATE TABLE audit_chain_anchors (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  last_deleted_id INTEGER NOT NULL,
  last_deleted_hash TEXT NOT NULL,
  deleted_rows INTEGER NOT NULL,
  reason TEXT NOT NULL
) STRICT;

CREATE TABLE audit_deletion_permits (
  up_to_id INTEGER PRIMARY KEY
) STRICT;

DROP TRIGGER audit_events_no_delete;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN NOT EXISTS (
  SELECT 1 FROM audit_deletion_permits p
  WHERE OLD.id <= p.up_to_id
    AND EXISTS (SELECT 1 FROM audit_chain_anchors a WHERE a.last_deleted_id = p.up_to_id)
)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

-- Anchors are evidence too: never changed or removed.
CREATE TRIGGER audit_chain_anchors_no_update BEFORE UPDATE ON audit_chain_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_chain_anchors is append-only');
END;
CREATE TRIGGER audit_chain_anchors_no_delete BEFORE DELETE ON audit_chain_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_chain_anchors is append-only');
END;

-- Every new row arrives chained.
CREATE TRIGGER audit_events_chained BEFORE INSERT ON audit_events
WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_events rows must be chained: write them through recordAudit');
END;
