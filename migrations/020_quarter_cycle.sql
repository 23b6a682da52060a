-- The quarter's cycle (DOMAIN.md 5.8): deadlines per return type, partners' sign-offs, analysts'
-- approvals (which lock a quarter), reasons given for corrections, and reminders sent.

-- The reporting calendar: a return type's deadline is this many days after its quarter's last
-- day. A type with no row here uses the default (server/cycle/calendar.ts). An override sets the
-- deadline of one quarter (a bank holiday, a late start).
CREATE TABLE cycle_deadlines (
  return_type TEXT PRIMARY KEY,
  days_after_quarter_end INTEGER NOT NULL CHECK (days_after_quarter_end BETWEEN 0 AND 365),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE cycle_deadline_overrides (
  return_type TEXT NOT NULL,
  quarter TEXT NOT NULL,
  due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (return_type, quarter)
) STRICT, WITHOUT ROWID;

-- A partner's confirmation that a return for an area and quarter is complete and accurate.
-- Append-only: a later submission for the key makes an earlier sign-off stale (status.ts).
CREATE TABLE cycle_sign_offs (
  id INTEGER PRIMARY KEY,
  return_type TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas (code),
  quarter TEXT NOT NULL,
  organisation_id INTEGER REFERENCES organisations (id),
  signed_at TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL
) STRICT;

CREATE INDEX cycle_sign_offs_by_key ON cycle_sign_offs (return_type, quarter, area_code, id);

-- An analyst's approval of one return type for an area and quarter, which locks it. Unlocking
-- (an administrator, with a reason) fills the unlocked_* columns; the row is never deleted, so
-- the history of approvals stays readable. At most one approval per key is in force.
CREATE TABLE cycle_approvals (
  id INTEGER PRIMARY KEY,
  return_type TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas (code),
  quarter TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  approved_by_id TEXT NOT NULL,
  approved_by_name TEXT NOT NULL,
  unlocked_at TEXT,
  unlocked_by_id TEXT,
  unlocked_by_name TEXT,
  unlock_reason TEXT,
  CHECK ((unlocked_at IS NULL) = (unlocked_by_id IS NULL) AND (unlocked_at IS NULL) = (unlock_reason IS NULL))
) STRICT;

CREATE UNIQUE INDEX cycle_approvals_in_force ON cycle_approvals (return_type, quarter, area_code) WHERE unlocked_at IS NULL;

-- Why a submission changed figures of an approved (locked) quarter: shown with the figure and in
-- its revisions. approval_id is the approval in force when the correction was stored.
CREATE TABLE cycle_correction_reasons (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  approvals_json TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;

-- Reminders to a partner organisation, one row per reminder. reminder_key is unique: a process
-- claims a reminder by inserting its row, and only the process whose insert succeeded sends it,
-- so a reminder is sent once across restarts and several processes.
--   kind:          'before-deadline' or 'overdue'
--   areas_json:    the areas whose return was outstanding when the reminder was made
--   email_status:  'not-sent' (no SMTP_URL or no recipients), 'sending', 'sent', 'failed'
CREATE TABLE cycle_reminders (
  id INTEGER PRIMARY KEY,
  reminder_key TEXT NOT NULL UNIQUE,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL CHECK (kind IN ('before-deadline', 'overdue')),
  return_type TEXT NOT NULL,
  quarter TEXT NOT NULL,
  due_on TEXT NOT NULL,
  areas_json TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  email_status TEXT NOT NULL CHECK (email_status IN ('not-sent', 'sending', 'sent', 'failed')),
  emailed_to_json TEXT NOT NULL DEFAULT '[]',
  emailed_at TEXT,
  email_error TEXT
) STRICT;

CREATE INDEX cycle_reminders_by_organisation ON cycle_reminders (organisation_id, id);
