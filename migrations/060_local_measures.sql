-- A partnership's own measures (issue 13, DOMAIN.md 5.9): defined by an administrator, sent by
-- partners in the `local-measure` return (stored like any return, with the measure's id as the
-- row's sub-key) and read by the indicator engine as indicators of that partnership only.
CREATE TABLE local_measures (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  -- The id partners write in the return's `measure` column: a slug, unique in the partnership.
  measure_id TEXT NOT NULL,
  title TEXT NOT NULL,
  definition TEXT NOT NULL,
  unit TEXT NOT NULL,
  aim TEXT NOT NULL,
  numerator_label TEXT NOT NULL,
  -- Null: the measure is a count, and its return leaves the denominator blank.
  denominator_label TEXT,
  multiplier INTEGER NOT NULL CHECK (multiplier IN (1, 100, 1000)),
  polarity TEXT NOT NULL CHECK (polarity IN ('higher-better', 'lower-better', 'no-judgement')),
  ci TEXT NOT NULL CHECK (ci IN ('wilson', 'byar', 'none')),
  -- Counts the changes, so that every server on the database sees a change without a restart.
  revision INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (partnership_id, measure_id)
) STRICT;

-- The organisations whose users and tokens may send a measure.
CREATE TABLE local_measure_senders (
  local_measure_id INTEGER NOT NULL REFERENCES local_measures (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  PRIMARY KEY (local_measure_id, organisation_id)
) STRICT, WITHOUT ROWID;
