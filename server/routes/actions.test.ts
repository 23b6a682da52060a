// The delivery plan through app.inject: adding, changing, reporting progress on and removing
// actions; overdue against the app's clock; importing a spreadsheet whole or not at all; who may
// read and write; and the audit trail each change leaves.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryPlan, PlanAction } from '../../schemas/actions-api';
import type { StrategyView } from '../../schemas/strategy-api';
import { actionsDb } from '../strategy/actions-tables';
import { strategyDb } from '../strategy/tables';
import { buildTestApp, multipartBody, signIn, type Identity } from '../test/helpers';

// 2026-11-22: a Sunday in 2026-27 Q3.
const NOW = new Date('2026-11-22T12:00:00Z');
const TODAY = '2026-11-22';

let app: FastifyInstance;
let admin: Identity;
let board: Identity;
let analyst: Identity;
let otherAnalyst: Identity;
let partner: Identity;
let partnershipId: number;
let otherPartnershipId: number;
let strategyId: number;
let otherActionId: number;
/** Aim and measure ids of the test strategy, by position. */
let aims: Array<{ id: number; measures: number[] }>;

const BEXLEY = 'E09000004';
const STRATEGY = {
  title: 'Test strategy 2021–2026',
  from: '2021-22',
  to: '2025-26',
  aims: [
    {
      title: 'Prevention and early help',
      measures: [{ indicator: 'csc-cp-plans-da-pct', area: BEXLEY, baseline: '2020-21', target: { kind: 'direction', direction: 'decrease' }, owner: "Children's Social Care" }],
    },
    { title: 'Partnership', measures: [{ indicator: 'marac-repeat-rate', area: BEXLEY, baseline: '2020-21', target: { kind: 'range', low: 28, high: 40 }, owner: 'MARAC coordinator' }] },
    {
      title: 'Protection',
      measures: [
        { indicator: 'protection-order-rate', area: BEXLEY, baseline: '2020', target: { kind: 'direction', direction: 'increase' }, owner: 'Domestic Abuse Operational Group' },
        { indicator: 'repeat-victim-rate', area: BEXLEY, baseline: '2020', target: { kind: 'benchmark' }, owner: 'Metropolitan Police' },
      ],
    },
  ],
};

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const send = (who: Identity, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function auditRows(action: string, target?: string) {
  const rows = await app.db.kysely.selectFrom('audit_events').select(['actor_id', 'outcome', 'target', 'details_json']).where('action', '=', action).orderBy('id').execute();
  return rows.filter((r) => target === undefined || r.target === target).map((r) => ({ ...r, details: JSON.parse(r.details_json) as Record<string, unknown> }));
}

const count = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(app.db.kysely)).rows[0].n);

