// Comments and their versions in the database, through Kysely. A comment is written once and
// revised by adding versions: no version is ever changed or removed, so the history a board
// member reads is the history as written.
import type { CommentSubjectInput } from '../../schemas/commentary-api';
import type { Db } from '../db/database';
import { lockComment } from '../strategy/locks';
import type { ResolvedSubject } from './subjects';
import { commentaryDb } from './tables';

export interface Author {
  userId: number | null;
  name: string;
}

export interface StoredVersion {
  version: number;
  body: string;
  author: Author;
  writtenAt: string;
}

export interface StoredComment {
  id: number;
  partnershipId: number;
  subject: ResolvedSubject;
  period: string;
  createdAt: string;
  /** Oldest first; the last is the current version. */
  versions: StoredVersion[];
}

export interface CommentFilter {
  /** Only comments on one of these periods. */
  periods?: readonly string[];
  /** A figure matches comments on it and on measures of the same indicator and area. */
  subject?: CommentSubjectInput;
  id?: number;
}

/** The name a comment is signed with: the user's name, else the actor's (an email address). */
export async function authorOf(db: Db, actor: { userId: number | null; name: string }): Promise<Author> {
  if (actor.userId === null) return { userId: null, name: actor.name };
  const user = await commentaryDb(db).selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst();
  return { userId: actor.userId, name: user?.name ?? actor.name };
}

export async function createComment(db: Db, input: { partnershipId: number; subject: ResolvedSubject; period: string; body: string; author: Author; now: Date }): Promise<number> {
  const at = input.now.toISOString();
  return db.transaction(async () => {
    const trx = commentaryDb(db);
    const { id } = await trx
      .insertInto('commentary')
      .values({
        partnership_id: input.partnershipId,
        subject_kind: input.subject.kind,
        indicator: input.subject.indicator,
        area_code: input.subject.area,
        measure_id: input.subject.measure,
        aim_id: input.subject.aim,
        subject_label: input.subject.label,
        period: input.period,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('commentary_versions').values({ commentary_id: id, version: 1, body: input.body, author_user_id: input.author.userId, author_name: input.author.name, written_at: at }).execute();
    return id;
  });
}

export type RevisionOutcome = { kind: 'revised'; version: number } | { kind: 'conflict'; current: number } | { kind: 'unchanged'; current: number };

/**
 * Adds a version. With `expected`, only if the current version is still that one (someone else's
 * revision in between is a conflict, and nothing is stored). The same text again adds nothing.
 */
export async function reviseComment(db: Db, input: { commentId: number; body: string; expected?: number; author: Author; now: Date }): Promise<RevisionOutcome> {
  return db.transaction(async (): Promise<RevisionOutcome> => {
    // The next version follows the current one read here: a revision in between must wait, then conflict.
    await lockComment(db, input.commentId);
    const trx = commentaryDb(db);
    const current = await trx
      .selectFrom('commentary_versions')
      .select(['version', 'body'])
      .where('commentary_id', '=', input.commentId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (input.expected !== undefined && input.expected !== current.version) return { kind: 'conflict', current: current.version };
    if (current.body === input.body) return { kind: 'unchanged', current: current.version };
    const version = current.version + 1;
    await trx
      .insertInto('commentary_versions')
      .values({ commentary_id: input.commentId, version, body: input.body, author_user_id: input.author.userId, author_name: input.author.name, written_at: input.now.toISOString() })
      .execute();
    return { kind: 'revised', version };
  });
}

/** A partnership's comments, oldest first, each with every version. */
export async function listComments(db: Db, partnershipId: number, filter: CommentFilter = {}): Promise<StoredComment[]> {
  const k = commentaryDb(db);
  let query = k.selectFrom('commentary').selectAll().where('partnership_id', '=', partnershipId);
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  if (filter.periods !== undefined) {
    if (filter.periods.length === 0) return [];
    query = query.where('period', 'in', [...filter.periods]);
  }
  const subject = filter.subject;
  if (subject?.kind === 'figure') query = query.where('subject_kind', 'in', ['figure', 'measure']).where('indicator', '=', subject.indicator).where('area_code', '=', subject.area);
  if (subject?.kind === 'measure') query = query.where('measure_id', '=', subject.measure);
  if (subject?.kind === 'aim') query = query.where('aim_id', '=', subject.aim);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  if (rows.length === 0) return [];
  const versions = await k
    .selectFrom('commentary_versions')
    .selectAll()
    .where('commentary_id', 'in', rows.map((r) => r.id))
    .orderBy('commentary_id')
    .orderBy('version')
    .execute();
  const byComment = new Map<number, StoredVersion[]>();
  for (const v of versions) {
    const list = byComment.get(v.commentary_id) ?? [];
    list.push({ version: v.version, body: v.body, author: { userId: v.author_user_id, name: v.author_name }, writtenAt: v.written_at });
    byComment.set(v.commentary_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    subject: { kind: r.subject_kind, indicator: r.indicator, area: r.area_code, measure: r.measure_id, aim: r.aim_id, label: r.subject_label },
    period: r.period,
    createdAt: r.created_at,
    versions: byComment.get(r.id) ?? [],
  }));
}

export async function findComment(db: Db, partnershipId: number, id: number): Promise<StoredComment | null> {
  const [comment] = await listComments(db, partnershipId, { id });
  return comment ?? null;
}
