// The quarter's cycle through the API (DOMAIN.md 5.8), played on a clock the test moves: a
// police return for Bexley, 2026-27 Q1 (due 30 July 2026), goes due, overdue, arrives late, is
// signed off, approved (locked) and unlocked; deadlines change; partners see only their grants.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { checkLock, correctionReasonsOf, findLocks, recordCorrectionReason } from '../cycle/approvals';
import { cycleDb } from '../cycle/tables';
import type { Role } from '../access/actor';
import { buildTestApp, partnerToken, signIn, upload, type Identity } from '../test/helpers';
import { uploadWith } from '../test/multipart';
import { csvOf, validRow } from '../test/rows';

const BEXLEY = 'E09000004';
const OTHER = 'E09000005'; // Brent: not granted to the partner
const Q1 = '2026-27Q1';

let clock: Date;
let app: FastifyInstance;
type Caller = Pick<Identity, 'headers'>;
let partner: Caller;
const at = (iso: string) => (clock = new Date(iso));
/** A fresh session at the clock's time: moving the clock by weeks ends older sessions. */
const staff = (role: Exclude<Role, 'partner'>) => signIn(app, role, [], `${role}${clock.getTime()}`);

beforeEach(async () => {
  at('2026-07-10T09:00:00Z');
  app = await buildTestApp(() => clock);
  // A partner's system with a bearer token: tokens do not expire with the clock.
  partner = { headers: { authorization: `Bearer ${await partnerToken(app, [{ returnType: 'police', areaCode: BEXLEY }])}` } };
});
afterEach(async () => {
  await app.close();
});

async function call(method: 'GET' | 'POST' | 'PUT', url: string, who: Caller, payload?: object) {
  const response = await app.inject({ method, url, headers: who.headers, payload });
  return { status: response.statusCode, body: response.json() };
}

async function cell(who: Caller, area = BEXLEY, quarter = Q1) {
  const { status, body } = await call('GET', `/api/cycle/status?type=police&area=${area}&from=${quarter}&to=${quarter}`, who);
  expect(status).toBe(200);
  return body.items[0];
}

const sendPolice = (period: string, who: Caller = partner, area = BEXLEY) => upload(app, 'police', csvOf([validRow('police', { period, area_code: area })]), { as: who });

