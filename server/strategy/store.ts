// Partnerships and strategy versions in the database, through Kysely. Who may see what is
// decided here too: administrators see every partnership, board members and analysts the ones
// they belong to, partners none (their routes refuse them first).
import type { Actor } from '../access/actor';
import type { Db } from '../db/database';
import type { Partnership, PartnershipChange, PartnershipInput, StrategyInput, Target } from '../../schemas/strategy-api';
import { actionsDb } from './actions-tables';
import { isOverdue, londonDay } from './actions-timescale';
import { lockPartnership } from './locks';
import { strategyDb, type StrategyKysely } from './tables';

export interface StoredStrategy {
  id: number;
  partnershipId: number;
  title: string;
  from: string;
  to: string;
}

export interface StoredMeasure {
  id: number;
  indicator: string;
  area: string;
  baseline: string;
  target: Target;
  owner: string;
}

export interface StoredAim {
  id: number;
  title: string;
  description: string | null;
  measures: StoredMeasure[];
}

export interface StoredAction {
  id: number;
  title: string;
  aim: number | null;
  measure: number | null;
  leadAgency: string | null;
  leadPerson: string | null;
  timescale: string | null;
  due: string | null;
  status: 'on-track' | 'at-risk' | 'off-track' | 'not-assessable' | 'complete';
  /** Due before today (in England) and not complete. */
  overdue: boolean;
  latestUpdate: { on: string; text: string; author: string } | null;
}

function sees(actor: Actor): 'all' | 'member' | 'none' {
  if (actor.role === 'admin') return 'all';
  if ((actor.role === 'board' || actor.role === 'analyst') && actor.userId !== null) return 'member';
  return 'none';
}

/** The ids of the partnerships the actor may see, in name order. */
async function visibleIds(k: StrategyKysely, actor: Actor, only?: number): Promise<number[]> {
  const scope = sees(actor);
  if (scope === 'none') return [];
  let query = k.selectFrom('partnerships').select('partnerships.id').orderBy('partnerships.name');
  if (only !== undefined) query = query.where('partnerships.id', '=', only);
  if (scope === 'member') {
    query = query.innerJoin('partnership_members', 'partnership_members.partnership_id', 'partnerships.id').where('partnership_members.user_id', '=', actor.userId!);
  }
  return (await query.execute()).map((r) => r.id);
}

async function describe(k: StrategyKysely, ids: number[], withMembers: boolean): Promise<Partnership[]> {
  if (ids.length === 0) return [];
  const rows = await k.selectFrom('partnerships').selectAll().where('id', 'in', ids).execute();
  const areas = await k.selectFrom('partnership_areas').selectAll().where('partnership_id', 'in', ids).orderBy('position').execute();
  const strategies = await k.selectFrom('strategies').select(['id', 'partnership_id', 'title', 'from_year', 'to_year']).where('partnership_id', 'in', ids).orderBy('from_year').execute();
  const members = withMembers
    ? await k
        .selectFrom('partnership_members')
        .innerJoin('users', 'users.id', 'partnership_members.user_id')
        .select(['partnership_members.partnership_id', 'users.id', 'users.name', 'users.email', 'users.role'])
        .where('partnership_members.partnership_id', 'in', ids)
        .orderBy('users.name')
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id)!;
    const partnership: Partnership = {
      id,
      name: row.name,
      areas: areas.filter((a) => a.partnership_id === id).map((a) => a.area_code),
      benchmark: row.benchmark,
      strategies: strategies.filter((s) => s.partnership_id === id).map((s) => ({ id: s.id, title: s.title, from: s.from_year, to: s.to_year })),
    };
    if (withMembers) partnership.members = members.filter((m) => m.partnership_id === id).map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role }));
    return partnership;
  });
}

export async function listPartnerships(db: Db, actor: Actor): Promise<Partnership[]> {
  const k = strategyDb(db);
  return describe(k, await visibleIds(k, actor), actor.role === 'admin');
}

/** One partnership, or null when it does not exist or the actor does not belong to it. */
export async function findPartnership(db: Db, actor: Actor, id: number): Promise<Partnership | null> {
  const k = strategyDb(db);
  const [partnership] = await describe(k, await visibleIds(k, actor, id), actor.role === 'admin');
  return partnership ?? null;
}

