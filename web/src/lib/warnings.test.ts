// Warnings travel with the figures (DOMAIN.md 5.7): the words a figure carries, with the quarter,
// area and accommodation type where they are not the figure's own.
import { describe, expect, it } from 'vitest';
import { messageLines, warningLines, warningPlace, warningSentence, warningsText, type FigureWarning } from './warnings';

const BEDFORD = 'E06000055';
const LUTON = 'E06000032';
const PUBLIC = 'When the police force sent these figures, a check found that charges were more than crimes. They were stored as sent.';
const warning = (over: Partial<FigureWarning> = {}): FigureWarning => ({
  area: BEDFORD,
  quarter: '2019-20Q3',
  accommodationType: null,
  code: 'charges-more-than-crimes',
  column: 'charges',
  message: PUBLIC,
  ...over,
});
const names = (code: string) => ({ [BEDFORD]: 'Bedford', [LUTON]: 'Luton' })[code] ?? code;

describe('warningPlace: where a warning was found, when it is not the figure’s own', () => {
  it('says nothing for the figure’s own area and quarter', () => {
    expect(warningPlace(warning(), { area: BEDFORD, period: '2019-20Q3' })).toBeNull();
  });
  it('names the quarter of a year or twelve months, and a child area of a parent', () => {
    expect(warningPlace(warning(), { area: BEDFORD, period: '2019-20' })).toBe('Q3 2019-20');
    expect(warningPlace(warning(), { area: BEDFORD, period: 'R12-2019-20Q4' })).toBe('Q3 2019-20');
    expect(warningPlace(warning(), { area: 'E23000026', period: '2019-20Q3', areaName: names })).toBe('Bedford');
    expect(warningPlace(warning({ area: LUTON }), { area: 'E23000026', period: '2019-20', areaName: names })).toBe('Luton, Q3 2019-20');
  });
  it('names an accommodation type inside a total over types', () => {
    expect(warningPlace(warning({ accommodationType: 'second_stage' }), { area: BEDFORD, period: '2019-20Q3' })).toBe('second stage');
    expect(warningPlace(warning({ accommodationType: 'second_stage' }), { area: BEDFORD, period: '2019-20Q3', accommodationType: 'second_stage' })).toBeNull();
  });
});

describe('warningLines: one line a message, with every place it was found', () => {
  it('groups the same message found in several quarters', () => {
    const lines = warningLines([warning(), warning({ quarter: '2019-20Q4' }), warning({ code: 'crimes-more-than-incidents', message: 'Crimes were more than incidents.' })], {
      area: BEDFORD,
      period: '2019-20',
    });
    expect(lines).toEqual([
      { message: PUBLIC, places: ['Q3 2019-20', 'Q4 2019-20'] },
      { message: 'Crimes were more than incidents.', places: ['Q3 2019-20'] },
    ]);
    expect(warningSentence(lines[0])).toBe(`Flagged when sent (Q3 2019-20; Q4 2019-20): ${PUBLIC}`);
  });
  it('is empty with no warnings, and a figure’s own warning has no place', () => {
    expect(warningLines(undefined)).toEqual([]);
    expect(warningsText(warningLines([]))).toBe('');
    expect(warningsText(warningLines([warning()], { area: BEDFORD, period: '2019-20Q3' }))).toBe(`Flagged when sent: ${PUBLIC}`);
  });
  it('takes a revision’s plain messages once each', () => {
    expect(messageLines([PUBLIC, PUBLIC])).toEqual([{ message: PUBLIC, places: [] }]);
    expect(messageLines(undefined)).toEqual([]);
  });
});

describe('a correction after approval', () => {
  it('is worded as a correction with its reason, not as a flag found when sent', () => {
    const line = { message: 'Corrected after the quarter was approved: Repeat victims were double counted.', places: ['Q1 2026-27'] };
    expect(warningSentence(line)).toBe('Corrected after the quarter was approved (Q1 2026-27): Repeat victims were double counted.');
  });
});
