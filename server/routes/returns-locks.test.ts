// Approved quarters are locked (DOMAIN.md 5.8): an analyst approves a police return for Bexley,
// 2026-27 Q1; a later correction is refused (409, nothing stored) unless it says why, and the
// reason is stored with the submission in the same transaction, audited, and shown with the
// revision. After an administrator unlocks the quarter, no reason is needed.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../access/actor';
import { correctionReasonsOf } from '../cycle/approvals';
import { cycleDb } from '../cycle/tables';
import { buildTestApp, signIn, tableCounts, type Identity } from '../test/helpers';
import { uploadWith } from '../test/multipart';
import { csvOf, validRow, type Cells } from '../test/rows';

const BEXLEY = 'E09000004';
const Q1 = '2026-27Q1';
const Q2 = '2026-27Q2';
const REASON = 'Repeat victims were double counted in the first return.';

let app: FastifyInstance;
let partner: Identity;
let analyst: Identity;

const police = (rows: Cells[]) => csvOf(rows.map((r) => validRow('police', { area_code: BEXLEY, ...r })));
/** Both quarters, with the given repeat victims in each. */
const bothQuarters = (q1: number, q2: number) => police([{ period: Q1, repeat_victims: q1 }, { period: Q2, repeat_victims: q2 }]);
const reasonsStored = async () => (await cycleDb(app.db).selectFrom('cycle_correction_reasons').select('submission_id').execute()).length;
const auditOf = async (action: string) =>
  (await app.db.kysely.selectFrom('audit_events').select(['outcome', 'target', 'details_json']).where('action', '=', action).orderBy('id').execute()).map((a) => ({
    ...a,
    details: JSON.parse(a.details_json) as Record<string, unknown>,
  }));

async function approveQ1() {
  const response = await app.inject({ method: 'POST', url: '/api/cycle/approvals', headers: analyst.headers, payload: { area: BEXLEY, quarter: Q1, returnTypes: ['police'] } });
  expect(response.statusCode, response.body).toBe(201);
}

