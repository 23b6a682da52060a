// The audit trail's hash chain (migrations/050_audit_chain.sql). Each row stores the SHA-256 of
// the previous row's hash followed by its own contents, so changing a row changes its hash,
// and removing or inserting a row breaks the link of the row after it. Retention removes only
// the oldest rows and records the last removed row's hash as an anchor, from which the first
// row kept still verifies. `npm run audit:verify` walks the chain and names the first broken link.
//
// Reading the last hash and appending the next row happen in one transaction that waits for any
// other append (Db.serialize), so two writers, in this process or another, never link to the
// same row.
import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import type { AuditEventsTable } from '../db/tables';

/** The link before the first row ever written. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedRow {
  id: number;
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  ip: string | null;
  action: string;
  outcome: AuditEventsTable['outcome'];
  target: string | null;
  details_json: string;
}

/** The hash of a row: every column that says what happened, in a fixed order, after the previous row's hash. */
export function rowHash(prevHash: string, row: ChainedRow): string {
  const contents = [row.id, row.at, row.actor_kind, row.actor_id, row.actor_name, row.ip, row.action, row.outcome, row.target, row.details_json];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(contents)).digest('hex');
}

/** Where the next row links to: the last row's hash, else the newest retention anchor, else genesis. */
async function chainEnd(db: Db): Promise<{ id: number; hash: string | null }> {
  const last = await db.kysely.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (last) return last;
  const anchor = await db.kysely.selectFrom('audit_chain_anchors').select(['last_deleted_id', 'last_deleted_hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return anchor ? { id: anchor.last_deleted_id, hash: anchor.last_deleted_hash } : { id: 0, hash: GENESIS_HASH };
}

/** The key under which appends wait for one another, in every instance (Db.serialize). */
const CHAIN_LOCK = 'audit-chain';

/** Appends one row, chained to the last. Joins the caller's transaction if there is one. */
export async function appendChained(db: Db, row: Omit<ChainedRow, 'id'>): Promise<number> {
  return db.transaction(async () => {
    // Reading the last link and writing the next must not interleave with another append.
    await db.serialize(CHAIN_LOCK);
    const end = await chainEnd(db);
    if (end.hash === null) await chainUnchainedRows(db);
    const prevHash = end.hash ?? (await chainEnd(db)).hash!;
    const chained: ChainedRow = { id: end.id + 1, ...row };
    await db.kysely.insertInto('audit_events').values({ ...chained, prev_hash: prevHash, hash: rowHash(prevHash, chained) }).execute();
    return chained.id;
  });
}

/**
 * Chains rows written before the chain existed (or by an older version), in id order. The
 * database allows exactly this update: a hash for a row that has none, nothing else changed.
 */
export async function chainUnchainedRows(db: Db): Promise<number> {
  return db.transaction(async () => {
    await db.serialize(CHAIN_LOCK);
    const unchained: ChainedRow[] = await db.kysely
      .selectFrom('audit_events')
      .select(['id', 'at', 'actor_kind', 'actor_id', 'actor_name', 'ip', 'action', 'outcome', 'target', 'details_json'])
      .where('hash', 'is', null)
      .orderBy('id')
      .execute();
    if (unchained.length === 0) return 0;
    const before = await db.kysely.selectFrom('audit_events').select('hash').where('id', '<', unchained[0].id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    let prevHash = before?.hash ?? GENESIS_HASH;
    for (const row of unchained) {
      const hash = rowHash(prevHash, row);
      await db.kysely.updateTable('audit_events').set({ prev_hash: prevHash, hash }).where('id', '=', row.id).execute();
      prevHash = hash;
    }
    return unchained.length;
  });
}

export type ChainProblem = { id: number; kind: 'changed' | 'link-broken' | 'unchained'; message: string };

export interface ChainReport {
  ok: boolean;
  rows: number;
  firstId: number | null;
  lastId: number | null;
  /** The last row's hash: note it somewhere else (a ticket, an email) to detect a truncated trail later. */
  headHash: string;
  /** Rows removed by retention before the first row kept, per the newest anchor. */
  anchor: { lastDeletedId: number; lastDeletedHash: string; at: string } | null;
  problem: ChainProblem | null;
}

const PAGE = 5000;

/** Walks the whole chain from the newest anchor (or genesis), and stops at the first broken link. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const anchorRow = await db.kysely.selectFrom('audit_chain_anchors').select(['at', 'last_deleted_id', 'last_deleted_hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const anchor = anchorRow ? { lastDeletedId: anchorRow.last_deleted_id, lastDeletedHash: anchorRow.last_deleted_hash, at: anchorRow.at } : null;
  let expected = anchor?.lastDeletedHash ?? GENESIS_HASH;
  let previousId: number | null = null;
  let after = anchor?.lastDeletedId ?? 0;
  let rows = 0;
  let firstId: number | null = null;
  const report = (problem: ChainProblem | null): ChainReport => ({ ok: problem === null, rows, firstId, lastId: previousId, headHash: expected, anchor, problem });

  // Rows at or below the anchor should have gone with it.
  const leftBehind = await db.kysely.selectFrom('audit_events').select('id').where('id', '<=', after).orderBy('id').limit(1).executeTakeFirst();
  if (leftBehind) {
    return report({ id: leftBehind.id, kind: 'link-broken', message: `Row ${leftBehind.id} is older than the retention anchor (rows up to ${after} were deleted), so rows were put back or the anchor is wrong.` });
  }
  for (;;) {
    const page = await db.kysely.selectFrom('audit_events').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
    for (const row of page) {
      if (row.hash === null || row.prev_hash === null) {
        return report({ id: row.id, kind: 'unchained', message: `Row ${row.id} has no hash: it was written without recordAudit, or its hash was removed.` });
      }
      if (row.prev_hash !== expected) {
        const before = previousId === null ? (anchor ? `the retention anchor (rows up to ${anchor.lastDeletedId} deleted)` : 'the start of the trail') : `row ${previousId}`;
        return report({ id: row.id, kind: 'link-broken', message: `Row ${row.id} does not follow ${before}: a row between them was removed or inserted, or ${before} was changed.` });
      }
      if (rowHash(row.prev_hash, row) !== row.hash) {
        return report({ id: row.id, kind: 'changed', message: `Row ${row.id} was changed after it was written: its contents no longer match its hash.` });
      }
      expected = row.hash;
      previousId = row.id;
      firstId ??= row.id;
      rows++;
    }
    if (page.length < PAGE) return report(null);
    after = page[page.length - 1].id;
  }
}
