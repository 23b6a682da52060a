// Two people changing the same partnership at the same moment (issue 15): each check that decides
// a write (a name free, a year without a strategy, a measure id unused, the version a comment
// revises) is made in the transaction that writes, under its lock, so one request wins and the
// other gets a 409 in words, never a 5xx or a duplicate. And a change and its audit row are one
// transaction: a change whose audit row cannot be written is not stored.
//
// On SQLite in one process the requests below do not interleave (better-sqlite3 answers at once,
// so a request's checks and writes run without a pause); on PostgreSQL, where each waits on its
// connection, they do, and without the locks the second of a pair would be a 5xx.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentaryDb } from '../commentary/tables';
import { localMeasureDb } from '../local-measures/tables';
import { actionsDb } from '../strategy/actions-tables';
import { strategyDb } from '../strategy/tables';
import { buildTestApp, signIn, type Identity } from '../test/helpers';

const BEXLEY = 'E09000004';

let app: FastifyInstance;
let admin: Identity;
let analyst: Identity;
let partnershipId: number;
let strategyId: number;

const send = (who: Identity, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) => app.inject({ method, url, headers: who.headers, payload: payload as Record<string, unknown> });

/** The answers' status codes, lowest first: the order requests finish in is not the point. */
const statuses = (responses: Array<{ statusCode: number }>) => responses.map((r) => r.statusCode).sort();

const auditRows = (action: string, target: string) => app.db.kysely.selectFrom('audit_events').select('details_json').where('action', '=', action).where('target', '=', target).execute();

const strategy = (from: string) => ({
  title: `Strategy from ${from}`,
  from,
  to: from,
  aims: [{ title: 'Protection', measures: [{ indicator: 'repeat-victim-rate', area: BEXLEY, baseline: '2020-21', target: { kind: 'direction', direction: 'decrease' }, owner: 'Police' }] }],
});