export async function partnershipNameTaken(db: Db, name: string, except?: number): Promise<boolean> {
  let query = strategyDb(db).selectFrom('partnerships').select('id').where('name', '=', name);
  if (except !== undefined) query = query.where('id', '!=', except);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function createPartnership(db: Db, input: PartnershipInput & { benchmark: string }, now: Date): Promise<number> {
  return db.transaction(async () => {
    const trx = strategyDb(db);
    const at = now.toISOString();
    const { id } = await trx.insertInto('partnerships').values({ name: input.name, benchmark: input.benchmark, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('partnership_areas').values(input.areas.map((area_code, position) => ({ partnership_id: id, area_code, position }))).execute();
    if (input.members.length > 0) await trx.insertInto('partnership_members').values([...new Set(input.members)].map((user_id) => ({ partnership_id: id, user_id }))).execute();
    return id;
  });
}

export async function updatePartnership(db: Db, id: number, change: PartnershipChange, now: Date): Promise<void> {
  await db.transaction(async () => {
    const trx = strategyDb(db);
    await trx
      .updateTable('partnerships')
      .set({ updated_at: now.toISOString(), ...(change.name !== undefined ? { name: change.name } : {}), ...(change.benchmark !== undefined ? { benchmark: change.benchmark } : {}) })
      .where('id', '=', id)
      .execute();
    if (change.areas !== undefined) {
      await trx.deleteFrom('partnership_areas').where('partnership_id', '=', id).execute();
      await trx.insertInto('partnership_areas').values(change.areas.map((area_code, position) => ({ partnership_id: id, area_code, position }))).execute();
    }
    if (change.members !== undefined) {
      await trx.deleteFrom('partnership_members').where('partnership_id', '=', id).execute();
      if (change.members.length > 0) await trx.insertInto('partnership_members').values([...new Set(change.members)].map((user_id) => ({ partnership_id: id, user_id }))).execute();
    }
  });
}

/** Users by id with their role, to check that members are board members or analysts. */
export async function usersByIds(db: Db, ids: number[]): Promise<Array<{ id: number; role: string }>> {
  if (ids.length === 0) return [];
  return strategyDb(db).selectFrom('users').select(['id', 'role']).where('id', 'in', ids).execute();
}

export async function addMember(db: Db, partnershipId: number, userId: number): Promise<void> {
  await strategyDb(db).insertInto('partnership_members').values({ partnership_id: partnershipId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function strategiesOf(db: Db, partnershipId: number): Promise<StoredStrategy[]> {
  const rows = await strategyDb(db).selectFrom('strategies').selectAll().where('partnership_id', '=', partnershipId).orderBy('from_year').execute();
  return rows.map((r) => ({ id: r.id, partnershipId: r.partnership_id, title: r.title, from: r.from_year, to: r.to_year }));
}

export async function strategyStartingIn(db: Db, partnershipId: number, from: string, except?: number): Promise<number | null> {
  let query = strategyDb(db).selectFrom('strategies').select('id').where('partnership_id', '=', partnershipId).where('from_year', '=', from);
  if (except !== undefined) query = query.where('id', '!=', except);
  return (await query.executeTakeFirst())?.id ?? null;
}

/** Writes a strategy version's aims and measures: new ones inserted, those sent with their id updated in place, the rest removed. */
async function writeAims(trx: StrategyKysely, strategyId: number, aims: StrategyInput['aims']) {
  const existingAims = await trx.selectFrom('strategy_aims').select('id').where('strategy_id', '=', strategyId).execute();
  const keptAims = new Set(aims.map((a) => a.id).filter((id): id is number => id !== undefined && existingAims.some((e) => e.id === id)));
  const droppedAims = existingAims.map((a) => a.id).filter((id) => !keptAims.has(id));
  if (droppedAims.length > 0) await trx.deleteFrom('strategy_aims').where('id', 'in', droppedAims).execute();
  for (const [position, aim] of aims.entries()) {
    let aimId: number;
    if (aim.id !== undefined && keptAims.has(aim.id)) {
      aimId = aim.id;
      await trx.updateTable('strategy_aims').set({ position, title: aim.title, description: aim.description ?? null }).where('id', '=', aimId).execute();
    } else {
      aimId = (await trx.insertInto('strategy_aims').values({ strategy_id: strategyId, position, title: aim.title, description: aim.description ?? null }).returning('id').executeTakeFirstOrThrow()).id;
    }
    const existing = await trx.selectFrom('strategy_measures').select('id').where('aim_id', '=', aimId).execute();
    const kept = new Set(aim.measures.map((m) => m.id).filter((id): id is number => id !== undefined && existing.some((e) => e.id === id)));
    const dropped = existing.map((m) => m.id).filter((id) => !kept.has(id));
    if (dropped.length > 0) await trx.deleteFrom('strategy_measures').where('id', 'in', dropped).execute();
    for (const [mPosition, m] of aim.measures.entries()) {
      const values = { position: mPosition, indicator: m.indicator, area_code: m.area, baseline_period: m.baseline, target_json: JSON.stringify(m.target), owner: m.owner };
      if (m.id !== undefined && kept.has(m.id)) await trx.updateTable('strategy_measures').set(values).where('id', '=', m.id).execute();
      else await trx.insertInto('strategy_measures').values({ aim_id: aimId, ...values }).execute();
    }
  }
}

export async function createStrategy(db: Db, partnershipId: number, input: StrategyInput, now: Date): Promise<number> {
  return db.transaction(async () => {
    await lockPartnership(db, partnershipId);
    const trx = strategyDb(db);
    const at = now.toISOString();
    const { id } = await trx
      .insertInto('strategies')
      .values({ partnership_id: partnershipId, title: input.title, from_year: input.from, to_year: input.to, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAims(trx, id, input.aims);
    return id;
  });
}

export async function replaceStrategy(db: Db, partnershipId: number, strategyId: number, input: StrategyInput, now: Date): Promise<void> {
  await db.transaction(async () => {
    // The aims and measures kept are decided from those read here: nothing may change them in between.
    await lockPartnership(db, partnershipId);
    const trx = strategyDb(db);
    await trx.updateTable('strategies').set({ title: input.title, from_year: input.from, to_year: input.to, updated_at: now.toISOString() }).where('id', '=', strategyId).execute();
    await writeAims(trx, strategyId, input.aims);
  });
}

/** A strategy version's aims (in order, with their measures in order) and actions, overdue as of `now`. */
export async function strategyContent(db: Db, strategyId: number, now: Date = new Date()): Promise<{ aims: StoredAim[]; actions: StoredAction[] }> {
  const k = strategyDb(db);
  const aims = await k.selectFrom('strategy_aims').selectAll().where('strategy_id', '=', strategyId).orderBy('position').execute();
  const measures = aims.length === 0 ? [] : await k.selectFrom('strategy_measures').selectAll().where('aim_id', 'in', aims.map((a) => a.id)).orderBy('position').execute();
  const actions = await k.selectFrom('strategy_actions').selectAll().where('strategy_id', '=', strategyId).orderBy('position').execute();
  const latest = await latestUpdates(db, actions.map((a) => a.id));
  const today = londonDay(now);
  return {
    aims: aims.map((a) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      measures: measures
        .filter((m) => m.aim_id === a.id)
        .map((m) => ({ id: m.id, indicator: m.indicator, area: m.area_code, baseline: m.baseline_period, target: JSON.parse(m.target_json) as Target, owner: m.owner })),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      aim: a.aim_id,
      measure: a.measure_id,
      leadAgency: a.lead_agency,
      leadPerson: a.lead_person,
      timescale: a.timescale,
      due: a.due_on,
      status: a.status,
      overdue: isOverdue({ due: a.due_on, status: a.status }, today),
      latestUpdate: latest.get(a.id) ?? null,
    })),
  };
}

/** Each action's newest progress update (by its day, then as written). */
async function latestUpdates(db: Db, actionIds: number[]): Promise<Map<number, { on: string; text: string; author: string }>> {
  const latest = new Map<number, { on: string; text: string; author: string }>();
  if (actionIds.length === 0) return latest;
  const rows = await actionsDb(db).selectFrom('action_updates').select(['action_id', 'on_date', 'body', 'author_name']).where('action_id', 'in', actionIds).orderBy('on_date', 'desc').orderBy('id', 'desc').execute();
  for (const r of rows) if (!latest.has(r.action_id)) latest.set(r.action_id, { on: r.on_date, text: r.body, author: r.author_name });
  return latest;
}
