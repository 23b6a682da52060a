// Table interfaces for Kysely. Row types stay inside repositories: routes see API objects.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface AreasTable {
  code: string;
  name: string;
  type: string;
}

export interface SubmissionsTable {
  id: Generated<number>;
  return_type: string;
  received_at: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  file_name: string | null;
  file_format: 'csv' | 'xlsx';
  file_sha256: string;
  row_count: number;
  periods_json: string;
  areas_json: string;
  warnings_json: string;
}

export interface ReturnRowsTable {
  id: Generated<number>;
  submission_id: number;
  return_type: string;
  area_code: string;
  period: string;
  subkey: string;
  source_row: number;
  values_json: string;
  notes: string | null;
}

export interface CurrentRowsTable {
  return_type: string;
  area_code: string;
  period: string;
  subkey: string;
  row_id: number;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

/** How every server on one database learns that data changed (migrations/070_data_version.sql). */
export interface DataVersionsTable {
  name: string;
  version: number;
}

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  created_at: string;
}

export interface GrantsTable {
  organisation_id: number;
  return_type: string;
  area_code: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'admin' | 'analyst' | 'board' | 'partner';
  organisation_id: number | null;
  password_hash: string;
  disabled: Generated<number>;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  password_changed_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number | null;
  data_json: string;
  created_at: string;
  last_seen_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  ip: string | null;
  action: string;
  outcome: 'success' | 'failure' | 'rejected' | 'denied';
  target: string | null;
  details_json: string;
  /** SHA-256 of the previous row's hash and this row's contents (server/access/audit-chain.ts). */
  prev_hash: string | null;
  hash: string | null;
}

/** The oldest audit rows removed by retention: the hash of the last one keeps the chain verifiable. */
export interface AuditChainAnchorsTable {
  id: Generated<number>;
  at: string;
  last_deleted_id: number;
  last_deleted_hash: string;
  deleted_rows: number;
  reason: string;
}

/** Present only inside the retention transaction: the last audit id it may delete. */
export interface AuditDeletionPermitsTable {
  up_to_id: number;
}

/** Written inside a transaction that is rolled back: the readiness probe (server/db/storage.ts). */
export interface HealthProbeTable {
  id: Generated<number>;
  payload: string;
}

export interface Database {
  organisations: OrganisationsTable;
  grants: GrantsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_events: AuditEventsTable;
  audit_chain_anchors: AuditChainAnchorsTable;
  audit_deletion_permits: AuditDeletionPermitsTable;
  health_probe: HealthProbeTable;
  areas: AreasTable;
  submissions: SubmissionsTable;
  return_rows: ReturnRowsTable;
  current_rows: CurrentRowsTable;
  schema_migrations: SchemaMigrationsTable;
  data_versions: DataVersionsTable;
}

export type SubmissionRow = Selectable<SubmissionsTable>;
export type NewSubmission = Insertable<SubmissionsTable>;
export type ReturnRow = Selectable<ReturnRowsTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
