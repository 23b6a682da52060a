-- Who sent each submission, by organisation, and the warnings found on each stored row.
--
-- DOMAIN.md 8: partners see raw figures only in their own organisation's submissions. The
-- organisation is recorded when the file is stored, so a user moving organisation or a grant
-- changing later does not change whose figures they were. Submissions from analysts,
-- administrators and the demo loader belong to no organisation (NULL).
ALTER TABLE submissions ADD COLUMN organisation_id INTEGER REFERENCES organisations (id);

-- Submissions stored before this migration: the organisation of the partner user or API token
-- that sent them (actor_id is 'user:<id>' or 'token:<id>').
UPDATE submissions
SET organisation_id = (SELECT u.organisation_id FROM users u WHERE u.id = CAST(substr(submissions.actor_id, 6) AS INTEGER))
WHERE actor_kind = 'user' AND actor_id LIKE 'user:%';
UPDATE submissions
SET organisation_id = (SELECT t.organisation_id FROM api_tokens t WHERE t.id = CAST(substr(submissions.actor_id, 7) AS INTEGER))
WHERE actor_kind = 'token' AND actor_id LIKE 'token:%';

CREATE INDEX submissions_by_organisation ON submissions (organisation_id, id);

-- DOMAIN.md 5.7: warnings travel with the figures. One row per warning found on one stored row
-- version at upload. A resubmission stores new row versions with their own warnings, so reading
-- the warnings of the current versions drops those of the rows it replaced.
--   reads_json:     the columns the rule reads (JSON array), to find the warnings behind a figure
--   message:        the sentence the sender was shown; it may quote the figures, so only the
--                   unsuppressed view and the sending organisation may read it
--   public_message: a sentence with no figures, for readers of the suppressed view
CREATE TABLE row_warnings (
  id INTEGER PRIMARY KEY,
  row_id INTEGER NOT NULL REFERENCES return_rows (id),
  code TEXT NOT NULL,
  column_name TEXT NOT NULL,
  reads_json TEXT NOT NULL,
  message TEXT NOT NULL,
  public_message TEXT NOT NULL
) STRICT;

CREATE INDEX row_warnings_by_row ON row_warnings (row_id);

-- Rows stored before this migration: their warnings are in the submission's warnings_json, by
-- spreadsheet row number. The rule's other columns are not recorded there, so each such warning
-- is taken to read only the column it names, with a general figure-free sentence.
INSERT INTO row_warnings (row_id, code, column_name, reads_json, message, public_message)
SELECT r.id, json_extract(w.value, '$.code'), json_extract(w.value, '$.column'), json_array(json_extract(w.value, '$.column')),
  json_extract(w.value, '$.message'), 'A check on these figures raised a warning when they were sent.'
FROM return_rows r
JOIN submissions s ON s.id = r.submission_id
JOIN json_each(s.warnings_json) w ON json_extract(w.value, '$.row') = r.source_row
WHERE json_extract(w.value, '$.column') IS NOT NULL AND json_extract(w.value, '$.message') IS NOT NULL
ORDER BY r.id, w.key;
