// Reminders for a yearly return (schemas/returns/frequency.ts): one for the financial year, in
// the week before 31 July and weekly once overdue, and none once the year's return is held.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, partnerToken, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';
import { plannedReminders } from './reminders';

const BEXLEY = 'E09000004';
let clock = new Date('2026-07-25T08:00:00Z');
let app: FastifyInstance;

afterEach(async () => {
  await app.close();
});

const yearly = async (now: string) => {
  clock = new Date(now);
  return (await plannedReminders(app.db, clock)).filter((r) => r.returnType === 'safe-accommodation');
};

describe('reminders for the yearly safe accommodation return', () => {
  it('reminds in the week before 31 July, then weekly while overdue, for the financial year', async () => {
    app = await buildTestApp(() => clock);
    await partnerToken(app, [{ returnType: 'safe-accommodation', areaCode: BEXLEY }]);
    expect(await yearly('2026-07-24T08:00:00Z')).toEqual([]);
    const before = await yearly('2026-07-25T08:00:00Z');
    expect(before).toEqual([expect.objectContaining({ kind: 'before-deadline', quarter: '2025-26', dueOn: '2026-07-31', areas: [BEXLEY] })]);
    expect(before[0].subject).toMatch(/Financial year 2025-26 \(Apr 2025–Mar 2026\) is due by 31 July 2026/);
    expect(await yearly('2026-08-01T08:00:00Z')).toEqual([expect.objectContaining({ kind: 'overdue', quarter: '2025-26', key: expect.stringMatching(/week-1$/) })]);
    expect(await yearly('2026-08-08T08:00:00Z')).toEqual([expect.objectContaining({ kind: 'overdue', key: expect.stringMatching(/week-2$/) })]);
  });

  it('sends none once the year’s return is held', async () => {
    app = await buildTestApp(() => clock);
    await partnerToken(app, [{ returnType: 'safe-accommodation', areaCode: BEXLEY }]);
    clock = new Date('2026-07-20T08:00:00Z');
    const { status } = await upload(app, 'safe-accommodation', csvOf([validRow('safe-accommodation', { period: '2025-26' })]));
    expect(status).toBe(201);
    expect(await yearly('2026-07-25T08:00:00Z')).toEqual([]);
    expect(await yearly('2026-08-01T08:00:00Z')).toEqual([]);
  });
});
