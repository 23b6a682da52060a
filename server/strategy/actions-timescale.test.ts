// Timescales as the seeds' delivery plans write them (Bexley's "Key Date" column, Oxfordshire's
// comments) and as people type them, each with the due date it states, or none.
import { describe, expect, it } from 'vitest';
import { isOverdue, londonDay, parseDay, parseTimescale } from './actions-timescale';

describe('parseTimescale', () => {
  const BEXLEY_FROM = '2021-22';
  it.each([
    // Bexley's delivery plan, as written
    ['By March 2022', '2022-03-31'],
    ['November 2021', '2021-11-30'],
    ['February, March, April 2021 On going programme', '2021-04-30'],
    ['February 2021 and on going', '2021-02-28'],
    ['April 2021 March 2021 April 2021', '2021-04-30'],
    ['September 2021', '2021-09-30'],
    ['Ongoing', null],
    ['on going', null],
    ['On going', null],
    // Oxfordshire's comments
    ['Final report March 2020', '2020-03-31'],
    ['July / August', null],
    ['September or December meeting (2019)', '2019-12-31'],
    ['Quarter 1 2019-20', '2019-06-30'],
    // The forms the brief names
    ['Q3 2022-23', '2022-12-31'],
    ['2022-23 Q4', '2023-03-31'],
    ['Q2 of 2024/25', '2024-09-30'],
    ['Q4 2023-2024', '2024-03-31'],
    ['2023', '2023-12-31'],
    ['Year 2', '2023-03-31'],
    ['Year 1', '2022-03-31'],
    ['Years 1-3', '2024-03-31'],
    ['by the end of year 5', '2026-03-31'],
    ['2022-23', '2023-03-31'],
    ['2022/23', '2023-03-31'],
    // Other ways people write them
    ['31/03/2022', '2022-03-31'],
    ['1/4/22', '2022-04-01'],
    ['2024-06-15', '2024-06-15'],
    ['31st March 2025', '2025-03-31'],
    ['end of Sept 2026', '2026-09-30'],
    ['Mar-27', '2027-03-31'],
    ['Spring 2023', '2023-05-31'],
    ['early 2020', '2020-04-30'],
    ['February 2024', '2024-02-29'],
    // No date stated, or not one we can be sure of
    ['Quarterly', null],
    ['Annually, to the Strategic Board', null],
    ['Q3 2022', null],
    ['Within 6 months', null],
    ['30/02/2022', null],
    ['2022-24', null],
    ['', null],
  ])('%j → %s', (text, due) => {
    expect(parseTimescale(text, BEXLEY_FROM)).toBe(due);
  });

  it('reads "Year n" only against a strategy’s first year', () => {
    expect(parseTimescale('Year 2')).toBeNull();
    expect(parseTimescale('Year 2', '2019-20')).toBe('2021-03-31');
    expect(parseTimescale('Year 1 (2019-20)', '2019-20')).toBe('2020-03-31');
  });

  it('prefers the most precise form written', () => {
    expect(parseTimescale('Year 2, by 30 June 2022', '2021-22')).toBe('2022-06-30');
    expect(parseTimescale('2022-23, Q2 2022-23')).toBe('2022-09-30');
    expect(parseTimescale('March 2022 (2022-23 plan)')).toBe('2022-03-31');
  });
});

describe('parseDay', () => {
  it.each([
    ['2022-03-31', '2022-03-31'],
    ['2022-03-31 00:00', '2022-03-31'],
    ['31/03/2022', '2022-03-31'],
    ['31.03.22', '2022-03-31'],
    ['31 March 2022', '2022-03-31'],
    ['March 2022', null],
    ['2022-02-30', null],
    ['soon', null],
  ])('%j → %s', (text, due) => {
    expect(parseDay(text)).toBe(due);
  });
});

describe('overdue', () => {
  it('is after the due day, and never for a complete action', () => {
    expect(isOverdue({ due: '2026-11-21', status: 'on-track' }, '2026-11-22')).toBe(true);
    expect(isOverdue({ due: '2026-11-22', status: 'at-risk' }, '2026-11-22')).toBe(false);
    expect(isOverdue({ due: '2020-01-01', status: 'complete' }, '2026-11-22')).toBe(false);
    expect(isOverdue({ due: null, status: 'off-track' }, '2026-11-22')).toBe(false);
  });

  it('counts days in England, where the boards are', () => {
    // 23:30 UTC on 31 May is already 1 June in British Summer Time.
    expect(londonDay(new Date('2026-05-31T23:30:00Z'))).toBe('2026-06-01');
    expect(londonDay(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
