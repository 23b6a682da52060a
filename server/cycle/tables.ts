// Table interfaces for the quarter's cycle (migrations/020_quarter_cycle.sql). They extend the
// shared Kysely instance with withTables, so the cycle's tables stay beside the code that uses
// them. Row types stay inside server/cycle; routes see API objects.
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/tables';

export interface CycleDeadlinesTable {
  return_type: string;
  days_after_quarter_end: number;
  updated_at: string;
  updated_by: string;
}

export interface CycleDeadlineOverridesTable {
  return_type: string;
  quarter: string;
  due_on: string;
  updated_at: string;
  updated_by: string;
}

export interface CycleSignOffsTable {
  id: Generated<number>;
  return_type: string;
  area_code: string;
  quarter: string;
  organisation_id: number | null;
  signed_at: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
}

export interface CycleApprovalsTable {
  id: Generated<number>;
  return_type: string;
  area_code: string;
  quarter: string;
  approved_at: string;
  approved_by_id: string;
  approved_by_name: string;
  unlocked_at: string | null;
  unlocked_by_id: string | null;
  unlocked_by_name: string | null;
  unlock_reason: string | null;
}

export interface CycleCorrectionReasonsTable {
  submission_id: number;
  reason: string;
  approvals_json: string;
  recorded_at: string;
}

export interface CycleRemindersTable {
  id: Generated<number>;
  reminder_key: string;
  organisation_id: number;
  kind: 'before-deadline' | 'overdue';
  return_type: string;
  quarter: string;
  due_on: string;
  areas_json: string;
  subject: string;
  body: string;
  created_at: string;
  email_status: 'not-sent' | 'sending' | 'sent' | 'failed';
  emailed_to_json: Generated<string>;
  emailed_at: string | null;
  email_error: string | null;
}

// A type alias, not an interface: withTables needs a type with an implicit index signature.
export type CycleTables = {
  cycle_deadlines: CycleDeadlinesTable;
  cycle_deadline_overrides: CycleDeadlineOverridesTable;
  cycle_sign_offs: CycleSignOffsTable;
  cycle_approvals: CycleApprovalsTable;
  cycle_correction_reasons: CycleCorrectionReasonsTable;
  cycle_reminders: CycleRemindersTable;
};

export type CycleKysely = Kysely<Database & CycleTables>;

/** The shared Kysely instance, with the cycle's tables known to it. */
export function cycleDb(db: Db): CycleKysely {
  return db.kysely.withTables<CycleTables>();
}
