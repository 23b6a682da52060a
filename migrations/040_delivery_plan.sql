-- The delivery plan (issue 11, item 3): each action keeps its timescale as the plan writes it
-- ("Year 1", "March 2022", "Ongoing") beside the due date read from it, and gathers dated
-- progress updates. An update is a record of what a lead said on a day: a correction is a new
-- update, so the wording the board was shown is never rewritten.

ALTER TABLE strategy_actions ADD COLUMN timescale TEXT;

CREATE INDEX strategy_actions_by_due ON strategy_actions (strategy_id, due_on);

CREATE TABLE action_updates (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES strategy_actions (id) ON DELETE CASCADE,
  -- The day the progress is reported for, as the lead gives it (never in the future).
  on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  body TEXT NOT NULL CHECK (length(body) > 0),
  -- The author's name is kept as written at the time, so the record survives the account.
  author_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  author_name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX action_updates_by_action ON action_updates (action_id, on_date, id);

-- Append only: an update's words, day and author stay as written. (Only the account link may
-- change, when an account is removed; deleting an action takes its updates with it, and the
-- audit trail keeps a copy.)
CREATE TRIGGER action_updates_no_rewrite BEFORE UPDATE OF action_id, on_date, body, author_name, created_at ON action_updates
BEGIN
  SELECT RAISE(ABORT, 'action_updates is append-only: add a new update instead');
END;
