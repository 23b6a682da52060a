-- Areas, submissions and the versioned rows of every return.
--
-- Every accepted file is one submission. Each of its rows is stored as a new version in
-- return_rows and never changed afterwards; current_rows points each key
-- (type, area, period, subkey) at the version in use. A resubmission therefore replaces exactly
-- the keys it carries and keeps every earlier version readable.

CREATE TABLE areas (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL
) STRICT;

CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  return_type TEXT NOT NULL,
  received_at TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  file_name TEXT,
  file_format TEXT NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  file_sha256 TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  periods_json TEXT NOT NULL,
  areas_json TEXT NOT NULL,
  warnings_json TEXT NOT NULL
) STRICT;

CREATE INDEX submissions_by_type ON submissions (return_type, id);

CREATE TABLE return_rows (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id),
  return_type TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas (code),
  period TEXT NOT NULL,
  subkey TEXT NOT NULL DEFAULT '',
  source_row INTEGER NOT NULL,
  values_json TEXT NOT NULL,
  notes TEXT
) STRICT;

CREATE INDEX return_rows_by_submission ON return_rows (submission_id);
CREATE INDEX return_rows_by_key ON return_rows (return_type, area_code, period, subkey, id);

CREATE TABLE current_rows (
  return_type TEXT NOT NULL,
  area_code TEXT NOT NULL,
  period TEXT NOT NULL,
  subkey TEXT NOT NULL,
  row_id INTEGER NOT NULL REFERENCES return_rows (id),
  PRIMARY KEY (return_type, area_code, period, subkey)
) STRICT, WITHOUT ROWID;