describe('statuses', () => {
  it('goes due, overdue, late, signed off, approved, and back when unlocked', async () => {

    expect(await cell(partner)).toMatchObject({ status: 'due', dueOn: '2026-07-30', firstReceivedAt: null });
    at('2026-07-31T00:00:00Z');
    expect((await cell(partner)).status).toBe('overdue');

    at('2026-08-02T10:00:00Z');
    expect((await sendPolice(Q1)).status).toBe(201);
    expect(await cell(partner)).toMatchObject({ status: 'late', receivedLate: true, firstReceivedAt: '2026-08-02T10:00:00.000Z' });

    at('2026-08-03T10:00:00Z');
    const signed = await call('POST', '/api/cycle/sign-offs', partner, { returnType: 'police', area: BEXLEY, quarter: Q1 });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ status: 'signed-off', signedOff: { at: '2026-08-03T10:00:00.000Z' }, receivedLate: true });

    // A resubmission after the sign-off needs a new one.
    at('2026-08-04T10:00:00Z');
    await sendPolice(Q1);
    expect(await cell(partner)).toMatchObject({ status: 'late', signedOff: null });

    at('2026-08-05T10:00:00Z');
    const approved = await call('POST', '/api/cycle/approvals', await staff('analyst'), { area: BEXLEY, quarter: Q1 });
    expect(approved).toEqual({ status: 201, body: { approved: ['police'], alreadyApproved: [] } });
    expect(await cell(await staff('analyst'))).toMatchObject({ status: 'approved', approved: { at: '2026-08-05T10:00:00.000Z' }, correctedAfterApproval: false });
    expect(await checkLock(app.db, { type: 'police', area: BEXLEY, quarter: Q1 })).toMatchObject({ locked: true });
    expect((await call('POST', '/api/cycle/approvals', await staff('analyst'), { area: BEXLEY, quarter: Q1 })).body).toEqual({ approved: [], alreadyApproved: ['police'] });
    expect((await call('POST', '/api/cycle/sign-offs', partner, { returnType: 'police', area: BEXLEY, quarter: Q1 })).status).toBe(409);

    // A correction after approval needs a reason (returns-locks.test.ts), and is shown as one.
    at('2026-08-06T10:00:00Z');
    expect((await uploadWith(app, 'police', csvOf([validRow('police', { period: Q1, area_code: BEXLEY })]), { as: partner, reason: 'Arrests were double counted.' })).status).toBe(201);
    expect((await cell(await staff('analyst'))).correctedAfterApproval).toBe(true);

    expect((await call('POST', '/api/admin/approvals/unlock', await staff('admin'), { returnType: 'police', area: BEXLEY, quarter: Q1, reason: '  ' })).status).toBe(400);
    const unlocked = await call('POST', '/api/admin/approvals/unlock', await staff('admin'), { returnType: 'police', area: BEXLEY, quarter: Q1, reason: 'Police found 12 crimes recorded twice' });
    expect(unlocked).toEqual({ status: 200, body: { unlocked: true } });
    expect(await checkLock(app.db, { type: 'police', area: BEXLEY, quarter: Q1 })).toEqual({ locked: false, approval: null });
    expect((await cell(await staff('analyst'))).status).toBe('late');
    expect((await call('POST', '/api/admin/approvals/unlock', await staff('admin'), { returnType: 'police', area: BEXLEY, quarter: Q1, reason: 'again' })).status).toBe(404);

    const audit = await app.db.kysely.selectFrom('audit_events').select(['action', 'actor_id', 'target', 'details_json']).where('action', 'like', 'quarter-%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['quarter-sign-off', 'quarter-approve', 'quarter-unlock']);
    expect(JSON.parse(audit[2].details_json).reason).toBe('Police found 12 crimes recorded twice');
    // Approval again after unlocking is a new approval.
    expect((await call('POST', '/api/cycle/approvals', await staff('analyst'), { area: BEXLEY, quarter: Q1, returnTypes: ['police'] })).body.approved).toEqual(['police']);
  });

  it('counts a return received on or before the due day as received, and before the quarter ends as not due', async () => {
    at('2026-07-30T22:00:00Z');
    await sendPolice(Q1);
    at('2026-09-01T00:00:00Z');
    expect(await cell(partner)).toMatchObject({ status: 'received', receivedLate: false });
    expect((await cell(partner, BEXLEY, '2026-27Q3')).status).toBe('not-due');
  });

  it('shows a partner only their grants, and lets them sign off only those, once received', async () => {
    at('2026-08-02T10:00:00Z');
    await sendPolice(Q1, await staff('analyst'), OTHER);
    const mine = await call('GET', '/api/cycle/status?from=2026-27Q1&to=2026-27Q1', partner);
    expect(mine.body.items.map((c: { returnType: string; area: string }) => `${c.returnType}/${c.area}`)).toEqual([`police/${BEXLEY}`]);
    const all = await call('GET', '/api/cycle/status?type=police&from=2026-27Q1&to=2026-27Q1', await staff('board'));
    expect(all.body.items.map((c: { area: string }) => c.area).sort()).toEqual([BEXLEY, OTHER]);

    expect((await call('POST', '/api/cycle/sign-offs', partner, { returnType: 'police', area: OTHER, quarter: Q1 })).status).toBe(403);
    expect((await call('POST', '/api/cycle/sign-offs', partner, { returnType: 'police', area: BEXLEY, quarter: Q1 })).body.code).toBe('not-received');
    expect((await call('POST', '/api/cycle/approvals', await staff('analyst'), { area: BEXLEY, quarter: Q1 })).status).toBe(409);
    expect((await call('POST', '/api/cycle/approvals', await staff('analyst'), { area: OTHER, quarter: Q1, returnTypes: ['police', 'marac'] })).body.message).toMatch(/marac return has not been received/);
  });

  it('refuses odd questions with 400, not 500', async () => {
    for (const query of ['type=population', 'type=nope', 'area=E99999999', 'from=2026-27Q3&to=2026-27Q1', 'from=2020-21Q1&to=2026-27Q1', 'from=2026Q1']) {
      expect((await call('GET', `/api/cycle/status?${query}`, partner)).status, query).toBe(400);
    }
  });
});

