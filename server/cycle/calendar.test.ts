// The reporting calendar and the status rules as tables of dates (DOMAIN.md 5.8).
import { describe, expect, it } from 'vitest';
import { YEARLY } from '../../schemas/returns/frequency';
import { cycleStatus, dueOn, lateFrom, periodLastDay, quarterLastDay, receivedLate, type StatusFacts } from './calendar';

describe('due days', () => {
  it.each([
    // quarter, days after its last day, override, due day
    ['2026-27Q1', 30, null, '2026-07-30'], // Apr–Jun 2026: last day 30 June
    ['2026-27Q2', 30, null, '2026-10-30'], // Jul–Sep: last day 30 September
    ['2026-27Q3', 30, null, '2027-01-30'], // Oct–Dec: across the new year
    ['2025-26Q4', 30, null, '2026-04-30'], // Jan–Mar 2026
    ['2023-24Q4', 30, null, '2024-04-30'], // leap year: last day 31 March still
    ['2026-27Q1', 0, null, '2026-06-30'],
    ['2026-27Q1', 45, '2026-08-03', '2026-08-03'], // a quarter's own deadline wins
  ])('%s with %i days (override %s) is due on %s', (quarter, days, override, expected) => {
    expect(dueOn(quarter, days, override)).toBe(expected);
  });

  it('is late from the start of the day after the due day', () => {
    expect(quarterLastDay('2026-27Q1')).toBe('2026-06-30');
    expect(lateFrom('2026-07-30').toISOString()).toBe('2026-07-31T00:00:00.000Z');
  });
});

describe('status', () => {
  const base: StatusFacts = { quarter: '2026-27Q1', dueOn: '2026-07-30', firstReceivedAt: null, lastReceivedAt: null, signedOffAt: null, approved: false };
  it.each<[string, Partial<StatusFacts>, string, string]>([
    ['before the quarter ends', {}, '2026-06-30T23:59:59Z', 'not-due'],
    ['after the quarter ends', {}, '2026-07-01T00:00:00Z', 'due'],
    ['on the due day', {}, '2026-07-30T23:59:59Z', 'due'],
    ['the day after the due day', {}, '2026-07-31T00:00:00Z', 'overdue'],
    ['received on the due day', { firstReceivedAt: '2026-07-30T16:00:00.000Z', lastReceivedAt: '2026-07-30T16:00:00.000Z' }, '2026-09-01T00:00:00Z', 'received'],
    ['first received after it', { firstReceivedAt: '2026-07-31T09:00:00.000Z', lastReceivedAt: '2026-07-31T09:00:00.000Z' }, '2026-09-01T00:00:00Z', 'late'],
    ['signed off after the last submission', { firstReceivedAt: '2026-07-20T09:00:00.000Z', lastReceivedAt: '2026-07-21T09:00:00.000Z', signedOffAt: '2026-07-22T09:00:00.000Z' }, '2026-09-01T00:00:00Z', 'signed-off'],
    ['resent after its sign-off', { firstReceivedAt: '2026-07-20T09:00:00.000Z', lastReceivedAt: '2026-07-23T09:00:00.000Z', signedOffAt: '2026-07-22T09:00:00.000Z' }, '2026-09-01T00:00:00Z', 'received'],
    ['approved', { firstReceivedAt: '2026-08-20T09:00:00.000Z', lastReceivedAt: '2026-08-20T09:00:00.000Z', approved: true }, '2026-09-01T00:00:00Z', 'approved'],
  ])('%s', (_, facts, now, expected) => {
    expect(cycleStatus({ ...base, ...facts }, new Date(now))).toBe(expected);
  });

  it('remembers that a return came late once it is approved', () => {
    expect(receivedLate({ dueOn: '2026-07-30', firstReceivedAt: '2026-07-31T00:00:00.000Z' })).toBe(true);
    expect(receivedLate({ dueOn: '2026-07-30', firstReceivedAt: '2026-07-30T23:59:59.999Z' })).toBe(false);
    expect(receivedLate({ dueOn: '2026-07-30', firstReceivedAt: null })).toBe(false);
  });
});

describe('a yearly return (a financial year)', () => {
  it.each([
    // financial year, days after its last day, override, due day
    ['2025-26', YEARLY.defaultDaysAfterEnd, null, '2026-07-31'], // the default: 31 July after the year
    ['2023-24', YEARLY.defaultDaysAfterEnd, null, '2024-07-31'], // a leap year's February is before 31 March
    ['2025-26', 60, null, '2026-05-30'],
    ['2025-26', 122, '2026-09-30', '2026-09-30'],
  ])('%s with %i days (override %s) is due on %s', (year, days, override, expected) => {
    expect(periodLastDay(year)).toBe(`${Number(year.slice(0, 4)) + 1}-03-31`);
    expect(dueOn(year, days, override)).toBe(expected);
  });

  const base: StatusFacts = { quarter: '2025-26', dueOn: '2026-07-31', firstReceivedAt: null, lastReceivedAt: null, signedOffAt: null, approved: false };
  it.each<[string, Partial<StatusFacts>, string, string]>([
    ['during the year', {}, '2026-03-31T23:59:59Z', 'not-due'],
    ['once the year has ended', {}, '2026-04-01T00:00:00Z', 'due'],
    ['on 31 July', {}, '2026-07-31T23:59:59Z', 'due'],
    ['from 1 August', {}, '2026-08-01T00:00:00Z', 'overdue'],
    ['received in July', { firstReceivedAt: '2026-07-04T09:00:00.000Z', lastReceivedAt: '2026-07-04T09:00:00.000Z' }, '2026-09-01T00:00:00Z', 'received'],
    ['received in August', { firstReceivedAt: '2026-08-03T09:00:00.000Z', lastReceivedAt: '2026-08-03T09:00:00.000Z' }, '2026-09-01T00:00:00Z', 'late'],
  ])('%s', (_, facts, now, expected) => {
    expect(cycleStatus({ ...base, ...facts }, new Date(now))).toBe(expected);
  });
});
