-- PostgreSQL twin of migrations/070_data_version.sql; change both together.
--
-- Data versions (issue 15): how every server on one database learns that the data changed.
--
-- The engine used to notice new data by max(submissions.id). On PostgreSQL an id is taken when a
-- row is inserted, not when it commits, so a slow upload can commit after a faster one with a
-- higher id and never be noticed. Instead each change takes the next version of its kind here,
-- in the same transaction as the change: the row lock makes concurrent changes take their
-- versions one after the other, and a version becomes visible only with the data it stands for.
-- Servers poll (or are told of) these rows and reload when a version moves.
--   figures:        bumped by every stored submission (and anything else that changes figures)
--   local-measures: bumped when a partnership's own measures are defined or changed
CREATE TABLE data_versions (
  name text PRIMARY KEY,
  version integer NOT NULL
);

INSERT INTO data_versions (name, version) VALUES ('figures', 0), ('local-measures', 0);

-- The figures version a submission's transaction set, so a server can read exactly the
-- submissions newer than the version it last loaded. Earlier submissions stay at 0: a server
-- starting up loads everything anyway.
ALTER TABLE submissions ADD COLUMN data_version integer NOT NULL DEFAULT 0;

CREATE INDEX submissions_by_data_version ON submissions (data_version);
