// The cycle for a return expected only where a partnership has defined what it reports (the
// local-measure return, schemas/returns/definition.ts `expected: 'where-defined'`): it has a
// deadline like any return, and statuses and reminders only for the areas of a partnership that
// defines a measure, from the organisations a measure names. A grant alone, for an area without a
// measure or to an organisation no measure names, expects nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Identity } from '../test/helpers';
import { plannedReminders } from './reminders';

const CENTRAL_BEDFORDSHIRE = 'E06000056';
const BEDFORD = 'E06000055';
const QUARTER = '2026-27Q1';
/** 2026-27 Q1 ends on 30 June; its return is due on 30 July. */
const BEFORE_DEADLINE = new Date('2026-07-25T08:00:00Z');
const OVERDUE = new Date('2026-08-01T08:00:00Z');

let clock = BEFORE_DEADLINE;
let app: FastifyInstance;
let admin: Identity;
let named: Identity;
let unnamed: Identity;
let elsewhere: Identity;
let namedOrganisation: number;

const get = async (who: Identity, url: string) => {
  const response = await app.inject({ url, headers: who.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const organisationOf = async (who: Identity) => (await app.db.kysely.selectFrom('users').select('organisation_id').where('email', '=', who.email).executeTakeFirstOrThrow()).organisation_id!;
const cells = (body: { items: Array<{ returnType: string; area: string; quarter: string; status: string }> }) =>
  body.items.filter((i) => i.returnType === 'local-measure').map((i) => [i.area, i.quarter, i.status]);

beforeAll(async () => {
  app = await buildTestApp(() => clock);
  admin = await signIn(app, 'admin');
  named = await signIn(app, 'partner', [{ returnType: 'local-measure', areaCode: CENTRAL_BEDFORDSHIRE }], 'named-team');
  unnamed = await signIn(app, 'partner', [{ returnType: 'local-measure', areaCode: CENTRAL_BEDFORDSHIRE }], 'unnamed-team');
  elsewhere = await signIn(app, 'partner', [{ returnType: 'local-measure', areaCode: BEDFORD }], 'bedford-team');
  namedOrganisation = await organisationOf(named);
  const partnership = (await app.inject({ method: 'POST', url: '/api/partnerships', headers: admin.headers, payload: { name: 'Central Bedfordshire test', areas: [CENTRAL_BEDFORDSHIRE] } })).json().id;
  const defined = await app.inject({
    method: 'POST',
    url: `/api/partnerships/${partnership}/local-measures`,
    headers: admin.headers,
    payload: { id: 'champions', title: 'Champions trained', unit: 'champions', numerator: 'Staff trained', denominator: null, multiplier: 1, polarity: 'higher-better', interval: 'byar', organisations: [namedOrganisation] },
  });
  expect(defined.statusCode, defined.body).toBe(201);
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('the local measure return in the cycle', () => {
  it('has a deadline, 30 days after the quarter, like any quarterly return', async () => {
    const { deadlines } = await get(admin, '/api/cycle/deadlines');
    expect(deadlines.find((d: { returnType: string }) => d.returnType === 'local-measure')).toMatchObject({ frequency: 'quarterly', daysAfterQuarterEnd: 30, isDefault: true });
  });

  it('is expected for an area whose partnership defines a measure, and not for an area with a grant but no measure', async () => {
    const all = await get(admin, `/api/cycle/status?type=local-measure&from=${QUARTER}&to=${QUARTER}`);
    expect(cells(all)).toEqual([[CENTRAL_BEDFORDSHIRE, QUARTER, 'due']]);
    // Asked for by name, an area without a measure still has nothing to send.
    expect(cells(await get(admin, `/api/cycle/status?type=local-measure&area=${BEDFORD}&from=${QUARTER}&to=${QUARTER}`))).toEqual([]);
    expect(cells(await get(admin, `/api/cycle/status?type=local-measure&area=${CENTRAL_BEDFORDSHIRE}&from=${QUARTER}&to=${QUARTER}`))).toEqual([[CENTRAL_BEDFORDSHIRE, QUARTER, 'due']]);
  });

  it('shows a partner its status only where a measure names their organisation', async () => {
    expect(cells(await get(named, `/api/cycle/status?from=${QUARTER}&to=${QUARTER}`))).toEqual([[CENTRAL_BEDFORDSHIRE, QUARTER, 'due']]);
    expect(cells(await get(unnamed, `/api/cycle/status?from=${QUARTER}&to=${QUARTER}`))).toEqual([]);
    expect(cells(await get(elsewhere, `/api/cycle/status?from=${QUARTER}&to=${QUARTER}`))).toEqual([]);
  });

  it('reminds only the organisation a measure names, before the deadline and once overdue', async () => {
    const reminded = async (now: Date) => (await plannedReminders(app.db, now)).filter((r) => r.returnType === 'local-measure').map((r) => [r.organisationId, r.kind, r.quarter, r.areas]);
    expect(await reminded(BEFORE_DEADLINE)).toEqual([[namedOrganisation, 'before-deadline', QUARTER, [CENTRAL_BEDFORDSHIRE]]]);
    clock = OVERDUE;
    expect(await reminded(OVERDUE)).toEqual([[namedOrganisation, 'overdue', QUARTER, [CENTRAL_BEDFORDSHIRE]]]);
    // A week on, the first session has expired: sign in again.
    const later = await signIn(app, 'admin', undefined, 'later-admin');
    expect(cells(await get(later, `/api/cycle/status?type=local-measure&from=${QUARTER}&to=${QUARTER}`))).toEqual([[CENTRAL_BEDFORDSHIRE, QUARTER, 'overdue']]);
  });
});