/** Makes every insert into `table` whose `column` is `value` fail, as a full disk would, on either engine; returns the undo. */
async function failInserts(table: string, column: string, value: string): Promise<() => Promise<void>> {
  if (app.db.engine === 'sqlite') {
    await sql`CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON ${sql.table(table)} WHEN NEW.${sql.ref(column)} = ${sql.lit(value)} BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(app.db.kysely);
    return async () => {
      await sql`DROP TRIGGER fail_insert`.execute(app.db.kysely);
    };
  }
  await sql`CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS ${sql.lit(`BEGIN IF NEW.${column} = '${value}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END`)}`.execute(app.db.kysely);
  await sql`CREATE TRIGGER fail_insert BEFORE INSERT ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION fail_insert()`.execute(app.db.kysely);
  return async () => {
    await sql`DROP TRIGGER fail_insert ON ${sql.table(table)}`.execute(app.db.kysely);
    await sql`DROP FUNCTION fail_insert()`.execute(app.db.kysely);
  };
}

beforeAll(async () => {
  app = await buildTestApp();
  admin = await signIn(app, 'admin');
  analyst = await signIn(app, 'analyst');
  const created = await send(admin, 'POST', '/api/partnerships', { name: 'Concurrency test partnership', areas: [BEXLEY], members: [analyst.userId] });
  expect(created.statusCode, created.body).toBe(201);
  partnershipId = created.json().id;
  const made = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies`, strategy('2021-22'));
  expect(made.statusCode, made.body).toBe(201);
  strategyId = made.json().id;
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('at the same moment', () => {
  it('sets up one partnership of a name asked for twice, and says the name is taken to the other', async () => {
    const responses = await Promise.all([1, 2].map(() => send(admin, 'POST', '/api/partnerships', { name: 'Twice asked partnership', areas: [BEXLEY] })));
    expect(statuses(responses)).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'name-taken', message: 'There is already a partnership called "Twice asked partnership".' });
    expect(await strategyDb(app.db).selectFrom('partnerships').select('id').where('name', '=', 'Twice asked partnership').execute()).toHaveLength(1);
  });

  it('renames two partnerships to one name for one of them only', async () => {
    const ids: number[] = [];
    for (const name of ['First to rename', 'Second to rename']) ids.push((await send(admin, 'POST', '/api/partnerships', { name, areas: [BEXLEY] })).json().id);
    const responses = await Promise.all(ids.map((id) => send(admin, 'PATCH', `/api/partnerships/${id}`, { name: 'Renamed at once' })));
    expect(statuses(responses)).toEqual([200, 409]);
    expect(await strategyDb(app.db).selectFrom('partnerships').select('id').where('name', '=', 'Renamed at once').execute()).toHaveLength(1);
  });

  it('adds one strategy for a year asked for twice', async () => {
    const responses = await Promise.all([1, 2].map(() => send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies`, strategy('2024-25'))));
    expect(statuses(responses)).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json().code).toBe('strategy-exists');
    expect(await strategyDb(app.db).selectFrom('strategies').select('id').where('partnership_id', '=', partnershipId).where('from_year', '=', '2024-25').execute()).toHaveLength(1);
  });

  it('gives actions added together a place each at the end of the plan, in one order', async () => {
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'].map((t) => `Action ${t}`);
    const responses = await Promise.all(titles.map((title) => send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions`, { title, leadAgency: 'Council' })));
    expect(statuses(responses)).toEqual([201, 201, 201, 201, 201]);
    const stored = await strategyDb(app.db).selectFrom('strategy_actions').select(['id', 'position']).where('strategy_id', '=', strategyId).orderBy('position').execute();
    expect(stored.map((a) => a.position)).toEqual([0, 1, 2, 3, 4]);
    // Numbered in the order they were stored: ids and places rise together.
    expect(stored.map((a) => a.id)).toEqual([...stored.map((a) => a.id)].sort((a, b) => a - b));
  });

  it('keeps one revision of a comment revised twice from the same version, and tells the other it changed', async () => {
    const comment = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/commentary`, { subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: BEXLEY }, period: '2023-24', body: 'First words.' });
    expect(comment.statusCode, comment.body).toBe(201);
    const url = `/api/partnerships/${partnershipId}/commentary/${comment.json().id}`;
    const responses = await Promise.all(['Revised by one.', 'Revised by another.'].map((body) => send(analyst, 'PUT', url, { body, version: 1 })));
    expect(statuses(responses)).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'comment-changed', message: expect.stringContaining('it is now at version 2') });
    const versions = await commentaryDb(app.db).selectFrom('commentary_versions').select('version').where('commentary_id', '=', comment.json().id).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await auditRows('commentary-revise', `comment:${comment.json().id}`)).toHaveLength(1);
  });

  it('defines one local measure of an id asked for twice', async () => {
    const measure = { id: 'asked-twice', title: 'Asked twice', unit: 'people', numerator: 'People', denominator: null, multiplier: 1, polarity: 'higher-better', interval: 'byar', organisations: [] };
    const responses = await Promise.all([1, 2].map(() => send(admin, 'POST', `/api/partnerships/${partnershipId}/local-measures`, measure)));
    expect(statuses(responses)).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json().code).toBe('measure-exists');
    expect(await localMeasureDb(app.db).selectFrom('local_measures').select('id').where('measure_id', '=', 'asked-twice').execute()).toHaveLength(1);
    expect(await auditRows('local-measure-create', `partnership:${partnershipId}:local-measure:asked-twice`)).toHaveLength(1);
  });
});

describe('a change and its audit row', () => {
  it('stores neither when the audit row cannot be written', async () => {
    const undo = await failInserts('audit_events', 'action', 'strategy-create');
    try {
      const response = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies`, strategy('2027-28'));
      expect(response.statusCode).toBeGreaterThanOrEqual(500);
      expect(response.body).not.toMatch(/disk full|audit_events|INSERT/);
    } finally {
      await undo();
    }
    expect(await strategyDb(app.db).selectFrom('strategies').select('id').where('partnership_id', '=', partnershipId).where('from_year', '=', '2027-28').execute()).toEqual([]);
    // Once the audit trail takes rows again, the same request is stored, with its row.
    const again = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies`, strategy('2027-28'));
    expect(again.statusCode, again.body).toBe(201);
    expect(await auditRows('strategy-create', `strategy:${again.json().id}`)).toHaveLength(1);
  });

  it('keeps an action whose progress update cannot be audited as it was', async () => {
    const action = (await send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies/${strategyId}/actions`, { title: 'Audited progress', leadAgency: 'Council', status: 'on-track' })).json();
    const undo = await failInserts('audit_events', 'action', 'action-progress');
    try {
      const response = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/actions/${action.id}/updates`, { on: '2026-01-05', text: 'Behind.', status: 'at-risk' });
      expect(response.statusCode).toBeGreaterThanOrEqual(500);
    } finally {
      await undo();
    }
    const stored = await strategyDb(app.db).selectFrom('strategy_actions').select('status').where('id', '=', action.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('on-track');
    expect(await actionsDb(app.db).selectFrom('action_updates').select('id').where('action_id', '=', action.id).execute()).toEqual([]);
  });
});
