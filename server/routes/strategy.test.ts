// /api/partnerships through app.inject: the contract's shape, who sees which partnership,
// refusals, and audited changes by administrators (and analysts, for strategies).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyView } from '../../schemas/strategy-api';
import { loadDemoData } from '../demo/load';
import { buildTestApp, signIn, TEST_NOW, type Identity } from '../test/helpers';

let app: FastifyInstance;
let admin: Identity;
let board: Identity;
let analyst: Identity;
let outsider: Identity;
let partner: Identity;

beforeAll(async () => {
  app = await buildTestApp();
  await loadDemoData(app.db, TEST_NOW);
  admin = await signIn(app, 'admin');
  board = await signIn(app, 'board');
  analyst = await signIn(app, 'analyst');
  outsider = await signIn(app, 'board', undefined, 'outsider');
  partner = await signIn(app, 'partner');
}, 120_000);
afterAll(async () => {
  await app.close();
});

const send = (who: Identity, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

function auditRows(action: string) {
  return app.db.kysely.selectFrom('audit_events').select(['actor_id', 'target', 'details_json']).where('action', '=', action).orderBy('id').execute();
}

const STRATEGY = {
  title: 'Bexley test strategy 2021–2026',
  from: '2021-22',
  to: '2025-26',
  aims: [
    {
      title: 'Protection',
      measures: [
        { indicator: 'protection-order-rate', area: 'E09000004', baseline: '2020', target: { kind: 'direction', direction: 'increase', by: '2023-24' }, owner: 'Domestic Abuse Operational Group' },
        { indicator: 'repeat-victim-rate', area: 'E09000004', baseline: '2020-21', target: { kind: 'value', value: 25, by: '2023-24', direction: 'decrease' }, owner: 'Metropolitan Police' },
      ],
    },
    { title: 'Partnership', measures: [{ indicator: 'marac-repeat-rate', area: 'E09000004', baseline: '2020-21', target: { kind: 'range', low: 28, high: 40 }, owner: 'MARAC coordinator' }] },
    { title: 'Provision', measures: [{ indicator: 'idva-engagement-pct', area: 'E09000004', baseline: '2020-21', target: { kind: 'benchmark' }, owner: 'Solace' }] },
  ],
};

let created: number;
let strategyId: number;

describe('partnerships', () => {
  it('lets an administrator set one up, audited, with the default benchmark of its first area', async () => {
    const response = await send(admin, 'POST', '/api/partnerships', { name: 'Test Bexley partnership', areas: ['e09000004'], members: [board.userId] });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    created = body.id;
    expect(body).toMatchObject({ name: 'Test Bexley partnership', areas: ['E09000004'], benchmark: 'E12000007', strategies: [] });
    expect(body.members.map((m: { id: number }) => m.id)).toEqual([board.userId]);
    const [row] = (await auditRows('partnership-create')).filter((r) => r.target === `partnership:${created}`);
    expect(row.actor_id).toBe(`user:${admin.userId}`);
    expect(JSON.parse(row.details_json)).toMatchObject({ name: 'Test Bexley partnership', areas: ['E09000004'], benchmark: 'E12000007', members: [board.userId] });
  });

  it('lists every partnership for an administrator, and only theirs for a member', async () => {
    const all = (await send(admin, 'GET', '/api/partnerships')).json().partnerships;
    expect(all).toHaveLength(5);
    const mine = await send(board, 'GET', '/api/partnerships');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({ partnerships: [{ id: created, name: 'Test Bexley partnership', areas: ['E09000004'], benchmark: 'E12000007', strategies: [] }] });
    expect((await send(outsider, 'GET', '/api/partnerships')).json()).toEqual({ partnerships: [] });
  });

  it('answers 404 for a partnership the reader does not belong to, and 403 to partners', async () => {
    const demo = (await send(admin, 'GET', '/api/partnerships')).json().partnerships.find((p: { name: string }) => p.name.startsWith('Bexley'));
    expect((await send(admin, 'GET', `/api/partnerships/${demo.id}/strategy`)).statusCode).toBe(200);
    expect((await send(board, 'GET', `/api/partnerships/${demo.id}/strategy`)).statusCode).toBe(404);
    expect((await send(outsider, 'GET', `/api/partnerships/${created}/strategy`)).statusCode).toBe(404);
    expect((await send(partner, 'GET', '/api/partnerships')).statusCode).toBe(403);
    expect((await send(partner, 'GET', `/api/partnerships/${created}/strategy`)).statusCode).toBe(403);
    expect((await send(board, 'POST', '/api/partnerships', { name: 'x', areas: ['E09000004'] })).statusCode).toBe(403);
    expect((await send(analyst, 'PATCH', `/api/partnerships/${created}`, { name: 'x' })).statusCode).toBe(403);
    expect((await send(board, 'POST', `/api/partnerships/${created}/strategies`, STRATEGY)).statusCode).toBe(403);
  });

  it('refuses unknown areas, users who cannot be members and a name already taken', async () => {
    const unknownArea = await send(admin, 'POST', '/api/partnerships', { name: 'Nowhere', areas: ['E09999999'] });
    expect(unknownArea.statusCode).toBe(400);
    expect(unknownArea.json().message).toMatch(/E09999999/);
    const partnerMember = await send(admin, 'POST', '/api/partnerships', { name: 'Partnered', areas: ['E09000004'], members: [partner.userId] });
    expect(partnerMember.statusCode).toBe(400);
    expect(partnerMember.json().message).toMatch(/board members and analysts/);
    expect((await send(admin, 'POST', '/api/partnerships', { name: 'Test Bexley partnership', areas: ['E09000004'] })).statusCode).toBe(409);
    expect((await send(admin, 'PATCH', '/api/partnerships/9999', { name: 'Ghost' })).statusCode).toBe(404);
  });

  it('lets an administrator change one, audited with before and after', async () => {
    const response = await send(admin, 'PATCH', `/api/partnerships/${created}`, { name: 'Test Bexley Partnership Board', members: [board.userId, analyst.userId] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: created, name: 'Test Bexley Partnership Board', areas: ['E09000004'], benchmark: 'E12000007' });
    const [row] = (await auditRows('partnership-update')).filter((r) => r.target === `partnership:${created}`);
    expect(JSON.parse(row.details_json)).toEqual({
      before: { name: 'Test Bexley partnership', areas: ['E09000004'], benchmark: 'E12000007', members: [board.userId] },
      after: { name: 'Test Bexley Partnership Board', areas: ['E09000004'], benchmark: 'E12000007', members: expect.arrayContaining([board.userId, analyst.userId]) },
    });
  });
});

describe('strategy', () => {
  it('answers 404 while the partnership has no strategy', async () => {
    const response = await send(board, 'GET', `/api/partnerships/${created}/strategy`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('no-strategy');
  });

  it('lets an analyst who belongs to the partnership add a version, audited', async () => {
    const response = await send(analyst, 'POST', `/api/partnerships/${created}/strategies`, STRATEGY);
    expect(response.statusCode, response.body).toBe(201);
    strategyId = response.json().id;
    expect(response.json()).toEqual({ id: strategyId, title: STRATEGY.title, from: '2021-22', to: '2025-26' });
    const [row] = (await auditRows('strategy-create')).filter((r) => r.target === `strategy:${strategyId}`);
    expect(row.actor_id).toBe(`user:${analyst.userId}`);
    expect((await send(analyst, 'POST', `/api/partnerships/${created}/strategies`, STRATEGY)).statusCode).toBe(409);
  });

  it('refuses a strategy with an unknown indicator, a target before its baseline or a quarter as baseline', async () => {
    const withMeasure = (measure: Record<string, unknown>) => ({ ...STRATEGY, from: '2026-27', to: '2028-29', aims: [{ title: 'A', measures: [{ ...STRATEGY.aims[0].measures[0], ...measure }] }] });
    const unknown = await send(admin, 'POST', `/api/partnerships/${created}/strategies`, withMeasure({ indicator: 'happiness' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/no indicator "happiness"/);
    const early = await send(admin, 'POST', `/api/partnerships/${created}/strategies`, withMeasure({ target: { kind: 'value', value: 3, by: '2019-20', direction: 'increase' } }));
    expect(early.statusCode).toBe(400);
    expect((await send(admin, 'POST', `/api/partnerships/${created}/strategies`, withMeasure({ baseline: '2020-21Q1' }))).statusCode).toBe(400);
    const noDirection = await send(admin, 'POST', `/api/partnerships/${created}/strategies`, withMeasure({ indicator: 'da-incident-rate', target: { kind: 'benchmark' } }));
    expect(noDirection.statusCode).toBe(400);
    expect(noDirection.json().message).toMatch(/no better direction/);
  });

  it('reads the strategy against the data in the contract’s shape', async () => {
    const response = await send(board, 'GET', `/api/partnerships/${created}/strategy`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json() as StrategyView;
    expect(view.strategy).toEqual({ id: strategyId, title: STRATEGY.title, from: '2021-22', to: '2025-26' });
    expect(view.period).toEqual({ id: 'R12-2026-27Q2', label: '12 months to Sep 2026 (Oct 2025–Sep 2026)', chosen: 'latest-twelve-months' });
    expect(view.actions).toEqual([]);
    expect(view.aims.map((a) => a.title)).toEqual(['Protection', 'Partnership', 'Provision']);
    const statuses = ['on-track', 'at-risk', 'off-track', 'not-assessable'];
    for (const aim of view.aims) {
      expect(Object.keys(aim)).toEqual(expect.arrayContaining(['id', 'title', 'status', 'measures']));
      expect(statuses).toContain(aim.status);
      for (const m of aim.measures) {
        expect(Object.keys(m)).toEqual(expect.arrayContaining(['indicator', 'area', 'baseline', 'target', 'latest', 'status']));
        expect(statuses).toContain(m.status);
        expect(m.area).toBe('E09000004');
        expect(m.latest.period).toBe('R12-2026-27Q2');
        expect(m.latest.benchmark?.area).toBe('E12000007');
      }
    }
    const [orders, repeat] = view.aims[0].measures;
    expect(orders).toMatchObject({ indicator: 'protection-order-rate', baseline: { period: '2020', status: 'ok' }, target: { kind: 'direction', direction: 'increase' }, latest: { status: 'ok' } });
    // The baseline is read from the data, and the status follows from the stated rule.
    expect(orders.status).toBe(orders.latest.lower95! > orders.baseline.value! ? 'on-track' : orders.latest.upper95! < orders.baseline.value! ? 'off-track' : 'at-risk');
    expect(repeat.path).toBe(25);
    expect(view.aims[0].status).toBe([orders.status, repeat.status].includes('off-track') ? 'off-track' : [orders.status, repeat.status].includes('at-risk') ? 'at-risk' : 'on-track');
  });

  it('reads a requested year, and the version in force then', async () => {
    const view = (await send(board, 'GET', `/api/partnerships/${created}/strategy?period=2023-24`)).json() as StrategyView;
    expect(view.period).toMatchObject({ id: '2023-24', chosen: 'requested' });
    expect(view.aims[0].measures[1].path).toBeCloseTo(25, 9);
    const before = await send(board, 'GET', `/api/partnerships/${created}/strategy?period=2019-20`);
    expect(before.statusCode).toBe(404);
    expect(before.json().message).toMatch(/first starts in 2021-22/);
    const quarter = await send(board, 'GET', `/api/partnerships/${created}/strategy?period=2023-24Q1`);
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json().code).toBe('invalid-period');
  });

  it('replaces a version, keeping the ids of aims and measures sent with them, audited', async () => {
    const view = (await send(board, 'GET', `/api/partnerships/${created}/strategy`)).json() as StrategyView;
    const [protection] = view.aims;
    const change = {
      ...STRATEGY,
      title: 'Bexley test strategy (revised)',
      aims: [{ id: protection.id, title: 'Protection of victims', measures: [{ id: protection.measures[0].id, ...STRATEGY.aims[0].measures[0], owner: 'Met Police' }] }],
    };
    const response = await send(admin, 'PUT', `/api/partnerships/${created}/strategies/${strategyId}`, change);
    expect(response.statusCode, response.body).toBe(200);
    const after = (await send(board, 'GET', `/api/partnerships/${created}/strategy`)).json() as StrategyView;
    expect(after.strategy.title).toBe('Bexley test strategy (revised)');
    expect(after.aims).toHaveLength(1);
    expect(after.aims[0]).toMatchObject({ id: protection.id, title: 'Protection of victims' });
    expect(after.aims[0].measures.map((m) => [m.id, m.owner])).toEqual([[protection.measures[0].id, 'Met Police']]);
    const [row] = (await auditRows('strategy-update')).filter((r) => r.target === `strategy:${strategyId}`);
    expect(JSON.parse(row.details_json).before.title).toBe(STRATEGY.title);
    expect((await send(admin, 'PUT', `/api/partnerships/${created}/strategies/9999`, change)).statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('publishes the partnership routes at /api/docs', async () => {
    const response = await send(board, 'GET', '/api/docs/json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/partnerships', '/api/partnerships/{id}', '/api/partnerships/{id}/strategy', '/api/partnerships/{id}/strategies', '/api/partnerships/{id}/strategies/{strategyId}']));
  });
});
