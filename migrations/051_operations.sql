-- Running it for real (issue 14): sign-in throttling that cannot be turned against an account's
-- owner, and the security alerts administrators read.

-- Failed sign-ins counted per account and source address together (address = the client's
-- address, account = the email as typed, lower-cased), per address alone (account = ''), and per
-- account from every address (address = ''), which only alerts administrators and never refuses.
-- Each attempt is counted before its password is checked, in one statement, so concurrent
-- guesses cannot all slip through before the first is counted; a right password takes its
-- count back. blocked_until is when the next attempt may be checked (growing delays).
CREATE TABLE sign_in_throttle (
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  failures INTEGER NOT NULL,
  first_failure_at TEXT NOT NULL,
  last_failure_at TEXT NOT NULL,
  blocked_until TEXT,
  PRIMARY KEY (account, address)
) STRICT, WITHOUT ROWID;

CREATE INDEX sign_in_throttle_by_last_failure ON sign_in_throttle (last_failure_at);

-- A sustained attack, raised once per subject and window however many processes see it.
CREATE TABLE security_alerts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  raised_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('account-under-attack', 'address-blocked')),
  subject TEXT NOT NULL,
  details_json TEXT NOT NULL DEFAULT '{}',
  acknowledged_at TEXT,
  acknowledged_by TEXT
) STRICT;

CREATE INDEX security_alerts_by_time ON security_alerts (raised_at);

-- The readiness probe writes here inside a transaction it rolls back: it proves the database can
-- take a write (pages can be allocated, the file is writable) and leaves nothing behind.
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY,
  payload TEXT NOT NULL
) STRICT;
