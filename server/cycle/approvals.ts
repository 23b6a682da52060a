// Sign-off, approval, locking and unlocking (DOMAIN.md 5.8). A partner signs off a return for
// an area and quarter; an analyst approves it, one return type for one area and quarter at a
// time (or every type received, in one request), which locks it; an administrator unlocks it
// with a reason. A correction to a locked return needs a reason, stored here by submission.
//
// The upload route calls findLocks and recordCorrectionReason inside the transaction that stores
// the file (they join it): the lock cannot change between the check and the store, and the
// reason is stored with the submission or not at all.
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import { cycleDb } from './tables';

export interface ReturnKey {
  type: string;
  area: string;
  quarter: string;
}

export interface Lock {
  locked: boolean;
  approval: { id: number; approvedAt: string; approvedBy: string } | null;
}

const UNLOCKED: Lock = { locked: false, approval: null };

/** Whether (type, area, quarter) is approved and so locked. */
export async function checkLock(db: Db, key: ReturnKey): Promise<Lock> {
  const row = await cycleDb(db)
    .selectFrom('cycle_approvals')
    .select(['id', 'approved_at', 'approved_by_name'])
    .where('return_type', '=', key.type)
    .where('area_code', '=', key.area)
    .where('quarter', '=', key.quarter)
    .where('unlocked_at', 'is', null)
    .executeTakeFirst();
  return row ? { locked: true, approval: { id: row.id, approvedAt: row.approved_at, approvedBy: row.approved_by_name } } : UNLOCKED;
}

/** The locked keys among a file's (area, quarter) pairs for one return type, with their approvals. */
export async function findLocks(db: Db, type: string, keys: ReadonlyArray<{ area: string; quarter: string }>): Promise<Array<ReturnKey & { approvalId: number; approvedAt: string; approvedBy: string }>> {
  if (keys.length === 0) return [];
  const quarters = [...new Set(keys.map((k) => k.quarter))];
  const areas = new Set(keys.map((k) => k.area));
  const rows = await cycleDb(db)
    .selectFrom('cycle_approvals')
    .select(['id', 'area_code', 'quarter', 'approved_at', 'approved_by_name'])
    .where('return_type', '=', type)
    .where('quarter', 'in', quarters)
    .where('unlocked_at', 'is', null)
    .execute();
  const wanted = new Set(keys.map((k) => `${k.area}|${k.quarter}`));
  return rows
    .filter((r) => areas.has(r.area_code) && wanted.has(`${r.area_code}|${r.quarter}`))
    .map((r) => ({ type, area: r.area_code, quarter: r.quarter, approvalId: r.id, approvedAt: r.approved_at, approvedBy: r.approved_by_name }));
}

/**
 * Stores why a submission corrected approved figures, and which approvals were in force. Call it
 * in the transaction that stores the submission. Throws if the reason is blank.
 */
export async function recordCorrectionReason(db: Db, input: { submissionId: number; reason: string; approvalIds: readonly number[]; now: Date }): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new Error('a correction to an approved quarter needs a reason');
  await cycleDb(db)
    .insertInto('cycle_correction_reasons')
    .values({ submission_id: input.submissionId, reason, approvals_json: JSON.stringify(input.approvalIds), recorded_at: input.now.toISOString() })
    .execute();
}

export interface CorrectionReason {
  submissionId: number;
  reason: string;
  /** The approvals in force when the correction was stored: it was made after approval. */
  approvalIds: number[];
  recordedAt: string;
}

/** The reasons given for these submissions, by submission id, to show with figures and revisions. */
export async function correctionReasonsOf(db: Db, submissionIds: readonly number[]): Promise<Map<number, CorrectionReason>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await cycleDb(db).selectFrom('cycle_correction_reasons').selectAll().where('submission_id', 'in', [...submissionIds]).execute();
  return new Map(rows.map((r) => [r.submission_id, { submissionId: r.submission_id, reason: r.reason, approvalIds: JSON.parse(r.approvals_json) as number[], recordedAt: r.recorded_at }]));
}

/**
 * For each of these submissions that corrected approved figures: its reason, and the (area,
 * quarter) keys, as `${area}|${quarter}`, whose approval was in force when it was stored. A
 * revision of one of those keys was made after approval; the submission's other rows were not.
 */
export async function correctionsAfterApproval(db: Db, submissionIds: readonly number[]): Promise<Map<number, { reason: string; keys: Set<string> }>> {
  const reasons = await correctionReasonsOf(db, submissionIds);
  const approvalIds = [...new Set([...reasons.values()].flatMap((r) => r.approvalIds))];
  if (approvalIds.length === 0) return new Map();
  const approvals = await cycleDb(db).selectFrom('cycle_approvals').select(['id', 'area_code', 'quarter']).where('id', 'in', approvalIds).execute();
  const keyOf = new Map(approvals.map((a) => [a.id, `${a.area_code}|${a.quarter}`]));
  return new Map(
    [...reasons.values()].map((r) => [r.submissionId, { reason: r.reason, keys: new Set(r.approvalIds.flatMap((id) => keyOf.get(id) ?? [])) }]),
  );
}

export async function signOff(db: Db, actor: Actor, key: ReturnKey, now: Date) {
  const at = now.toISOString();
  await cycleDb(db)
    .insertInto('cycle_sign_offs')
    .values({ return_type: key.type, area_code: key.area, quarter: key.quarter, organisation_id: actor.organisationId, signed_at: at, actor_kind: actor.kind, actor_id: actor.id, actor_name: actor.name })
    .execute();
  return { at, by: actor.name };
}

/** Approves each key not already approved; returns the keys it approved now. */
export async function approve(db: Db, actor: Actor, keys: readonly ReturnKey[], now: Date): Promise<ReturnKey[]> {
  const at = now.toISOString();
  return db.transaction(async () => {
    const approved: ReturnKey[] = [];
    for (const key of keys) {
      const result = await cycleDb(db)
        .insertInto('cycle_approvals')
        .values({ return_type: key.type, area_code: key.area, quarter: key.quarter, approved_at: at, approved_by_id: actor.id, approved_by_name: actor.name })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) approved.push(key);
    }
    return approved;
  });
}

/** Ends the approval in force for the key; false when it was not approved. */
export async function unlock(db: Db, actor: Actor, key: ReturnKey, reason: string, now: Date): Promise<boolean> {
  const result = await cycleDb(db)
    .updateTable('cycle_approvals')
    .set({ unlocked_at: now.toISOString(), unlocked_by_id: actor.id, unlocked_by_name: actor.name, unlock_reason: reason })
    .where('return_type', '=', key.type)
    .where('area_code', '=', key.area)
    .where('quarter', '=', key.quarter)
    .where('unlocked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
