// A partnership's own measures end to end through app.inject (issue 13, item 3): an administrator
// defines a count (champions trained) and a share (campaign reach) with no restart, a partner of
// an allowed organisation sends them in the local-measure return, the engine serves their values
// and intervals (checked against the formulas of DOMAIN.md section 7), a strategy measure and the
// board paper use them, and nobody outside the partnership can find them.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_STATUSES } from '../../schemas/strategy-api';
import { loadDemoData } from '../demo/load';
import { createLocalMeasure } from '../local-measures/store';
import { buildTestApp, csv, signIn, TEST_NOW, upload, type Identity } from '../test/helpers';
import { CHAMPIONS, REACH } from '../test/local-measures';

const CENTRAL_BEDFORDSHIRE = 'E06000056';
const BEDFORD = 'E06000055';
/** qnorm(0.975), as the engine and PHEindicatormethods use it (DOMAIN.md rounds it to 1.959964). */
const Z95 = 1.959963984540054;

let app: FastifyInstance;
let admin: Identity;
let board: Identity;
let outsider: Identity;
let sender: Identity;
let otherSender: Identity;
let senderOrganisation: number;
let partnership: number;
let otherPartnership: number;

const send = (who: Identity, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function organisationOf(who: Identity): Promise<number> {
  const user = await app.db.kysely.selectFrom('users').select('organisation_id').where(sql`lower(email)`, '=', who.email.toLowerCase()).executeTakeFirstOrThrow();
  return user.organisation_id!;
}

function auditRows(action: string) {
  return app.db.kysely.selectFrom('audit_events').select(['actor_id', 'target', 'details_json']).where('action', '=', action).orderBy('id').execute();
}

const LOCAL_GRANT = [{ returnType: 'local-measure', areaCode: CENTRAL_BEDFORDSHIRE }];

const HEADER = ['period', 'area_code', 'measure', 'numerator', 'denominator', 'notes'];
const CHAMPIONS_BY_QUARTER: Array<[string, number]> = [
  ['2024-25Q1', 12],
  ['2024-25Q2', 8],
  ['2024-25Q3', 6],
  ['2024-25Q4', 15],
  ['2025-26Q1', 9],
  ['2025-26Q2', 3],
  ['2025-26Q3', 7],
  ['2025-26Q4', 10],
];
const REACH_BY_QUARTER: Array<[string, number, number]> = [
  ['2024-25Q1', 120, 400],
  ['2024-25Q2', 150, 420],
  ['2024-25Q3', 130, 380],
  ['2024-25Q4', 160, 400],
  ['2025-26Q1', 170, 400],
  ['2025-26Q2', 175, 410],
  ['2025-26Q3', 180, 390],
  ['2025-26Q4', 190, 400],
];
const quarterText = (id: string) => id.replace(/Q/, ' Q');
const FILE = csv(HEADER, [
  ...CHAMPIONS_BY_QUARTER.map(([q, n], i) => [quarterText(q), CENTRAL_BEDFORDSHIRE, 'champions-trained', n, '', i === 0 ? 'Two training days in Leighton Buzzard' : '']),
  ...REACH_BY_QUARTER.map(([q, n, d], i) => [quarterText(q), 'Central Bedfordshire', 'Campaign Reach', n, d, i === 0 ? 'Survey by the council panel' : '']),
]);

const indicatorId = (measure: string) => `local:${partnership}:${measure}`;
const values = (who: Identity, measure: string, periods: string, area = CENTRAL_BEDFORDSHIRE) =>
  send(who, 'GET', `/api/indicators/${indicatorId(measure)}/values?area=${area}&period=${periods}`);

/** Byar's method (from 10 events), DOMAIN.md section 7. */
function byar(o: number) {
  return { lower: o * (1 - 1 / (9 * o) - Z95 / (3 * Math.sqrt(o))) ** 3, upper: (o + 1) * (1 - 1 / (9 * (o + 1)) + Z95 / (3 * Math.sqrt(o + 1))) ** 3 };
}

/** The Wilson score interval × m, DOMAIN.md section 7. */
function wilson(o: number, n: number, m: number) {
  const z2 = Z95 * Z95;
  const root = Z95 * Math.sqrt(z2 + 4 * o * (1 - o / n));
  return { lower: ((2 * o + z2 - root) / (2 * (n + z2))) * m, upper: ((2 * o + z2 + root) / (2 * (n + z2))) * m };
}

beforeAll(async () => {
  app = await buildTestApp();
  admin = await signIn(app, 'admin');
  board = await signIn(app, 'board');
  outsider = await signIn(app, 'board', undefined, 'outsider');
  sender = await signIn(app, 'partner', LOCAL_GRANT, 'campaign-team');
  otherSender = await signIn(app, 'partner', LOCAL_GRANT, 'not-named');
  senderOrganisation = await organisationOf(sender);
  const created = await send(admin, 'POST', '/api/partnerships', { name: 'Test Central Bedfordshire partnership', areas: [CENTRAL_BEDFORDSHIRE], members: [board.userId] });
  expect(created.statusCode, created.body).toBe(201);
  partnership = created.json().id;
  const other = await send(admin, 'POST', '/api/partnerships', { name: 'Test Bedford partnership', areas: [BEDFORD], members: [outsider.userId] });
  expect(other.statusCode, other.body).toBe(201);
  otherPartnership = other.json().id;
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('defining a measure', () => {
  it('is not served before it is defined', async () => {
    expect((await values(admin, 'champions-trained', '2024-25')).statusCode).toBe(404);
  });

  it('lets an administrator define a count and a share, audited, and serves them at once', async () => {
    const champions = await send(admin, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...CHAMPIONS, organisations: [senderOrganisation] });
    expect(champions.statusCode, champions.body).toBe(201);
    expect(champions.json()).toMatchObject({ id: 'champions-trained', indicator: indicatorId('champions-trained'), denominator: null, interval: 'byar', hasFigures: false, organisations: [{ id: senderOrganisation }] });
    const reach = await send(admin, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...REACH, organisations: [senderOrganisation] });
    expect(reach.statusCode, reach.body).toBe(201);

    const rows = await auditRows('local-measure-create');
    expect(rows.map((r) => r.target)).toEqual([`partnership:${partnership}:local-measure:champions-trained`, `partnership:${partnership}:local-measure:campaign-reach`]);
    expect(rows[0].actor_id).toBe(`user:${admin.userId}`);
    expect(JSON.parse(rows[1].details_json)).toMatchObject({ partnership, measure: { id: 'campaign-reach', denominator: 'Residents surveyed', multiplier: 100, interval: 'wilson', organisations: [senderOrganisation] } });

    // No restart: the same app serves it (no data yet).
    const served = await values(admin, 'champions-trained', '2024-25');
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().values[0].status).toBe('no-data');
    const listed = (await send(board, 'GET', `/api/partnerships/${partnership}/local-measures`)).json().measures.map((m: { id: string }) => m.id);
    expect(listed).toEqual(['champions-trained', 'campaign-reach']);
  });

  it('refuses a Wilson interval without a denominator, a second measure with the same id, and an unknown organisation, storing nothing', async () => {
    const before = (await auditRows('local-measure-create')).length;
    const wilsonCount = await send(admin, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...CHAMPIONS, id: 'champions-share', interval: 'wilson', organisations: [] });
    expect(wilsonCount.statusCode).toBe(400);
    expect(wilsonCount.json().message).toMatch(/Wilson interval is for a share/);
    const twice = await send(admin, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...CHAMPIONS, organisations: [] });
    expect(twice.statusCode).toBe(409);
    const nobody = await send(admin, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...CHAMPIONS, id: 'champions-network', organisations: [999_999] });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().code).toBe('unknown-organisation');
    expect((await auditRows('local-measure-create')).length).toBe(before);
    expect((await send(admin, 'GET', `/api/partnerships/${partnership}/local-measures`)).json().measures.map((m: { id: string }) => m.id)).toEqual(['champions-trained', 'campaign-reach']);
  });

  it('serves a measure another server stored in the same database from the next request', async () => {
    await createLocalMeasure(app.db, partnership, { ...CHAMPIONS, id: 'stored-elsewhere', aim: 'prevention-and-workforce', organisations: [] }, new Date());
    expect((await values(board, 'stored-elsewhere', '2024-25')).statusCode).toBe(200);
  });

  it('is defined by administrators only', async () => {
    expect((await send(board, 'POST', `/api/partnerships/${partnership}/local-measures`, { ...CHAMPIONS, id: 'board-try', organisations: [] })).statusCode).toBe(403);
  });
});

