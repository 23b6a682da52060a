// /api/partnerships/:id/commentary and /partner-notes through app.inject: writing on a figure,
// measure and aim, versions kept, a comment that stays put when its figure is revised and says
// so, partners' notes beside a figure (and withheld where the figure is hidden), refusals that
// store nothing, and who may do what.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/load';
import { strategyDb } from '../strategy/tables';
import { signIn, TEST_NOW, type Identity } from '../test/helpers';
import { appWithClock, resend, storedRow, type Clock } from './board-paper.test-support';

const BEXLEY = 'E09000004';
const OXFORDSHIRE = 'E10000025';

let app: FastifyInstance;
let clock: Clock;
let admin: Identity;
let board: Identity;
let analyst: Identity;
let outsider: Identity;
let partner: Identity;
let partnershipId: number;
let measureId: number;
let aimId: number;
let demoBexley: number;

const send = (who: Identity, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

const count = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(app.db.kysely)).rows[0].n);
const auditRows = (action: string) => app.db.kysely.selectFrom('audit_events').select(['actor_id', 'target', 'details_json']).where('action', '=', action).orderBy('id').execute();

beforeAll(async () => {
  ({ app, clock } = await appWithClock());
  await loadDemoData(app.db, TEST_NOW);
  admin = await signIn(app, 'admin');
  board = await signIn(app, 'board');
  analyst = await signIn(app, 'analyst');
  outsider = await signIn(app, 'analyst', undefined, 'outsider');
  partner = await signIn(app, 'partner');
  const created = await send(admin, 'POST', '/api/partnerships', { name: 'Commentary test partnership', areas: [BEXLEY], members: [board.userId, analyst.userId] });
  partnershipId = created.json().id;
  const strategy = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/strategies`, {
    title: 'Test strategy',
    from: '2024-25',
    to: '2026-27',
    aims: [{ title: 'Protection', measures: [{ indicator: 'repeat-victim-rate', area: BEXLEY, baseline: '2024-25', target: { kind: 'direction', direction: 'decrease' }, owner: 'Police' }] }],
  });
  expect(strategy.statusCode, strategy.body).toBe(201);
  const view = (await send(analyst, 'GET', `/api/partnerships/${partnershipId}/strategy?period=2025-26`)).json();
  aimId = view.aims[0].id;
  measureId = view.aims[0].measures[0].id;
  demoBexley = (await send(admin, 'GET', '/api/partnerships')).json().partnerships.find((p: { name: string }) => p.name.startsWith('Bexley')).id;
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe('writing and reading commentary', () => {
  let commentId: number;

  it('lets an analyst of the partnership comment on a figure, signed with their name and audited without the text', async () => {
    const response = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/commentary`, {
      subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: 'e09000004' },
      period: '2025-26',
      body: '  Repeat victimisation rose after the MARAC moved online; a review is under way.  ',
    });
    expect(response.statusCode, response.body).toBe(201);
    const comment = response.json();
    commentId = comment.id;
    expect(comment).toMatchObject({
      partnership: partnershipId,
      subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: BEXLEY, measure: null, aim: null, label: 'Repeat victims, Bexley', removed: false },
      period: '2025-26',
      periodLabel: 'Financial year 2025-26 (Apr 2025–Mar 2026)',
      body: 'Repeat victimisation rose after the MARAC moved online; a review is under way.',
      version: 1,
      author: { id: analyst.userId, name: 'analyst' },
      writtenAt: TEST_NOW.toISOString(),
      figure: { revised: false, lastRevisedAt: null, quarters: [] },
    });
    expect(comment.history).toHaveLength(1);
    const [row] = (await auditRows('commentary-create')).filter((r) => r.target === `comment:${commentId}`);
    expect(row.actor_id).toBe(`user:${analyst.userId}`);
    const details = JSON.parse(row.details_json);
    expect(details).toMatchObject({ partnership: partnershipId, period: '2025-26', version: 1, subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: BEXLEY } });
    expect(row.details_json).not.toContain('MARAC moved online');
  });

  it('lets a board member read it, filtered by period (a year finds its quarters too) and by subject', async () => {
    const quarterly = await send(analyst, 'POST', `/api/partnerships/${partnershipId}/commentary`, { subject: { kind: 'measure', measure: measureId }, period: '2025-26Q3', body: 'The third quarter was the highest.' });
    expect(quarterly.statusCode, quarterly.body).toBe(201);
    expect(quarterly.json().subject).toMatchObject({ kind: 'measure', measure: measureId, indicator: 'repeat-victim-rate', area: BEXLEY });
    const aim = await send(admin, 'POST', `/api/partnerships/${partnershipId}/commentary`, { subject: { kind: 'aim', aim: aimId }, period: '2024-25', body: 'Baseline year.' });
    expect(aim.statusCode, aim.body).toBe(201);
    expect(aim.json().figure).toBeNull();

    const ids = async (query: string) => (await send(board, 'GET', `/api/partnerships/${partnershipId}/commentary${query}`)).json().commentary.map((c: { id: number }) => c.id);
    expect(await ids('')).toEqual([commentId, quarterly.json().id, aim.json().id]);
    expect(await ids('?period=2025-26')).toEqual([commentId, quarterly.json().id]);
    expect(await ids('?period=2025-26Q3')).toEqual([quarterly.json().id]);
    // A figure's comments include those on measures of the same indicator and area.
    expect(await ids(`?subject=figure:repeat-victim-rate:${BEXLEY}`)).toEqual([commentId, quarterly.json().id]);
    expect(await ids(`?subject=measure:${measureId}`)).toEqual([quarterly.json().id]);
    expect(await ids(`?subject=aim:${aimId}`)).toEqual([aim.json().id]);
    const one = await send(board, 'GET', `/api/partnerships/${partnershipId}/commentary/${commentId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().id).toBe(commentId);
  });

  it('keeps every version when a comment is revised, and refuses a revision of a version that is no longer current', async () => {
    clock.advance(1);
    const revised = await send(analyst, 'PUT', `/api/partnerships/${partnershipId}/commentary/${commentId}`, { body: 'Repeat victimisation rose after the MARAC moved online; the review reports in March.', version: 1 });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ id: commentId, version: 2, body: 'Repeat victimisation rose after the MARAC moved online; the review reports in March.', writtenAt: clock.now.toISOString(), createdAt: TEST_NOW.toISOString() });
    expect(revised.json().history.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [1, 'Repeat victimisation rose after the MARAC moved online; a review is under way.'],
      [2, 'Repeat victimisation rose after the MARAC moved online; the review reports in March.'],
    ]);
    expect((await auditRows('commentary-revise')).filter((r) => r.target === `comment:${commentId}`).map((r) => JSON.parse(r.details_json).version)).toEqual([2]);

    const versionsBefore = await count('commentary_versions');
    const stale = await send(admin, 'PATCH', `/api/partnerships/${partnershipId}/commentary/${commentId}`, { body: 'Something else.', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ statusCode: 409, code: 'comment-changed' });
    expect(stale.json().message).toMatch(/version 2/);
    const same = await send(admin, 'PATCH', `/api/partnerships/${partnershipId}/commentary/${commentId}`, { body: 'Repeat victimisation rose after the MARAC moved online; the review reports in March.' });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(2);
    expect(await count('commentary_versions')).toBe(versionsBefore);

    const byAdmin = await send(admin, 'PATCH', `/api/partnerships/${partnershipId}/commentary/${commentId}`, { body: 'Edited by the administrator.', version: 2 });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().history.map((v: { author: { name: string } }) => v.author.name)).toEqual(['analyst', 'analyst', 'admin']);
  });

  it('stays attached when the figure under it is revised, and says the figure was revised since', async () => {
    clock.advance(1);
    const stored = (await storedRow(app, 'police', BEXLEY, '2025-26Q4')).repeat_victims_12m as number;
    await resend(app, analyst, 'police', BEXLEY, '2025-26Q4', { repeat_victims_12m: stored - 10 });
    const comment = (await send(board, 'GET', `/api/partnerships/${partnershipId}/commentary/${commentId}`)).json();
    expect(comment.body).toBe('Edited by the administrator.');
    expect(comment.figure).toEqual({ revised: true, lastRevisedAt: clock.now.toISOString(), quarters: ['2025-26Q4'] });
    // Comments on other periods are not touched by it.
    const baseline = (await send(board, 'GET', `/api/partnerships/${partnershipId}/commentary?period=2025-26Q3`)).json().commentary[0];
    expect(baseline.figure.revised).toBe(false);
    // A revision of a column the indicator does not read is not a revision of its figure.
    clock.advance(1);
    const arrests = (await storedRow(app, 'police', BEXLEY, '2025-26Q3')).arrests as number;
    await resend(app, analyst, 'police', BEXLEY, '2025-26Q3', { arrests: arrests + 1 });
    expect((await send(board, 'GET', `/api/partnerships/${partnershipId}/commentary?period=2025-26Q3`)).json().commentary[0].figure.revised).toBe(false);
  });
});

describe('refusals', () => {
  const url = () => `/api/partnerships/${partnershipId}/commentary`;

  it('refuses what does not belong to the partnership, or is not a comment, with a 400 that says why and nothing stored', async () => {
    const before = { comments: await count('commentary'), versions: await count('commentary_versions') };
    const { id: demoMeasure } = await strategyDb(app.db)
      .selectFrom('strategy_measures as m')
      .innerJoin('strategy_aims as a', 'a.id', 'm.aim_id')
      .innerJoin('strategies as s', 's.id', 'a.strategy_id')
      .select('m.id')
      .where('s.partnership_id', '=', demoBexley)
      .limit(1)
      .executeTakeFirstOrThrow();
    const cases: Array<[unknown, string]> = [
      [{ subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: OXFORDSHIRE }, period: '2025-26', body: 'x' }, 'area-not-in-partnership'],
      [{ subject: { kind: 'figure', indicator: 'no-such-indicator', area: BEXLEY }, period: '2025-26', body: 'x' }, 'unknown-indicator'],
      [{ subject: { kind: 'measure', measure: demoMeasure }, period: '2025-26', body: 'x' }, 'unknown-measure'],
      [{ subject: { kind: 'aim', aim: 999_999 }, period: '2025-26', body: 'x' }, 'unknown-aim'],
      [{ subject: { kind: 'aim', aim: aimId }, period: '2025-26 Q5', body: 'x' }, 'invalid-request'],
      [{ subject: { kind: 'aim', aim: aimId }, period: '2025-26', body: '   ' }, 'invalid-request'],
      [{ subject: { kind: 'aim', aim: aimId }, period: '2025-26', body: 'x'.repeat(5001) }, 'invalid-request'],
      [{ subject: { kind: 'team', aim: aimId }, period: '2025-26', body: 'x' }, 'invalid-request'],
    ];
    for (const [payload, code] of cases) {
      const response = await send(analyst, 'POST', url(), payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code, response.body).toBe(code);
      expect(response.json().message.length).toBeGreaterThan(10);
    }
    expect((await send(board, 'GET', `${url()}?subject=measure:abc`)).json().code).toBe('invalid-subject');
    expect((await send(board, 'GET', `${url()}?period=Q3`)).json().code).toBe('invalid-period');
    expect({ comments: await count('commentary'), versions: await count('commentary_versions') }).toEqual(before);
  });

  it('lets board members read but not write, hides other partnerships as 404s, and refuses partners', async () => {
    const comment = { subject: { kind: 'aim', aim: aimId }, period: '2025-26', body: 'A comment.' };
    const before = await count('commentary');
    expect((await send(board, 'POST', url(), comment)).statusCode).toBe(403);
    expect((await send(outsider, 'POST', url(), comment)).statusCode).toBe(404);
    expect((await send(outsider, 'GET', url())).statusCode).toBe(404);
    expect((await send(partner, 'GET', url())).statusCode).toBe(403);
    expect((await send(partner, 'GET', `/api/partnerships/${partnershipId}/partner-notes?indicator=repeat-victim-rate&area=${BEXLEY}&period=2025-26`)).statusCode).toBe(403);
    const first = (await send(board, 'GET', url())).json().commentary[0].id;
    expect((await send(board, 'PUT', `${url()}/${first}`, { body: 'No.' })).statusCode).toBe(403);
    expect((await send(outsider, 'PUT', `${url()}/${first}`, { body: 'No.' })).statusCode).toBe(404);
    // The demo partnership's comment is not reachable through this partnership.
    const demoComment = (await send(admin, 'GET', `/api/partnerships/${demoBexley}/commentary`)).json().commentary[0];
    expect(demoComment.body).toMatch(/^Synthetic demo commentary\./);
    expect((await send(admin, 'GET', `${url()}/${demoComment.id}`)).statusCode).toBe(404);
    expect((await send(analyst, 'PATCH', `${url()}/${demoComment.id}`, { body: 'Taken over.' })).statusCode).toBe(404);
    expect((await send(board, 'GET', `/api/partnerships/${demoBexley}/commentary`)).statusCode).toBe(404);
    expect(await count('commentary')).toBe(before);
  });
});

describe("partners' notes beside a figure", () => {
  const notesUrl = (indicator: string, period: string, area = BEXLEY) => `/api/partnerships/${partnershipId}/partner-notes?indicator=${indicator}&area=${area}&period=${period}`;

  it('gives the notes on the return rows the figure is built from, with the organisation that sent them, as text', async () => {
    clock.advance(1);
    const note = '<script>alert("x")</script> Two victims moved & re-reported.';
    await resend(app, analyst, 'police', BEXLEY, '2025-26Q2', { notes: note });
    const response = await send(board, 'GET', notesUrl('repeat-victim-rate', '2025-26'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      indicator: 'repeat-victim-rate',
      area: BEXLEY,
      period: '2025-26',
      notes: [
        {
          returnType: 'police',
          returnTitle: 'Police domestic abuse return',
          quarter: '2025-26Q2',
          quarterLabel: '2025-26 Q2 (Jul–Sep 2025)',
          area: BEXLEY,
          areaName: 'Bexley',
          accommodationType: null,
          organisation: null,
          note,
        },
      ],
      withheld: 0,
      withheldReason: null,
    });
    // A demo partner's note names its organisation; a figure from another return has none of the police notes.
    const demo = (await send(analyst, 'GET', notesUrl('protection-order-rate', '2024-25'))).json();
    expect(demo.notes.map((n: { organisation: string; note: string }) => [n.organisation, n.note])).toEqual([['Metropolitan Police (demo)', 'Domestic Abuse Protection Orders counted from this quarter.']]);
    expect((await send(analyst, 'GET', notesUrl('idva-engagement-pct', '2025-26'))).json().notes).toEqual([]);
  });

  it('withholds a note from the suppressed view where its quarter’s figure is hidden, and says so', async () => {
    clock.advance(1);
    // Three repeat victims in the quarter: a small count, so the quarter's rate is hidden from the board.
    await resend(app, analyst, 'police', BEXLEY, '2025-26Q1', { repeat_victims: 3, notes: 'Three repeat victims, all in one family.' });
    const forBoard = (await send(board, 'GET', notesUrl('repeat-victim-rate', '2025-26Q1'))).json();
    expect(forBoard.notes).toEqual([]);
    expect(forBoard.withheld).toBe(1);
    expect(forBoard.withheldReason).toMatch(/not published/);
    expect(JSON.stringify(forBoard)).not.toContain('one family');
    const forAnalyst = (await send(analyst, 'GET', notesUrl('repeat-victim-rate', '2025-26Q1'))).json();
    expect(forAnalyst.notes.map((n: { note: string }) => n.note)).toEqual(['Three repeat victims, all in one family.']);
    expect(forAnalyst.withheld).toBe(0);
  });

  it("answers only for the partnership's own areas and known indicators and periods", async () => {
    expect((await send(admin, 'GET', notesUrl('repeat-victim-rate', '2025-26', OXFORDSHIRE))).statusCode).toBe(404);
    expect((await send(analyst, 'GET', notesUrl('nothing', '2025-26'))).json().code).toBe('unknown-indicator');
    expect((await send(analyst, 'GET', notesUrl('repeat-victim-rate', '2025/26'))).json().code).toBe('invalid-period');
    expect((await send(outsider, 'GET', notesUrl('repeat-victim-rate', '2025-26'))).statusCode).toBe(404);
  });
});
