-- Commentary and the board paper (issue 11, items 4 and 5).
--
-- A comment is a partnership's narrative on a figure (indicator × area), a measure or an aim,
-- for a period: "why this moved, what we are doing". It keys on what it is about, never on a
-- submission, so it stays attached when the figures under it are revised. Its text is
-- versioned: revising it adds a version and keeps every earlier one.

CREATE TABLE commentary (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('figure', 'measure', 'aim')),
  -- A figure's indicator and area; for a measure, its indicator and area when written, so a
  -- comment can still say what it was about if the measure is later removed from the strategy.
  indicator TEXT,
  area_code TEXT REFERENCES areas (code),
  -- SET NULL, not CASCADE: removing a measure or aim from a strategy keeps what was said about
  -- it (with subject_label saying what it was), and a later measure that reuses the id is not
  -- taken to be the same one.
  measure_id INTEGER REFERENCES strategy_measures (id) ON DELETE SET NULL,
  aim_id INTEGER REFERENCES strategy_aims (id) ON DELETE SET NULL,
  -- What the comment is about, in words, as it was when written ("Repeat victims, Bexley").
  subject_label TEXT NOT NULL,
  period TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (subject_kind != 'figure' OR (indicator IS NOT NULL AND area_code IS NOT NULL))
) STRICT;

CREATE INDEX commentary_by_partnership ON commentary (partnership_id, period);

-- Every version of a comment's text, oldest first. Author name is kept as written: a user who
-- is renamed later does not rewrite who wrote what.
CREATE TABLE commentary_versions (
  id INTEGER PRIMARY KEY,
  commentary_id INTEGER NOT NULL REFERENCES commentary (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL,
  author_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  author_name TEXT NOT NULL,
  written_at TEXT NOT NULL,
  UNIQUE (commentary_id, version)
) STRICT;

-- A board paper as issued: who issued it, when, for which period, and the figures it showed
-- (snapshot_json), so that the next paper can list the figures revised since. The snapshot
-- holds each figure as both disclosure views showed it, and each reader is compared only in
-- their own view: a board member is never shown a figure that was hidden from them.
CREATE TABLE board_papers (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  strategy_id INTEGER REFERENCES strategies (id) ON DELETE SET NULL,
  issued_at TEXT NOT NULL,
  issued_by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  issued_by_name TEXT NOT NULL,
  snapshot_json TEXT NOT NULL
) STRICT;

CREATE INDEX board_papers_by_partnership ON board_papers (partnership_id, issued_at);