describe('deadlines', () => {
  it('an administrator changes a type’s deadline, or one quarter’s, and it is audited', async () => {
    const initial = await call('GET', '/api/admin/deadlines', await staff('admin'));
    expect(initial.body.deadlines.find((d: { returnType: string }) => d.returnType === 'police')).toEqual({ returnType: 'police', title: expect.any(String), frequency: 'quarterly', daysAfterQuarterEnd: 30, isDefault: true, overrides: [] });
    expect(initial.body.deadlines.map((d: { returnType: string }) => d.returnType)).not.toContain('population');

    expect((await call('PUT', '/api/admin/deadlines', await staff('admin'), { returnType: 'police', daysAfterQuarterEnd: 45 })).status).toBe(200);
    expect((await cell(partner)).dueOn).toBe('2026-08-14');
    expect((await call('PUT', '/api/admin/deadlines', await staff('admin'), { returnType: 'police', quarter: Q1, dueOn: '2026-08-03' })).status).toBe(200);
    expect((await cell(partner)).dueOn).toBe('2026-08-03');
    expect((await cell(partner, BEXLEY, '2026-27Q2')).dueOn).toBe('2026-11-14');
    expect((await call('PUT', '/api/admin/deadlines', await staff('admin'), { returnType: 'police', quarter: Q1, dueOn: '2026-06-01' })).body.code).toBe('invalid-deadline');
    expect((await call('PUT', '/api/admin/deadlines', await staff('admin'), { returnType: 'police', quarter: Q1, dueOn: '2026-02-30' })).status).toBe(400);
    expect((await call('PUT', '/api/admin/deadlines', await staff('admin'), { returnType: 'police', quarter: Q1, dueOn: null })).status).toBe(200);
    expect((await cell(partner)).dueOn).toBe('2026-08-14');
    expect((await call('PUT', '/api/admin/deadlines', await staff('admin'), { returnType: 'police', daysAfterQuarterEnd: 400 })).status).toBe(400);
    expect((await call('PUT', '/api/admin/deadlines', partner, { returnType: 'police', daysAfterQuarterEnd: 10 })).status).toBe(403);

    const audit = await app.db.kysely.selectFrom('audit_events').select('details_json').where('action', '=', 'deadline-update').orderBy('id').execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0].details_json)).toMatchObject({ before: { daysAfterQuarterEnd: 30 }, after: { daysAfterQuarterEnd: 45 } });
    expect((await call('GET', '/api/cycle/deadlines', partner)).body.deadlines[0].daysAfterQuarterEnd).toBeTypeOf('number');
  });
});

describe('locks and correction reasons, for the upload route', () => {
  it('finds the locked keys of a file and stores a reason in the same transaction as the submission', async () => {
    at('2026-08-02T10:00:00Z');
    const sent = await sendPolice(Q1, await staff('analyst'));
    await call('POST', '/api/cycle/approvals', await staff('analyst'), { area: BEXLEY, quarter: Q1 });
    const locks = await findLocks(app.db, 'police', [{ area: BEXLEY, quarter: Q1 }, { area: OTHER, quarter: Q1 }, { area: BEXLEY, quarter: '2026-27Q2' }]);
    expect(locks).toEqual([{ type: 'police', area: BEXLEY, quarter: Q1, approvalId: expect.any(Number), approvedAt: '2026-08-02T10:00:00.000Z', approvedBy: expect.any(String) }]);
    expect(await findLocks(app.db, 'marac', [{ area: BEXLEY, quarter: Q1 }])).toEqual([]);

    const submissionId = sent.body.submission.id as number;
    await app.db.transaction(() => recordCorrectionReason(app.db, { submissionId, reason: ' Recount of Q1 arrests ', approvalIds: [locks[0].approvalId], now: clock }));
    expect((await correctionReasonsOf(app.db, [submissionId, 999])).get(submissionId)).toEqual({ submissionId, reason: 'Recount of Q1 arrests', approvalIds: [locks[0].approvalId], recordedAt: '2026-08-02T10:00:00.000Z' });
    await expect(recordCorrectionReason(app.db, { submissionId, reason: '   ', approvalIds: [], now: clock })).rejects.toThrow(/needs a reason/);
    // A transaction that fails after the reason leaves no reason behind.
    const before = (await correctionReasonsOf(app.db, [submissionId])).size;
    await expect(
      app.db.transaction(async () => {
        await cycleDb(app.db).deleteFrom('cycle_correction_reasons').execute();
        await recordCorrectionReason(app.db, { submissionId, reason: 'second', approvalIds: [], now: clock });
        throw new Error('store failed');
      }),
    ).rejects.toThrow('store failed');
    expect((await correctionReasonsOf(app.db, [submissionId])).get(submissionId)?.reason).toBe('Recount of Q1 arrests');
    expect(before).toBe(1);
  });
});