async function revisionsAs(role: Role) {
  const response = await app.inject({ url: `/api/indicators/repeat-victim-rate/revisions?area=${BEXLEY}&period=2026-27`, headers: (await signIn(app, role)).headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().revisions as Array<{ quarter: string; afterApproval: boolean; reason: string | null; columns: string[] }>;
}

beforeEach(async () => {
  app = await buildTestApp();
  partner = await signIn(app, 'partner');
  analyst = await signIn(app, 'analyst');
  expect((await uploadWith(app, 'police', bothQuarters(180, 180), { as: partner })).status).toBe(201);
  await approveQ1();
});
afterEach(async () => {
  await app.close();
});

describe('a correction to an approved quarter', () => {
  it('is listed as locked by the dry run, which stores nothing', async () => {
    const before = await tableCounts(app);
    const { status, body } = await uploadWith(app, 'police', bothQuarters(170, 170), { as: partner, dryRun: true });
    expect(status).toBe(200);
    expect(body.locked).toEqual([{ area: BEXLEY, quarter: Q1, approvedAt: '2026-11-22T12:00:00.000Z' }]);
    expect(await tableCounts(app)).toEqual(before);
  });

  it.each([
    ['a partner', () => partner],
    ['an analyst', () => analyst],
  ])('from %s without a reason is refused with 409 and nothing is stored', async (_who, who) => {
    const before = await tableCounts(app);
    for (const reason of [undefined, '', '   ']) {
      const { status, body } = await uploadWith(app, 'police', bothQuarters(170, 170), { as: who(), reason });
      expect(status).toBe(409);
      expect(body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        code: 'quarter-approved',
        message: expect.stringContaining('Bexley, 2026-27 Q1 (Apr–Jun 2026), approved on 22 November 2026'),
        locked: [{ area: BEXLEY, quarter: Q1, approvedAt: '2026-11-22T12:00:00.000Z' }],
      });
      expect(body.message).toMatch(/^Nothing has been stored\./);
    }
    expect(await tableCounts(app)).toEqual(before);
    expect(await reasonsStored()).toBe(0);
    expect((await auditOf('upload')).filter((a) => a.outcome === 'rejected')).toHaveLength(3);
    expect((await auditOf('upload')).at(-1)!.details).toMatchObject({ reason: 'quarter-approved', locked: [{ area: BEXLEY, quarter: Q1 }] });
  });

  it('with a reason too short or too long is 400, and nothing is stored', async () => {
    const before = await tableCounts(app);
    for (const reason of ['too short', 'x'.repeat(1001)]) {
      const { status, body } = await uploadWith(app, 'police', bothQuarters(170, 170), { as: partner, reason });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'invalid-reason', message: expect.stringMatching(/^The reason is too (short|long)\./) });
    }
    expect(await tableCounts(app)).toEqual(before);
  });

  it('with a reason is stored with it, audited, and marked in the revisions with its reason', async () => {
    const { status, body } = await uploadWith(app, 'police', bothQuarters(170, 175), { as: partner, reason: `  ${REASON}\n` });
    expect(status).toBe(201);
    expect(body.locked).toEqual([{ area: BEXLEY, quarter: Q1, approvedAt: '2026-11-22T12:00:00.000Z' }]);
    const id = body.submission.id as number;
    expect((await correctionReasonsOf(app.db, [id])).get(id)).toMatchObject({ reason: REASON, approvalIds: [expect.any(Number)] });
    expect((await auditOf('upload')).at(-1)).toMatchObject({ outcome: 'success', target: `submission:${id}`, details: { afterApproval: { reason: REASON, locked: [{ area: BEXLEY, quarter: Q1 }] } } });
    expect(await auditOf('correction-reason')).toEqual([expect.objectContaining({ target: `submission:${id}`, details: expect.objectContaining({ reason: REASON, returnType: 'police' }) })]);

    // Q1 was approved, so its revision was made after approval; Q2's, in the same file, was not.
    for (const role of ['analyst', 'board'] as const) {
      const revisions = await revisionsAs(role);
      expect(revisions.map((r) => [r.quarter, r.afterApproval, r.reason])).toEqual([
        [Q1, true, REASON],
        [Q2, false, null],
      ]);
    }
  });

  it('carries its reason beside every figure built from the corrected rows, for every reader of a shown figure', async () => {
    expect((await uploadWith(app, 'police', bothQuarters(170, 175), { as: partner, reason: REASON })).status).toBe(201);
    for (const role of ['analyst', 'board'] as const) {
      const response = await app.inject({ url: `/api/indicators/charge-rate/values?area=${BEXLEY}&period=${Q1}`, headers: (await signIn(app, role)).headers });
      const [value] = response.json().values;
      expect(value.status).toBe('ok');
      expect(value.warnings).toEqual([expect.objectContaining({ quarter: Q1, code: 'corrected-after-approval', message: `Corrected after the quarter was approved: ${REASON}` })]);
    }
    // Q2 was not approved: its figures carry no reason.
    const q2 = await app.inject({ url: `/api/indicators/charge-rate/values?area=${BEXLEY}&period=${Q2}`, headers: analyst.headers });
    expect(q2.json().values[0].warnings).toEqual([]);
  });

  it('shows the reason only to readers who may see which figures changed', async () => {
    // Q1's repeat victims become 3: suppressed for the board, so neither columns nor reason are shown.
    expect((await uploadWith(app, 'police', bothQuarters(3, 180), { as: partner, reason: REASON })).status).toBe(201);
    expect((await revisionsAs('board')).map((r) => [r.quarter, r.afterApproval, r.reason, r.columns])).toEqual([[Q1, true, null, []]]);
    expect((await revisionsAs('analyst')).map((r) => [r.quarter, r.afterApproval, r.reason])).toEqual([[Q1, true, REASON]]);
  });

  it('takes the reason before the file too, and a long one in any script', async () => {
    const long = '’'.repeat(1000); // three bytes each in UTF-8
    const first = await uploadWith(app, 'police', bothQuarters(170, 170), { as: partner, reason: REASON, fieldsFirst: true });
    expect(first.status).toBe(201);
    const second = await uploadWith(app, 'police', bothQuarters(171, 171), { as: partner, reason: long });
    expect(second.status).toBe(201);
    const reasons = await correctionReasonsOf(app.db, [first.body.submission.id, second.body.submission.id]);
    expect([...reasons.values()].map((r) => r.reason)).toEqual([REASON, long]);
  });

  it('stores nothing when the reason cannot be stored', async () => {
    // The table the reason goes to is missing while the file is stored, so storing the reason fails.
    await sql`ALTER TABLE cycle_correction_reasons RENAME TO cycle_correction_reasons_gone`.execute(app.db.kysely);
    const before = await tableCounts(app);
    const { status } = await uploadWith(app, 'police', bothQuarters(170, 170), { as: partner, reason: REASON });
    await sql`ALTER TABLE cycle_correction_reasons_gone RENAME TO cycle_correction_reasons`.execute(app.db.kysely);
    expect(status).toBe(500);
    expect(await tableCounts(app)).toEqual(before);
    expect(await reasonsStored()).toBe(0);
  });

  it('touching no approved quarter needs no reason, and one sent is not stored', async () => {
    expect((await uploadWith(app, 'police', police([{ period: Q2, repeat_victims: 170 }]), { as: partner })).status).toBe(201);
    const { status, body } = await uploadWith(app, 'police', police([{ period: Q2, repeat_victims: 171 }]), { as: partner, reason: REASON });
    expect(status).toBe(201);
    expect(body.locked).toEqual([]);
    expect(await reasonsStored()).toBe(0);
  });

  it('needs no reason once an administrator has unlocked the quarter', async () => {
    const admin = await signIn(app, 'admin');
    const unlock = await app.inject({ method: 'POST', url: '/api/admin/approvals/unlock', headers: admin.headers, payload: { returnType: 'police', area: BEXLEY, quarter: Q1, reason: 'Police recount agreed' } });
    expect(unlock.statusCode, unlock.body).toBe(200);
    expect((await uploadWith(app, 'police', bothQuarters(170, 170), { as: partner, dryRun: true })).body.locked).toEqual([]);
    const { status, body } = await uploadWith(app, 'police', bothQuarters(170, 170), { as: partner });
    expect(status).toBe(201);
    expect(body.locked).toEqual([]);
    expect(await reasonsStored()).toBe(0);
    expect((await revisionsAs('analyst')).every((r) => !r.afterApproval)).toBe(true);
  });
});
