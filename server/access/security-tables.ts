// Table interfaces for sign-in throttling and security alerts (migrations/051_operations.sql),
// added to the shared Kysely instance with withTables. Row types stay inside server/access.
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/tables';

export interface SignInThrottleTable {
  account: string;
  address: string;
  failures: number;
  first_failure_at: string;
  last_failure_at: string;
  blocked_until: string | null;
}

export interface SecurityAlertsTable {
  id: Generated<number>;
  key: string;
  raised_at: string;
  kind: 'account-under-attack' | 'address-blocked';
  subject: string;
  details_json: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

// A type alias, not an interface: withTables needs a type with an implicit index signature.
export type SecurityTables = {
  sign_in_throttle: SignInThrottleTable;
  security_alerts: SecurityAlertsTable;
};

export type SecurityKysely = Kysely<Database & SecurityTables>;

export function securityDb(db: Db): SecurityKysely {
  return db.kysely.withTables<SecurityTables>();
}
