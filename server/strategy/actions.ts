// The delivery plan in the database, through Kysely: a strategy's actions, their links to aims
// and measures, and their progress updates. Rows become API objects here. Who may read or write
// is the route's to decide (through findPartnership); this module only keeps each action inside
// the partnership it is asked about, so another partnership's action is never found.
import { findIndicator } from '../../schemas/indicators';
import { ACTION_STATUSES } from '../../schemas/strategy-api';
import type { PlanAction } from '../../schemas/actions-api';
import type { Db } from '../db/database';
import { actionsDb, type ActionsKysely } from './actions-tables';
import type { PlanLinks } from './actions-links';
import { isOverdue } from './actions-timescale';
import { lockDeliveryPlan } from './locks';
import type { StrategyActionsTable } from './tables';

type ActionStatus = StrategyActionsTable['status'];

/** An action's fields as stored, once its links are resolved and its due date settled. */
export interface ActionValues {
  title: string;
  aimId: number | null;
  measureId: number | null;
  leadAgency: string | null;
  leadPerson: string | null;
  timescale: string | null;
  due: string | null;
  status: ActionStatus;
}

/** A strategy's aims and measures, numbered as the strategy orders them. */
export async function planLinks(db: Db, strategyId: number): Promise<PlanLinks> {
  return linksOf(actionsDb(db), strategyId);
}

async function linksOf(k: ActionsKysely, strategyId: number): Promise<PlanLinks> {
  const aims = await k.selectFrom('strategy_aims').select(['id', 'title']).where('strategy_id', '=', strategyId).orderBy('position').orderBy('id').execute();
  const measures =
    aims.length === 0
      ? []
      : await k.selectFrom('strategy_measures').select(['id', 'aim_id', 'indicator', 'area_code']).where('aim_id', 'in', aims.map((a) => a.id)).orderBy('position').orderBy('id').execute();
  return {
    aims: aims.map((a, i) => ({ id: a.id, number: i + 1, title: a.title })),
    measures: aims.flatMap((a, i) =>
      measures
        .filter((m) => m.aim_id === a.id)
        .map((m, j) => ({ id: m.id, aimId: a.id, aimNumber: i + 1, number: j + 1, indicator: m.indicator, indicatorTitle: findIndicator(m.indicator)?.title ?? m.indicator, area: m.area_code })),
    ),
  };
}

