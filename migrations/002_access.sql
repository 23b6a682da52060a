-- Access control: organisations and what they may send, users, API tokens, sessions, settings,
-- and the append-only audit trail.

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('police', 'marac', 'idva', 'csc', 'refuge', 'council', 'other')),
  created_at TEXT NOT NULL
) STRICT;

-- A grant lets an organisation's users and tokens send and see one return type for one area.
CREATE TABLE grants (
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  return_type TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas (code),
  PRIMARY KEY (organisation_id, return_type, area_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'board', 'partner')),
  organisation_id INTEGER REFERENCES organisations (id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_sign_ins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  CHECK ((role = 'partner') = (organisation_id IS NOT NULL))
) STRICT;

-- Only a hash of each token is kept: the token itself is shown once, when it is created.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  token_prefix TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
) STRICT;

-- Server-side sessions, keyed by a hash of the session id so a copy of the database cannot be
-- used to take over a session.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  data_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  ip TEXT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'rejected', 'denied')),
  target TEXT,
  details_json TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX audit_events_by_action ON audit_events (action, id);
CREATE INDEX audit_events_by_actor ON audit_events (actor_id, id);

-- The audit trail is append-only: the application never updates or deletes a row, and the
-- database refuses to.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
