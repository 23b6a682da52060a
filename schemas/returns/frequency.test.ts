// The reporting calendars as tables: what a partner may write, which period is due, and which
// dashboard periods a yearly return's figures answer (DOMAIN.md 4, 5.9).
import { describe, expect, it } from 'vitest';
import { parsePeriodId } from '../periods';
import { CellContext } from './cells';
import { financialYearCell, parseFinancialYearText, periodsOffered, QUARTERLY, quartersOf, YEARLY } from './frequency';

describe('a yearly return’s period', () => {
  it.each([
    ['2022-23', '2022-23'],
    ['2022/23', '2022-23'],
    ['2022/2023', '2022-23'],
    [' FY 2022-23 ', '2022-23'],
    ['1999-00', '1999-00'],
    ['2022-24', null],
    ['2022-23 Q1', null],
    ['2022', null],
  ])('%s reads as %s', (text, id) => {
    expect(parseFinancialYearText(text)).toBe(id);
  });

  const context: CellContext = { now: new Date('2023-04-01T00:00:00Z') };
  const read = (text: string) => financialYearCell(context).safeParse(text);

  it('accepts a financial year once it has ended, and refuses one that has not', () => {
    expect(read('2022/23')).toMatchObject({ success: true, data: '2022-23' });
    const future = read('2023-24');
    expect(future.success).toBe(false);
    expect(future.error!.issues[0]).toMatchObject({ params: { code: 'future-period' } });
  });

  it('says that a quarter is not a year, and which year to write', () => {
    const quarter = read('2022-23 Q3');
    expect(quarter.error!.issues[0]).toMatchObject({ params: { code: 'invalid-period' } });
    expect(quarter.error!.issues[0].message).toMatch(/once a year.*"2022-23"/);
    expect(read('').error!.issues[0]).toMatchObject({ params: { code: 'required' } });
  });
});

describe('the period due and the periods offered', () => {
  it.each([
    // now, the latest quarter ended, the latest financial year ended
    ['2026-03-31T23:59:59Z', '2025-26Q3', '2024-25'],
    ['2026-04-01T00:00:00Z', '2025-26Q4', '2025-26'],
    ['2026-11-22T12:00:00Z', '2026-27Q2', '2025-26'],
  ])('at %s: %s, %s', (now, quarter, year) => {
    expect(QUARTERLY.latestEnded(new Date(now))).toBe(quarter);
    expect(YEARLY.latestEnded(new Date(now))).toBe(year);
  });

  it('offers three years: twelve quarters, or three financial years, the latest first', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(periodsOffered(YEARLY, now)).toEqual(['2025-26', '2024-25', '2023-24']);
    expect(periodsOffered(QUARTERLY, now)).toHaveLength(12);
    expect(periodsOffered(QUARTERLY, now)[0]).toBe('2026-27Q2');
  });

  it('ends a financial year on 31 March and spans its four quarters', () => {
    expect(YEARLY.endExclusive('2025-26').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(quartersOf(YEARLY, '2025-26')).toEqual(['2025-26Q1', '2025-26Q2', '2025-26Q3', '2025-26Q4']);
    expect(YEARLY.endingWithin(['2025-26Q3', '2025-26Q4', '2026-27Q1'])).toEqual(['2025-26']);
  });
});

describe('the dashboard periods a return answers', () => {
  it.each([
    ['2022-23', '2022-23', null],
    ['R12-2022-23Q4', '2022-23', null],
    ['R12-2022-23Q2', null, null],
    ['2022-23Q3', null, '2022-23Q3'],
    ['2022', null, null],
  ])('%s: yearly reads %s, quarterly reads %s as one stored period', (id, yearly, quarterly) => {
    const period = parsePeriodId(id)!;
    expect(YEARLY.storedPeriodFor(period)).toBe(yearly);
    expect(QUARTERLY.storedPeriodFor(period)).toBe(quarterly);
  });
});
