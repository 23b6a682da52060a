// Issued board papers in the database, through Kysely: who issued a paper for which period, when,
// and the figures it showed (snapshot.ts). A paper once issued is never changed.
import { parsePeriodId } from '../../schemas/periods';
import type { Db } from '../db/database';
import type { Author } from '../commentary/store';
import { commentaryDb } from '../commentary/tables';
import type { Snapshot } from './snapshot';

export interface IssuedPaper {
  id: number;
  period: string;
  periodLabel: string;
  issuedAt: string;
  issuedBy: string;
  figures: number;
  snapshot: Snapshot;
}

export async function issuePaper(db: Db, input: { partnershipId: number; period: string; strategyId: number; issuedBy: Author; snapshot: Snapshot; now: Date }): Promise<number> {
  const { id } = await commentaryDb(db)
    .insertInto('board_papers')
    .values({
      partnership_id: input.partnershipId,
      period: input.period,
      strategy_id: input.strategyId,
      issued_at: input.now.toISOString(),
      issued_by_user_id: input.issuedBy.userId,
      issued_by_name: input.issuedBy.name,
      snapshot_json: JSON.stringify(input.snapshot),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A partnership's issued papers, the latest first. */
export async function issuedPapers(db: Db, partnershipId: number, limit?: number): Promise<IssuedPaper[]> {
  let query = commentaryDb(db).selectFrom('board_papers').selectAll().where('partnership_id', '=', partnershipId).orderBy('issued_at', 'desc').orderBy('id', 'desc');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((r) => {
    const snapshot = JSON.parse(r.snapshot_json) as Snapshot;
    return { id: r.id, period: r.period, periodLabel: parsePeriodId(r.period)?.label ?? r.period, issuedAt: r.issued_at, issuedBy: r.issued_by_name, figures: snapshot.figures.length, snapshot };
  });
}

export async function lastIssuedPaper(db: Db, partnershipId: number): Promise<IssuedPaper | null> {
  return (await issuedPapers(db, partnershipId, 1))[0] ?? null;
}