/** Makes storing an action titled "Third row" fail, as a full disk would, on either engine. */
async function failInsertOfThirdRow() {
  if (app.db.engine === 'sqlite') {
    await sql`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON strategy_actions WHEN NEW.title = 'Third row' BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(app.db.kysely);
    return;
  }
  await sql`CREATE FUNCTION fail_third() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.title = 'Third row' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`.execute(app.db.kysely);
  await sql`CREATE TRIGGER fail_third BEFORE INSERT ON strategy_actions FOR EACH ROW EXECUTE FUNCTION fail_third()`.execute(app.db.kysely);
}

async function stopFailing() {
  if (app.db.engine === 'sqlite') {
    await sql`DROP TRIGGER fail_third`.execute(app.db.kysely);
    return;
  }
  await sql`DROP TRIGGER fail_third ON strategy_actions`.execute(app.db.kysely);
  await sql`DROP FUNCTION fail_third()`.execute(app.db.kysely);
}

async function plan(who: Identity = board, query = ''): Promise<DeliveryPlan> {
  const response = await send(who, 'GET', `/api/partnerships/${partnershipId}/actions${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function create(body: Record<string, unknown>, who: Identity = analyst): Promise<PlanAction> {
  const response = await send(who, 'POST', `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

beforeAll(async () => {
  app = await buildTestApp(NOW);
  admin = await signIn(app, 'admin');
  board = await signIn(app, 'board');
  analyst = await signIn(app, 'analyst');
  otherAnalyst = await signIn(app, 'analyst', undefined, 'other-analyst');
  partner = await signIn(app, 'partner');
  const made = await send(admin, 'POST', '/api/partnerships', { name: 'Test partnership', areas: [BEXLEY], members: [board.userId, analyst.userId] });
  partnershipId = made.json().id;
  otherPartnershipId = (await send(admin, 'POST', '/api/partnerships', { name: 'Other partnership', areas: ['E10000025'], members: [otherAnalyst.userId] })).json().id;
  const strategy = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies`, STRATEGY);
  expect(strategy.statusCode, strategy.body).toBe(201);
  strategyId = strategy.json().id;
  const rows = await strategyDb(app.db)
    .selectFrom('strategy_aims as a')
    .leftJoin('strategy_measures as m', 'm.aim_id', 'a.id')
    .select(['a.id as aim', 'm.id as measure'])
    .where('a.strategy_id', '=', strategyId)
    .orderBy('a.position')
    .orderBy('m.position')
    .execute();
  aims = [];
  for (const r of rows) {
    if (aims.at(-1)?.id !== r.aim) aims.push({ id: r.aim, measures: [] });
    if (r.measure !== null) aims.at(-1)!.measures.push(r.measure);
  }
  // The other partnership's own plan, with one action.
  const otherStrategy = await send(otherAnalyst, 'POST', `/api/partnerships/${otherPartnershipId}/strategies`, { ...STRATEGY, title: 'Other strategy', aims: [{ title: 'Only aim', measures: [] }] });
  const otherAction = await send(otherAnalyst, 'POST', `/api/partnerships/${otherPartnershipId}/strategies/${otherStrategy.json().id}/actions`, { title: 'Their action', leadAgency: 'Their council' });
  expect(otherAction.statusCode, otherAction.body).toBe(201);
  otherActionId = otherAction.json().id;
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('adding and changing actions', () => {
  let actionId: number;

  it('adds an action, reading its due date from the timescale, audited', async () => {
    const action = await create({ title: 'Train health practitioners in routine enquiry', measure: aims[0].measures[0], leadAgency: 'Domestic Abuse Operational Group', leadPerson: 'Health Sub Group chair', timescale: 'Q3 2022-23' });
    actionId = action.id;
    expect(action).toMatchObject({
      strategyId,
      title: 'Train health practitioners in routine enquiry',
      aim: { id: aims[0].id, number: 1, title: 'Prevention and early help' },
      measure: { id: aims[0].measures[0], indicator: 'csc-cp-plans-da-pct', area: BEXLEY },
      leadAgency: 'Domestic Abuse Operational Group',
      leadPerson: 'Health Sub Group chair',
      timescale: 'Q3 2022-23',
      due: '2022-12-31',
      status: 'not-assessable',
      overdue: true,
      updates: [],
    });
    const [row] = await auditRows('action-create', `action:${actionId}`);
    expect(row.actor_id).toBe(`user:${analyst.userId}`);
    expect(row.details).toEqual({ partnership: partnershipId, strategy: strategyId, action: expect.objectContaining({ title: 'Train health practitioners in routine enquiry', due: '2022-12-31', measure: aims[0].measures[0] }) });
  });

  it('keeps a timescale that states no day as text, with no due date, and takes a due date sent', async () => {
    expect(await create({ title: 'Ongoing campaign', aim: aims[0].id, leadAgency: 'Comms', timescale: 'Ongoing' })).toMatchObject({ timescale: 'Ongoing', due: null, overdue: false, measure: null });
    expect(await create({ title: 'Dated one', leadAgency: 'Comms', timescale: 'Year 2', due: '2027-01-15', status: 'on-track' })).toMatchObject({ timescale: 'Year 2', due: '2027-01-15', aim: null, overdue: false });
  });

  it('refuses a measure of another aim, an aim of another strategy and a day that does not exist, storing nothing', async () => {
    const before = await count('strategy_actions');
    const url = `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions`;
    const mismatched = await send(analyst, 'POST', url, { title: 'x', leadAgency: 'y', aim: aims[0].id, measure: aims[2].measures[0] });
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().message).toMatch(/belongs to aim 3 \(Protection\)/);
    const foreign = await send(analyst, 'POST', url, { title: 'x', leadAgency: 'y', aim: 999_999 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('invalid-link');
    expect((await send(analyst, 'POST', url, { title: 'x', leadAgency: 'y', due: '2026-02-30' })).json().code).toBe('invalid-due');
    expect((await send(analyst, 'POST', url, { title: '  ', leadAgency: 'y' })).statusCode).toBe(400);
    expect((await send(analyst, 'POST', url, { title: 'x' })).statusCode).toBe(400);
    expect(await count('strategy_actions')).toBe(before);
  });

  it('changes any field, audited with the fields before and after', async () => {
    const response = await send(analyst, 'PATCH', `/api/partnerships/${partnershipId}/actions/${actionId}`, { status: 'complete', leadPerson: 'Named role' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: actionId, status: 'complete', leadPerson: 'Named role', overdue: false, due: '2022-12-31' });
    const rows = await auditRows('action-update', `action:${actionId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toEqual({
      partnership: partnershipId,
      strategy: strategyId,
      before: { leadPerson: 'Health Sub Group chair', status: 'not-assessable' },
      after: { leadPerson: 'Named role', status: 'complete' },
    });
  });

  it('reads a new timescale into the due date unless a due date is sent with it', async () => {
    const url = `/api/partnerships/${partnershipId}/actions/${actionId}`;
    expect((await send(admin, 'PATCH', url, { timescale: 'March 2027' })).json()).toMatchObject({ timescale: 'March 2027', due: '2027-03-31' });
    expect((await send(admin, 'PATCH', url, { timescale: 'Ongoing' })).json()).toMatchObject({ timescale: 'Ongoing', due: null });
    expect((await send(admin, 'PATCH', url, { timescale: 'Year 3', due: '2023-06-30' })).json()).toMatchObject({ timescale: 'Year 3', due: '2023-06-30' });
  });

  it('moves an action to a measure’s aim, and refuses an aim that its measure does not belong to', async () => {
    const url = `/api/partnerships/${partnershipId}/actions/${actionId}`;
    expect((await send(analyst, 'PATCH', url, { measure: aims[2].measures[1] })).json()).toMatchObject({ aim: { id: aims[2].id }, measure: { indicator: 'repeat-victim-rate' } });
    const wrong = await send(analyst, 'PATCH', url, { aim: aims[1].id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/measure: null/);
    expect((await send(analyst, 'PATCH', url, { aim: aims[1].id, measure: null })).json()).toMatchObject({ aim: { id: aims[1].id }, measure: null });
  });

  it('writes no audit row for a change that changes nothing, and refuses an empty change', async () => {
    const url = `/api/partnerships/${partnershipId}/actions/${actionId}`;
    const before = (await auditRows('action-update')).length;
    expect((await send(analyst, 'PATCH', url, { status: 'complete' })).statusCode).toBe(200);
    expect(await auditRows('action-update')).toHaveLength(before);
    expect((await send(analyst, 'PATCH', url, {})).statusCode).toBe(400);
  });
});

describe('progress updates', () => {
  let actionId: number;
  beforeAll(async () => {
    actionId = (await create({ title: 'Support housing providers to DAHA accreditation', aim: aims[1].id, leadAgency: 'Strategic Partnership Board', timescale: 'September 2026', status: 'on-track' })).id;
  });
  const url = () => `/api/partnerships/${partnershipId}/actions/${actionId}/updates`;

  it('adds dated updates, newest first by their day, with the author', async () => {
    expect((await send(analyst, 'POST', url(), { on: '2026-10-01', text: 'Assessment booked.' })).statusCode).toBe(201);
    const response = await send(analyst, 'POST', url(), { on: TODAY, text: 'Assessment moved to 2027.', status: 'at-risk' });
    expect(response.statusCode, response.body).toBe(201);
    expect((await send(admin, 'POST', url(), { on: '2026-06-30', text: 'Started.' })).statusCode).toBe(201);
    const action = response.json() as PlanAction;
    expect(action.status).toBe('at-risk');
    const stored = (await plan()).actions.find((a) => a.id === actionId)!;
    expect(stored.updates.map((u) => [u.on, u.text, u.author])).toEqual([
      [TODAY, 'Assessment moved to 2027.', { id: analyst.userId, name: 'analyst' }],
      ['2026-10-01', 'Assessment booked.', { id: analyst.userId, name: 'analyst' }],
      ['2026-06-30', 'Started.', { id: admin.userId, name: 'admin' }],
    ]);
    const rows = await auditRows('action-progress', `action:${actionId}`);
    expect(rows.map((r) => r.details.update)).toEqual([expect.objectContaining({ on: '2026-10-01' }), expect.objectContaining({ on: TODAY }), expect.objectContaining({ on: '2026-06-30' })]);
    expect(rows[1].details.status).toEqual({ before: 'on-track', after: 'at-risk' });
    expect(rows[0].details.status).toBeUndefined();
  });

  it('refuses an update dated after today or on a day that does not exist', async () => {
    const before = await count('action_updates');
    const future = await send(analyst, 'POST', url(), { on: '2026-11-23', text: 'Will be done.' });
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('future-update');
    expect((await send(analyst, 'POST', url(), { on: '2026-02-29', text: 'x' })).json().code).toBe('invalid-date');
    expect((await send(analyst, 'POST', url(), { on: '22/11/2026', text: 'x' })).statusCode).toBe(400);
    expect((await send(analyst, 'POST', url(), { on: TODAY, text: '' })).statusCode).toBe(400);
    expect(await count('action_updates')).toBe(before);
  });

  it('keeps updates as written: the database refuses to rewrite one', async () => {
    await expect(sql`UPDATE action_updates SET body = 'rewritten'`.execute(app.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('shows the action overdue once its due date has passed, in the plan and in the strategy view', async () => {
    const all = await plan();
    const action = all.actions.find((a) => a.id === actionId)!;
    expect(action).toMatchObject({ due: '2026-09-30', status: 'at-risk', overdue: true });
    expect(all.today).toBe(TODAY);
    expect(all.summary.total).toBe(all.actions.length);
    expect(all.summary.overdue).toBe(all.actions.filter((a) => a.overdue).length);
    const overdue = await plan(board, '?overdue=true');
    expect(overdue.actions.length).toBeGreaterThan(0);
    expect(overdue.actions.every((a) => a.overdue && a.status !== 'complete' && a.due! < TODAY)).toBe(true);
    expect((await plan(board, '?overdue=false')).actions.some((a) => a.id === actionId)).toBe(false);
    const risky = await plan(board, '?status=at-risk,off-track');
    expect(risky.actions.map((a) => a.id)).toContain(actionId);
    expect(risky.actions.every((a) => a.status === 'at-risk' || a.status === 'off-track')).toBe(true);
    expect((await send(board, 'GET', `/api/partnerships/${partnershipId}/actions?status=late`)).statusCode).toBe(400);
    expect((await plan(board, '?status=')).actions).toHaveLength(all.actions.length);

    const view = (await send(board, 'GET', `/api/partnerships/${partnershipId}/strategy`)).json() as StrategyView;
    const inView = view.actions.find((a) => a.id === actionId)!;
    expect(inView).toEqual({
      id: actionId,
      title: 'Support housing providers to DAHA accreditation',
      aim: aims[1].id,
      lead: 'Strategic Partnership Board',
      due: '2026-09-30',
      status: 'at-risk',
      measure: null,
      leadAgency: 'Strategic Partnership Board',
      leadPerson: null,
      timescale: 'September 2026',
      overdue: true,
      latestUpdate: { on: TODAY, text: 'Assessment moved to 2027.', author: 'analyst' },
    });
  });

  it('is no longer overdue once complete', async () => {
    await send(analyst, 'POST', url(), { on: TODAY, text: 'Accredited.', status: 'complete' });
    expect((await plan()).actions.find((a) => a.id === actionId)).toMatchObject({ status: 'complete', overdue: false });
  });
});

describe('removing an action', () => {
  it('removes it with its updates, keeping a copy of both in the audit trail', async () => {
    const action = await create({ title: 'Entered by mistake', leadAgency: 'Nobody', timescale: '2023' });
    await send(analyst, 'POST', `/api/partnerships/${partnershipId}/actions/${action.id}/updates`, { on: '2026-01-05', text: 'Wrong plan.' });
    expect((await send(board, 'DELETE', `/api/partnerships/${partnershipId}/actions/${action.id}`)).statusCode).toBe(403);
    const response = await send(analyst, 'DELETE', `/api/partnerships/${partnershipId}/actions/${action.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: action.id, deleted: true });
    expect((await send(board, 'GET', `/api/partnerships/${partnershipId}/actions/${action.id}`)).statusCode).toBe(404);
    expect(await actionsDb(app.db).selectFrom('action_updates').select('id').where('action_id', '=', action.id).execute()).toEqual([]);
    const [row] = await auditRows('action-delete', `action:${action.id}`);
    expect(row.details.before).toMatchObject({ title: 'Entered by mistake', due: '2023-12-31', updates: [{ on: '2026-01-05', text: 'Wrong plan.', author: { id: analyst.userId, name: 'analyst' } }] });
  });
});

describe('who may read and write the plan', () => {
  it('lets a board member who belongs read it, and nothing more', async () => {
    expect((await plan(board)).actions.length).toBeGreaterThan(0);
    const one = (await plan(board)).actions[0];
    expect((await send(board, 'GET', `/api/partnerships/${partnershipId}/actions/${one.id}`)).json()).toEqual(one);
    expect((await send(board, 'POST', `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions`, { title: 'x', leadAgency: 'y' })).statusCode).toBe(403);
    expect((await send(board, 'PATCH', `/api/partnerships/${partnershipId}/actions/${one.id}`, { status: 'complete' })).statusCode).toBe(403);
    expect((await send(board, 'POST', `/api/partnerships/${partnershipId}/actions/${one.id}/updates`, { on: TODAY, text: 'x' })).statusCode).toBe(403);
    expect((await send(board, 'GET', `/api/partnerships/${partnershipId}/actions/template.csv`)).statusCode).toBe(403);
  });

  it('answers 404 to an analyst of another partnership, for the plan and for each action', async () => {
    const one = (await plan(board)).actions[0];
    const plansBefore = await count('strategy_actions');
    expect((await send(otherAnalyst, 'GET', `/api/partnerships/${partnershipId}/actions`)).statusCode).toBe(404);
    expect((await send(otherAnalyst, 'GET', `/api/partnerships/${partnershipId}/actions/${one.id}`)).statusCode).toBe(404);
    expect((await send(otherAnalyst, 'PATCH', `/api/partnerships/${partnershipId}/actions/${one.id}`, { status: 'off-track' })).statusCode).toBe(404);
    expect((await send(otherAnalyst, 'POST', `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions`, { title: 'x', leadAgency: 'y' })).statusCode).toBe(404);
    expect((await send(otherAnalyst, 'DELETE', `/api/partnerships/${partnershipId}/actions/${one.id}`)).statusCode).toBe(404);
    expect(await count('strategy_actions')).toBe(plansBefore);
  });

  it('answers 404 for another partnership’s action asked for under this one, even to an administrator', async () => {
    for (const who of [analyst, admin]) {
      expect((await send(who, 'GET', `/api/partnerships/${partnershipId}/actions/${otherActionId}`)).statusCode).toBe(404);
      const change = await send(who, 'PATCH', `/api/partnerships/${partnershipId}/actions/${otherActionId}`, { title: 'Hijacked' });
      expect(change.statusCode).toBe(404);
      expect(change.json().code).toBe('unknown-action');
      expect((await send(who, 'POST', `/api/partnerships/${partnershipId}/actions/${otherActionId}/updates`, { on: TODAY, text: 'x' })).statusCode).toBe(404);
      expect((await send(who, 'DELETE', `/api/partnerships/${partnershipId}/actions/${otherActionId}`)).statusCode).toBe(404);
    }
    // Nor is another partnership's strategy version a home for new actions.
    const otherStrategy = (await send(admin, 'GET', `/api/partnerships/${otherPartnershipId}/actions`)).json().strategy.id;
    expect((await send(admin, 'POST', `/api/partnerships/${partnershipId}/strategies/${otherStrategy}/actions`, { title: 'x', leadAgency: 'y' })).statusCode).toBe(404);
    expect((await send(admin, 'GET', `/api/partnerships/${otherPartnershipId}/actions/${otherActionId}`)).json().title).toBe('Their action');
  });

  it('refuses partners', async () => {
    expect((await send(partner, 'GET', `/api/partnerships/${partnershipId}/actions`)).statusCode).toBe(403);
    expect((await send(partner, 'POST', `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions`, { title: 'x', leadAgency: 'y' })).statusCode).toBe(403);
  });
});

describe('importing a delivery plan', () => {
  const importUrl = (dryRun = false) => `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions/import${dryRun ? '?dryRun=true' : ''}`;
  async function importFile(content: Buffer | string, options: { dryRun?: boolean; as?: Identity; fileName?: string; contentType?: string } = {}) {
    const { payload, headers } = multipartBody(content, options.fileName ?? 'plan.csv', 'file', options.contentType);
    const response = await app.inject({ method: 'POST', url: importUrl(options.dryRun), payload, headers: { ...(options.as ?? analyst).headers, ...headers } });
    return { status: response.statusCode, body: response.json() };
  }

  // The seeds' shape, headings as people write them, aims and measures named in several ways.
  const PLAN_CSV = [
    'Activity,LEAD,Lead_Person, Time scale ,Measure,Strategic Aim,Status,Comment',
    'Ongoing communications with an annual partnership conference,Solace and LBB Comms Team,DA Coordinator,By March 2022,,A,Complete,from Bexley’s plan',
    'Record and monitor protection orders,Domestic Abuse Operational Group,,May 2021,protection-order-rate,,green,',
    'Review MARAC repeat referrals,MARAC steering group,MARAC coordinator,Q3 2022-23,2.1,Partnership,Amber,',
    'Identify external funding,LBB Community Safety,,On going,,3,,',
    'Refresh the strategy,Strategic Partnership Board,,Year 5,,prevention,on track,',
  ].join('\n');

  it('offers a template with the columns', async () => {
    const response = await send(analyst, 'GET', `/api/partnerships/${partnershipId}/actions/template.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.body.replace(/^\ufeff/, '').trim()).toBe('activity,aim,measure,lead,lead person,timescale,due,status');
  });

  it('reports what a dry run would add, storing nothing', async () => {
    const before = await count('strategy_actions');
    const { status, body } = await importFile(PLAN_CSV, { dryRun: true });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await count('strategy_actions')).toBe(before);
    expect(body).toMatchObject({ dryRun: true, rows: 5, created: [] });
    expect(body.actions).toEqual([
      { row: 2, title: 'Ongoing communications with an annual partnership conference', aim: { id: aims[0].id, number: 1, title: 'Prevention and early help' }, measure: null, leadAgency: 'Solace and LBB Comms Team', leadPerson: 'DA Coordinator', timescale: 'By March 2022', due: '2022-03-31', status: 'complete' },
      { row: 3, title: 'Record and monitor protection orders', aim: { id: aims[2].id, number: 3, title: 'Protection' }, measure: { id: aims[2].measures[0], indicator: 'protection-order-rate' }, leadAgency: 'Domestic Abuse Operational Group', leadPerson: null, timescale: 'May 2021', due: '2021-05-31', status: 'on-track' },
      { row: 4, title: 'Review MARAC repeat referrals', aim: { id: aims[1].id, number: 2, title: 'Partnership' }, measure: { id: aims[1].measures[0], indicator: 'marac-repeat-rate' }, leadAgency: 'MARAC steering group', leadPerson: 'MARAC coordinator', timescale: 'Q3 2022-23', due: '2022-12-31', status: 'at-risk' },
      { row: 5, title: 'Identify external funding', aim: { id: aims[2].id, number: 3, title: 'Protection' }, measure: null, leadAgency: 'LBB Community Safety', leadPerson: null, timescale: 'On going', due: null, status: 'not-assessable' },
      { row: 6, title: 'Refresh the strategy', aim: { id: aims[0].id, number: 1, title: 'Prevention and early help' }, measure: null, leadAgency: 'Strategic Partnership Board', leadPerson: null, timescale: 'Year 5', due: '2026-03-31', status: 'on-track' },
    ]);
    expect(body.warnings.map((w: { code: string; column: string }) => [w.code, w.column])).toEqual([['column-ignored', 'Comment']]);
    expect(await auditRows('action-import')).toHaveLength(0);
  });

  it('imports every row at the end of the plan, audited', async () => {
    const before = (await plan()).actions.length;
    const { status, body } = await importFile(PLAN_CSV);
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.created).toHaveLength(5);
    const after = await plan();
    expect(after.actions.slice(before).map((a) => a.id)).toEqual(body.created);
    expect(after.actions.slice(before).map((a) => [a.title, a.due, a.status, a.overdue])).toEqual([
      ['Ongoing communications with an annual partnership conference', '2022-03-31', 'complete', false],
      ['Record and monitor protection orders', '2021-05-31', 'on-track', true],
      ['Review MARAC repeat referrals', '2022-12-31', 'at-risk', true],
      ['Identify external funding', null, 'not-assessable', false],
      ['Refresh the strategy', '2026-03-31', 'on-track', true],
    ]);
    const [row] = await auditRows('action-import', `strategy:${strategyId}`);
    expect(row.actor_id).toBe(`user:${analyst.userId}`);
    expect(row.details).toMatchObject({ partnership: partnershipId, fileName: 'plan.csv', rows: 5, created: body.created });
  });

  it('refuses the same activities again, so a plan is not imported twice', async () => {
    const before = await count('strategy_actions');
    const { status, body } = await importFile(PLAN_CSV);
    expect(status).toBe(422);
    expect(body.errors).toHaveLength(5);
    expect(new Set(body.errors.map((e: { code: string }) => e.code))).toEqual(new Set(['already-in-plan']));
    expect(await count('strategy_actions')).toBe(before);
  });

  it('reports every bad row by row and column, and adds none of the good ones', async () => {
    const before = await count('strategy_actions');
    const csv = [
      'activity,lead,timescale,measure,aim,due,status',
      'A good new action,Council,March 2027,,1,,',
      ',Council,2027,,,,',
      'No lead,,2027,,,,',
      'Wrong aim,Council,2027,,Aim 9,,',
      'Wrong measure,Council,2027,happiness-index,,,',
      'Measure of another aim,Council,2027,3.1,2,,',
      'Bad due,Council,,,,30/02/2027,',
      'Bad status,Council,,,,,purple',
      'Twice,Council,,,,,',
      'twice,Council,,,,,',
      'Vague timescale,Council,Q3 2027,,,,',
    ].join('\n');
    const { status, body } = await importFile(csv);
    expect(status).toBe(422);
    expect(body.errors.map((e: { row: number; column: string; value: string; code: string }) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, 'activity', '', 'missing-activity'],
      [4, 'lead', '', 'missing-lead'],
      [5, 'aim', 'Aim 9', 'unknown-aim'],
      [6, 'measure', 'happiness-index', 'unknown-measure'],
      [7, 'measure', '3.1', 'measure-of-another-aim'],
      [8, 'due', '30/02/2027', 'invalid-due'],
      [9, 'status', 'purple', 'invalid-status'],
      [11, 'activity', 'twice', 'duplicate-activity'],
    ]);
    for (const e of body.errors) expect(e.message.length).toBeGreaterThan(20);
    expect(body.errors[2].message).toMatch(/1 \(Prevention and early help\), 2 \(Partnership\), 3 \(Protection\)/);
    expect(body.errors[7].message).toMatch(/row 10/);
    expect(body.warnings).toEqual([expect.objectContaining({ row: 12, column: 'timescale', code: 'timescale-without-date' })]);
    expect(await count('strategy_actions')).toBe(before);
    const rejected = (await auditRows('action-import')).filter((r) => r.outcome === 'rejected').at(-1)!;
    expect(rejected.details).toMatchObject({ partnership: partnershipId, errors: 8 });
  });

  it('names the columns a file lacks', async () => {
    const { status, body } = await importFile('Activity,Owner,When\nSomething,Council,2027\n');
    expect(status).toBe(422);
    expect(body.errors.map((e: { column: string; code: string }) => [e.column, e.code])).toEqual([
      ['measure', 'missing-column'],
      ['lead', 'missing-column'],
    ]);
  });

  it('adds nothing when storing fails part way through the file', async () => {
    await failInsertOfThirdRow();
    try {
      const before = await count('strategy_actions');
      const { status } = await importFile('activity,lead,timescale,measure\nFirst row,Council,2027,\nSecond row,Council,2027,\nThird row,Council,2027,\n');
      expect(status).toBe(500);
      expect(await count('strategy_actions')).toBe(before);
    } finally {
      await stopFailing();
    }
  });

  it('reads an Excel workbook the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Delivery plan');
    sheet.addRow(['Activity', 'Lead', 'Lead person', 'Timescale', 'Measure', 'Aim', 'Due date']);
    sheet.addRow(['Workbook action', 'Metropolitan Police', 'DA lead', 'Year 6', 'repeat-victim-rate', 'Protection', new Date(Date.UTC(2027, 5, 30))]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, body } = await importFile(bytes, { fileName: 'plan.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.actions).toEqual([
      { row: 2, title: 'Workbook action', aim: { id: aims[2].id, number: 3, title: 'Protection' }, measure: { id: aims[2].measures[1], indicator: 'repeat-victim-rate' }, leadAgency: 'Metropolitan Police', leadPerson: 'DA lead', timescale: 'Year 6', due: '2027-06-30', status: 'not-assessable' },
    ]);
  });

  it('refuses what is not a spreadsheet upload, and those who may not import', async () => {
    const pdf = await importFile(Buffer.from('%PDF-1.7\n1 0 obj\n'), { fileName: 'plan.pdf' });
    expect(pdf.status).toBe(415);
    expect(pdf.body.errors[0].code).toBe('unsupported-file-type');
    const json = await send(analyst, 'POST', importUrl(), { file: 'activity,lead' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('not-multipart');
    expect((await importFile(PLAN_CSV, { as: board })).status).toBe(403);
    expect((await importFile(PLAN_CSV, { as: otherAnalyst })).status).toBe(404);
    expect((await importFile('activity,lead,timescale,measure\n')).body.errors[0].code).toBe('no-rows');
  });
});

describe('OpenAPI', () => {
  it('publishes the delivery plan routes at /api/docs', async () => {
    const response = await send(board, 'GET', '/api/docs/json');
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/partnerships/{id}/actions',
        '/api/partnerships/{id}/actions/template.csv',
        '/api/partnerships/{id}/actions/{actionId}',
        '/api/partnerships/{id}/actions/{actionId}/updates',
        '/api/partnerships/{id}/strategies/{strategyId}/actions',
        '/api/partnerships/{id}/strategies/{strategyId}/actions/import',
      ]),
    );
  });
});