describe('the local-measure return', () => {
  it('gives a partner a template with a row for each measure their organisation sends', async () => {
    const response = await send(sender, 'GET', '/api/returns/local-measure/template.csv?period=2025-26Q4');
    expect(response.statusCode, response.body).toBe(200);
    const lines = response.body.trim().split(/\r\n/);
    expect(lines[0]).toBe(HEADER.join(','));
    expect(lines.slice(1)).toEqual([`2025-26 Q4,${CENTRAL_BEDFORDSHIRE},champions-trained,,,`, `2025-26 Q4,${CENTRAL_BEDFORDSHIRE},campaign-reach,,,`]);
    const none = await send(otherSender, 'GET', '/api/returns/local-measure/template.csv?period=2025-26Q4');
    expect(none.body.trim().split(/\r\n/)).toEqual([HEADER.join(',')]);
  });

  it('refuses, naming the row, a file from an organisation the measure does not name, and stores nothing', async () => {
    const { status, body } = await upload(app, 'local-measure', FILE, { as: otherSender });
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'measure', value: 'champions-trained', code: 'not-a-sender' });
    expect(body.errors[0].message).toMatch(/not one of those that send "Domestic abuse champions trained"/);
    expect(body.errors).toHaveLength(CHAMPIONS_BY_QUARTER.length + REACH_BY_QUARTER.length);
    expect(Number((await app.db.kysely.selectFrom('return_rows').select((eb) => eb.fn.countAll().as('n')).where('return_type', '=', 'local-measure').executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('refuses an unknown measure, a denominator for a count, and a share above its whole, each by row and column', async () => {
    const bad = csv(HEADER, [
      ['2024-25 Q1', CENTRAL_BEDFORDSHIRE, 'champions-network', 4, '', ''],
      ['2024-25 Q1', CENTRAL_BEDFORDSHIRE, 'champions-trained', 4, 10, ''],
      ['2024-25 Q1', CENTRAL_BEDFORDSHIRE, 'campaign-reach', 500, 400, ''],
      ['2024-25 Q1', BEDFORD, 'campaign-reach', 5, 40, ''],
    ]);
    // An administrator may send for any organisation (a back-load), so only the measures are checked.
    const { status, body } = await upload(app, 'local-measure', bad, { as: admin });
    expect(status, JSON.stringify(body)).toBe(422);
    expect(body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, 'measure', 'unknown-measure'],
      [3, 'denominator', 'count-has-denominator'],
      [4, 'numerator', 'numerator-above-denominator'],
      [5, 'measure', 'unknown-measure'],
    ]);
    expect(body.errors[0].message).toMatch(/champions-trained, campaign-reach/);
    expect(body.errors[3].message).toMatch(/Bedford\b/);
  });

  it('stores the file of a partner of an allowed organisation', async () => {
    const { status, body } = await upload(app, 'local-measure', FILE, { as: sender });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.submission.rows).toBe(16);
    // Exported in the template's layout, keyed by area, quarter and measure.
    const exported = await send(sender, 'GET', `/api/submissions/${body.submission.id}/export.csv`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.body).toMatch(/2024-25 ?Q1,E06000056,campaign-reach,120,400/);
  });
});

