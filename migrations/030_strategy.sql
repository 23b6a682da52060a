-- Partnerships and their strategies (issue 11): the partnership an administrator sets up (its
-- areas, default benchmark and members), its strategy versioned by period, the strategy's aims
-- in the partnership's own words and order, each aim's measures (a catalogue indicator for an
-- area, a baseline period, a target and an owner) and the delivery plan's actions.

CREATE TABLE partnerships (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  benchmark TEXT NOT NULL REFERENCES areas (code),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- The authorities a partnership covers, in the order it names them.
CREATE TABLE partnership_areas (
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  area_code TEXT NOT NULL REFERENCES areas (code),
  position INTEGER NOT NULL,
  PRIMARY KEY (partnership_id, area_code)
) STRICT, WITHOUT ROWID;

-- Board members and analysts belong to one or more partnerships; administrators see them all.
CREATE TABLE partnership_members (
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (partnership_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX partnership_members_by_user ON partnership_members (user_id, partnership_id);

-- A strategy runs over financial years: from_year and to_year are financial-year ids
-- ('2021-22' to '2023-24' for a 2021–24 strategy). Versions of one partnership do not start in
-- the same year.
CREATE TABLE strategies (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  from_year TEXT NOT NULL CHECK (from_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  to_year TEXT NOT NULL CHECK (to_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (from_year <= to_year),
  UNIQUE (partnership_id, from_year)
) STRICT;

CREATE TABLE strategy_aims (
  id INTEGER PRIMARY KEY,
  strategy_id INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT
) STRICT;

CREATE INDEX strategy_aims_by_strategy ON strategy_aims (strategy_id, position);

-- A measure: a catalogue indicator for an area, its baseline period (the value is read from the
-- data, never typed in), its target (JSON, validated by schemas/strategy-api.ts) and its owner.
CREATE TABLE strategy_measures (
  id INTEGER PRIMARY KEY,
  aim_id INTEGER NOT NULL REFERENCES strategy_aims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas (code),
  baseline_period TEXT NOT NULL,
  target_json TEXT NOT NULL,
  owner TEXT NOT NULL
) STRICT;

CREATE INDEX strategy_measures_by_aim ON strategy_measures (aim_id, position);

-- The delivery plan: actions with a lead, a due date and a status, linked to an aim (and
-- optionally a measure).
CREATE TABLE strategy_actions (
  id INTEGER PRIMARY KEY,
  strategy_id INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
  aim_id INTEGER REFERENCES strategy_aims (id) ON DELETE SET NULL,
  measure_id INTEGER REFERENCES strategy_measures (id) ON DELETE SET NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  lead_agency TEXT,
  lead_person TEXT,
  due_on TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('on-track', 'at-risk', 'off-track', 'not-assessable', 'complete')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX strategy_actions_by_strategy ON strategy_actions (strategy_id, position);