/** The action's strategy, when the action belongs to one of the partnership's strategies; null otherwise. */
export async function actionOwner(db: Db, partnershipId: number, actionId: number): Promise<{ strategyId: number; strategyFrom: string } | null> {
  const row = await actionsDb(db)
    .selectFrom('strategy_actions')
    .innerJoin('strategies', 'strategies.id', 'strategy_actions.strategy_id')
    .select(['strategies.id as strategyId', 'strategies.from_year as strategyFrom'])
    .where('strategy_actions.id', '=', actionId)
    .where('strategies.partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return row ?? null;
}

async function readActions(k: ActionsKysely, strategyId: number, today: string, only?: number): Promise<PlanAction[]> {
  let query = k.selectFrom('strategy_actions').selectAll().where('strategy_id', '=', strategyId);
  if (only !== undefined) query = query.where('id', '=', only);
  const rows = await query.orderBy('position').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const updates = await k.selectFrom('action_updates').selectAll().where('action_id', 'in', ids).orderBy('on_date', 'desc').orderBy('id', 'desc').execute();
  const links = await linksOf(k, strategyId);
  return rows.map((r) => {
    const aim = links.aims.find((a) => a.id === r.aim_id);
    const measure = links.measures.find((m) => m.id === r.measure_id);
    return {
      id: r.id,
      strategyId: r.strategy_id,
      title: r.title,
      aim: aim ? { id: aim.id, number: aim.number, title: aim.title } : null,
      measure: measure ? { id: measure.id, indicator: measure.indicator, indicatorTitle: measure.indicatorTitle, area: measure.area } : null,
      leadAgency: r.lead_agency,
      leadPerson: r.lead_person,
      timescale: r.timescale,
      due: r.due_on,
      status: r.status,
      overdue: isOverdue({ due: r.due_on, status: r.status }, today),
      updates: updates
        .filter((u) => u.action_id === r.id)
        .map((u) => ({ id: u.id, on: u.on_date, text: u.body, author: { id: u.author_user_id, name: u.author_name }, createdAt: u.created_at })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** A strategy's delivery plan in its order, each action with its updates newest first. */
export async function deliveryPlan(db: Db, strategyId: number, today: string): Promise<PlanAction[]> {
  return readActions(actionsDb(db), strategyId, today);
}

export async function planAction(db: Db, strategyId: number, actionId: number, today: string): Promise<PlanAction | null> {
  return (await readActions(actionsDb(db), strategyId, today, actionId))[0] ?? null;
}

/** How many actions have each status. */
export function countByStatus(actions: ReadonlyArray<{ status: ActionStatus }>): Record<ActionStatus, number> {
  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const a of actions) counts[a.status]++;
  return counts;
}

const columns = (v: ActionValues) => ({
  title: v.title,
  aim_id: v.aimId,
  measure_id: v.measureId,
  lead_agency: v.leadAgency,
  lead_person: v.leadPerson,
  timescale: v.timescale,
  due_on: v.due,
  status: v.status,
});

/** Adds actions at the end of the plan, all or none, in the order given; their ids in that order. */
export async function createActions(db: Db, strategyId: number, actions: ActionValues[], now: Date): Promise<number[]> {
  return db.transaction(async () => {
    // The next position follows the last one read: another add must not take it in between.
    await lockDeliveryPlan(db, strategyId);
    const trx = actionsDb(db);
    const at = now.toISOString();
    const last = await trx.selectFrom('strategy_actions').select(({ fn }) => fn.max('position').as('position')).where('strategy_id', '=', strategyId).executeTakeFirst();
    let position = last?.position == null ? 0 : Number(last.position) + 1;
    const ids: number[] = [];
    for (const action of actions) {
      const { id } = await trx
        .insertInto('strategy_actions')
        .values({ strategy_id: strategyId, position: position++, ...columns(action), created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(id);
    }
    return ids;
  });
}

export async function changeAction(db: Db, actionId: number, values: ActionValues, now: Date): Promise<void> {
  await actionsDb(db).updateTable('strategy_actions').set({ ...columns(values), updated_at: now.toISOString() }).where('id', '=', actionId).execute();
}

/** Removes an action and its updates (the route keeps a copy of both in the audit trail). */
export async function deleteAction(db: Db, actionId: number): Promise<void> {
  await actionsDb(db).deleteFrom('strategy_actions').where('id', '=', actionId).execute();
}

/** Records a progress update, and the status it brings if it brings one, together. */
export async function addActionUpdate(
  db: Db,
  actionId: number,
  update: { on: string; text: string; authorId: number | null; authorName: string; status?: ActionStatus },
  now: Date,
): Promise<number> {
  return db.transaction(async () => {
    const trx = actionsDb(db);
    const at = now.toISOString();
    const { id } = await trx
      .insertInto('action_updates')
      .values({ action_id: actionId, on_date: update.on, body: update.text, author_user_id: update.authorId, author_name: update.authorName, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (update.status !== undefined) await trx.updateTable('strategy_actions').set({ status: update.status, updated_at: at }).where('id', '=', actionId).execute();
    return id;
  });
}

/** Titles already in the plan, to refuse an import that would add an action twice. */
export async function actionTitles(db: Db, strategyId: number): Promise<string[]> {
  return (await actionsDb(db).selectFrom('strategy_actions').select('title').where('strategy_id', '=', strategyId).execute()).map((r) => r.title);
}

/** The name a user goes by, to sign their updates (the actor carries only their email). */
export async function userName(db: Db, userId: number): Promise<string | null> {
  return (await actionsDb(db).selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? null;
}