describe('values', () => {
  it('adds up a year from its quarters, with an exact Poisson or Byar interval for a count', async () => {
    const response = await values(admin, 'champions-trained', '2024-25,2024-25Q2');
    expect(response.statusCode, response.body).toBe(200);
    const [year, quarter] = response.json().values;
    const total = CHAMPIONS_BY_QUARTER.slice(0, 4).reduce((s, [, n]) => s + n, 0);
    expect(total).toBe(41);
    expect(year).toMatchObject({ status: 'ok', numerator: 41, denominator: null, value: 41 });
    const expected = byar(41);
    expect(year.lower95).toBeCloseTo(expected.lower, 10);
    expect(year.upper95).toBeCloseTo(expected.upper, 10);
    // Below 10 events: the exact Poisson limits, qchisq(0.025, 16)/2 and qchisq(0.975, 18)/2 for 8.
    expect(quarter).toMatchObject({ status: 'ok', value: 8 });
    expect(quarter.lower95).toBeCloseTo(3.453832, 5);
    expect(quarter.upper95).toBeCloseTo(15.76318, 4);
  });

  it('gives a share as a percentage with a Wilson interval', async () => {
    const [year] = (await values(admin, 'campaign-reach', '2024-25')).json().values;
    expect(year).toMatchObject({ status: 'ok', numerator: 560, denominator: 1600 });
    expect(year.value).toBeCloseTo(35, 12);
    const expected = wilson(560, 1600, 100);
    expect(year.lower95).toBeCloseTo(expected.lower, 10);
    expect(year.upper95).toBeCloseTo(expected.upper, 10);
  });

  it('hides from a board member a small count, its quarter and the year that contains it, and says there is no benchmark', async () => {
    const shown = (await values(board, 'champions-trained', '2024-25,2025-26Q2,2025-26')).json().values;
    expect(shown.map((v: { status: string }) => v.status)).toEqual(['ok', 'suppressed', 'suppressed']);
    expect(shown[1].numerator).toBeNull();
    const reach = (await values(board, 'campaign-reach', '2024-25')).json().values[0];
    expect(reach.benchmark).toMatchObject({ area: 'E23000026', value: null });
    expect(reach.benchmark.note).toMatch(/No benchmark/);
  });

  it('is in the partnership’s catalogue and its area summary, and nowhere else', async () => {
    const mine = (await send(board, 'GET', '/api/indicators')).json().indicators.map((i: { id: string }) => i.id);
    expect(mine).toContain(indicatorId('campaign-reach'));
    const theirs = (await send(outsider, 'GET', '/api/indicators')).json().indicators.map((i: { id: string }) => i.id);
    expect(theirs.some((id: string) => id.startsWith('local:'))).toBe(false);
    const partnerCatalogue = (await send(otherSender, 'GET', '/api/indicators')).json().indicators.map((i: { id: string }) => i.id);
    expect(partnerCatalogue.some((id: string) => id.startsWith('local:'))).toBe(false);

    const summary = (await send(board, 'GET', `/api/areas/${CENTRAL_BEDFORDSHIRE}/summary?period=2024-25`)).json();
    const group = summary.aims.find((a: { aim: string }) => a.aim === `local:${partnership}`);
    expect(group.indicators.map((i: { indicator: { id: string } }) => i.indicator.id)).toEqual([indicatorId('champions-trained'), indicatorId('campaign-reach'), indicatorId('stored-elsewhere')]);
    expect(group.indicators[0].value.value).toBe(41);
    const outsiderSummary = (await send(outsider, 'GET', `/api/areas/${CENTRAL_BEDFORDSHIRE}/summary?period=2024-25`)).json();
    expect(outsiderSummary.aims.some((a: { aim: string }) => a.aim.startsWith('local:'))).toBe(false);
  });

  it('puts beside each measure only the notes sent with that measure’s rows', async () => {
    const notesOf = async (measure: string) => {
      const response = await send(board, 'GET', `/api/partnerships/${partnership}/partner-notes?indicator=${encodeURIComponent(indicatorId(measure))}&area=${CENTRAL_BEDFORDSHIRE}&period=2024-25`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().notes.map((n: { note: string }) => n.note);
    };
    expect(await notesOf('champions-trained')).toEqual(['Two training days in Leighton Buzzard']);
    expect(await notesOf('campaign-reach')).toEqual(['Survey by the council panel']);
  });

  it('takes commentary on a measure’s figure, like any indicator', async () => {
    const written = await send(admin, 'POST', `/api/partnerships/${partnership}/commentary`, {
      subject: { kind: 'figure', indicator: indicatorId('champions-trained'), area: CENTRAL_BEDFORDSHIRE },
      period: '2024-25',
      body: 'Two new training days brought 41 champions in the year.',
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json().subject.label).toBe('Domestic abuse champions trained, Central Bedfordshire');
  });

  it('is a 404 for another partnership’s member, as if absent', async () => {
    for (const path of ['values?area=E06000056&period=2024-25', 'series?area=E06000056', 'revisions?area=E06000056&period=2024-25']) {
      const response = await send(outsider, 'GET', `/api/indicators/${indicatorId('champions-trained')}/${path}`);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().message).toBe(`There is no indicator "${indicatorId('champions-trained')}". GET /api/indicators lists them, e.g. da-incident-rate.`);
    }
    expect((await send(outsider, 'GET', `/api/partnerships/${partnership}/local-measures`)).statusCode).toBe(404);
  });
});

describe('changing a measure', () => {
  it('changes wording and senders, audited, but not the arithmetic once figures are held', async () => {
    const renamed = await send(admin, 'PATCH', `/api/partnerships/${partnership}/local-measures/campaign-reach`, { title: 'Campaign recall', organisations: [senderOrganisation, await organisationOf(otherSender)] });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Campaign recall', hasFigures: true });
    expect(renamed.json().organisations).toHaveLength(2);
    const [row] = await auditRows('local-measure-update');
    expect(JSON.parse(row.details_json)).toMatchObject({ before: { title: 'Campaign reach', organisations: [senderOrganisation] }, after: { title: 'Campaign recall' } });
    // Served under its new title at once.
    expect((await values(board, 'campaign-reach', '2024-25')).json().indicator.title).toBe('Campaign recall');

    const arithmetic = await send(admin, 'PATCH', `/api/partnerships/${partnership}/local-measures/campaign-reach`, { interval: 'byar', multiplier: 1000 });
    expect(arithmetic.statusCode).toBe(409);
    expect(arithmetic.json().code).toBe('arithmetic-fixed');
    expect(await auditRows('local-measure-update')).toHaveLength(1);
  });
});

describe('strategy and board paper', () => {
  const strategy = () => ({
    title: 'Test Central Bedfordshire strategy 2024–2027',
    from: '2024-25',
    to: '2026-27',
    aims: [
      {
        title: 'Prevention',
        measures: [
          { indicator: indicatorId('campaign-reach'), area: CENTRAL_BEDFORDSHIRE, baseline: '2024-25', target: { kind: 'direction', direction: 'increase', by: '2026-27' }, owner: 'Communications team' },
          { indicator: indicatorId('champions-trained'), area: CENTRAL_BEDFORDSHIRE, baseline: '2024-25', target: { kind: 'direction', direction: 'increase', by: '2026-27' }, owner: 'Champions network lead' },
        ],
      },
    ],
  });

  it('lets a strategy measure name the partnership’s own measure and gives it a status', async () => {
    const created = await send(admin, 'POST', `/api/partnerships/${partnership}/strategies`, strategy());
    expect(created.statusCode, created.body).toBe(201);
    const view = (await send(board, 'GET', `/api/partnerships/${partnership}/strategy?period=2025-26`)).json();
    const [reach, champions] = view.aims[0].measures;
    expect(reach).toMatchObject({ indicator: indicatorId('campaign-reach'), indicatorTitle: 'Campaign recall', unit: '%' });
    expect(reach.baseline.value).toBeCloseTo(35, 12);
    expect(reach.latest.value).toBeCloseTo((100 * 715) / 1600, 12);
    // 44.7% against 35.0%, both on 1,600 residents: a significant rise the right way.
    expect(reach.status).toBe('on-track');
    expect(MEASURE_STATUSES).toContain(champions.status);
  });

  it('refuses another partnership’s measure in a strategy', async () => {
    const response = await send(admin, 'POST', `/api/partnerships/${otherPartnership}/strategies`, { ...strategy(), aims: [{ ...strategy().aims[0], measures: [{ ...strategy().aims[0].measures[0], area: BEDFORD }] }] });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/there is no indicator "local:/);
  });

  it('shows the measure in the board paper', async () => {
    const paper = await send(board, 'GET', `/api/partnerships/${partnership}/board-paper?period=2025-26`);
    expect(paper.statusCode, paper.body).toBe(200);
    const measures = paper.json().summary.aims[0].measures;
    expect(measures[0]).toMatchObject({ indicator: indicatorId('campaign-reach'), indicatorTitle: 'Campaign recall', status: 'on-track' });
    expect(measures[0].latest.text).toMatch(/^44\.7%/);
    const docx = await send(board, 'GET', `/api/partnerships/${partnership}/board-paper.docx?period=2025-26`);
    expect(docx.statusCode).toBe(200);
  });
});

describe('the demo', () => {
  let demo: FastifyInstance;
  beforeAll(async () => {
    demo = await buildTestApp();
    await loadDemoData(demo.db, TEST_NOW);
  }, 180_000);
  afterAll(async () => {
    await demo.close();
  });

  it("puts Central Bedfordshire's champions and Bexley's campaign reach, with figures, in their strategies", async () => {
    const reader = await signIn(demo, 'admin');
    const partnerships = (await demo.inject({ url: '/api/partnerships', headers: reader.headers })).json().partnerships as Array<{ id: number; name: string }>;
    for (const [name, measure, period] of [
      ['Central Bedfordshire', 'da-champions-trained', '2019-20'],
      ['Bexley', 'campaign-reach', '2024-25'],
    ] as const) {
      const p = partnerships.find((x) => x.name.startsWith(name))!;
      const view = (await demo.inject({ url: `/api/partnerships/${p.id}/strategy?period=${period}`, headers: reader.headers })).json();
      const found = view.aims.flatMap((a: { measures: unknown[] }) => a.measures).find((m: { indicator: string }) => m.indicator === `local:${p.id}:${measure}`);
      expect(found, name).toBeDefined();
      expect(found.latest.status, name).toBe('ok');
      expect(found.status, name).not.toBe('not-assessable');
    }
  });
});
