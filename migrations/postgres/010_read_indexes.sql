-- PostgreSQL twin of migrations/010_read_indexes.sql; change both together.
--
-- Indexes so that reading a submission or a key's history costs what its result costs, at any
-- history size (issue: speed at national scale).
--
-- current_rows is keyed by (type, area, period, subkey); a submission's detail and a key's
-- revisions ask the other way round, "is this version current?", by row id.
CREATE INDEX current_rows_by_row ON current_rows (row_id);

-- Submissions filtered by area and period find their rows by (area, period) first.
CREATE INDEX return_rows_by_area_period ON return_rows (area_code, period, submission_id);
