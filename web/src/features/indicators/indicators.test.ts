import { describe, expect, it } from 'vitest';
import type { AreaComparison, AreaEntry, IndicatorSeries } from '../../api/indicators';
import { comparisonParent, referenceFor, trendKindOf } from './IndicatorPage';
import { newestFirst } from './Revisions';
import { compareTable, downloadRows, trendRowHeading, trendTable } from './tables';

const indicator = {
  id: 'repeat-victim-rate',
  title: 'Repeat victims',
  definition: '',
  aim: 'safety-of-victims',
  aimTitle: '',
  source: 'police',
  numerator: ['repeat_victims'],
  denominator: { kind: 'columns' as const, columns: ['victims'] },
  multiplier: 100,
  unit: '%',
  decimals: 1,
  polarity: 'lower-better' as const,
  ci: 'wilson' as const,
  caveats: [],
  counts: 'people' as const,
  numeratorWithinDenominator: true,
  valueNote: null,
};

const value = (period: string, v: number | null, status: 'ok' | 'suppressed' | 'no-data' | 'incomplete' = 'ok') => ({
  area: 'E09000004',
  period,
  numerator: v === null ? null : 803,
  denominator: v === null ? null : 3212,
  value: v,
  lower95: v === null ? null : v - 1.5234,
  upper95: v === null ? null : v + 1.5234,
  lower998: null,
  upper998: null,
  status,
  source: 'returns' as const,
  missing: [],
  benchmark: { area: 'E12000007', value: 27.04, status: 'ok' as const, level: '95' as const, significance: 'lower' as const, assessment: 'better' as const },
});

describe('trendTable: the table beside the trend chart', () => {
  const series = {
    indicator,
    area: { code: 'E09000004', name: 'Bexley', type: 'local-authority' },
    benchmarkArea: { code: 'E12000007', name: 'London', type: 'region' },
    accommodationType: null,
    disclosure: { view: 'suppressed', threshold: 5 },
    kind: 'quarter',
    points: [
      { ...value('2019-20Q3', 25.0002), label: '' },
      { ...value('2019-20Q4', null, 'suppressed'), label: '' },
    ],
    trend: { marker: 'cannot-be-calculated', judgement: 'cannot-be-calculated', periods: [], chiSquared: null, reason: '' },
  } as IndicatorSeries;
  const table = trendTable(series, '95');

  it('shows values rounded as on the page, and says why one is missing', () => {
    expect(table.columns.map((c) => c.label)).toEqual([
      'Bexley value (% of victims in the quarter)',
      'Lower 95% limit (% of victims in the quarter)',
      'Upper 95% limit (% of victims in the quarter)',
      'Numerator (in the quarter)',
      'Denominator (in the quarter)',
      'London value (% of victims in the quarter)',
      'Compared with London',
      'Warnings',
    ]);
    expect(table.rows[0].header.text).toBe('2019-20 Q3 (Oct–Dec 2019)');
    expect(table.rows[0].cells.map((c) => c.text)).toEqual(['25.0%', '23.5%', '26.5%', '803', '3,212', '27.0%', 'Better', '']);
    expect(table.rows[1].cells.map((c) => c.text).slice(0, 5)).toEqual(['Suppressed', '', '', '', '']);
  });

  it('heads rolling twelve months as twelve months, in a year’s unit', () => {
    const rolling = trendTable({ ...series, kind: 'rolling-year', points: series.points.map((p) => ({ ...p, period: `R12-${p.period}` })) }, '95');
    expect(rolling.columns.slice(0, 5).map((c) => c.label)).toEqual(['Bexley value (%)', 'Lower 95% limit (%)', 'Upper 95% limit (%)', 'Numerator', 'Denominator']);
    expect(rolling.rows[0].header.text).toBe('12 months to Dec 2019 (Jan 2019–Dec 2019)');
    expect([trendRowHeading('quarter'), trendRowHeading('rolling-year')]).toEqual(['Quarter', 'Twelve months to']);
  });

  it('downloads the same numbers, as numbers', () => {
    const rows = downloadRows(table, 'Quarter');
    expect(rows[0][0]).toBe('Quarter');
    expect(rows[1]).toEqual(['2019-20Q3', 25, 23.5, 26.5, 803, 3212, 27, 'Better', null]);
    expect(rows[2].slice(0, 2)).toEqual(['2019-20Q4', 'Suppressed']);
  });
});

describe('compareTable', () => {
  it('lists areas as the chart does, highest first, then the benchmark', () => {
    const comparison = {
      indicator,
      period: { id: '2019', kind: 'calendar-year', label: '2019', quarters: [] },
      parent: { ...value('2019', 27.04), benchmark: null, name: 'London', area: 'E12000007' },
      areas: [
        { ...value('2019', 20), area: 'E09000001', name: 'City of London' },
        { ...value('2019', null, 'suppressed'), area: 'E09000002', name: 'Barking and Dagenham', benchmark: null },
        { ...value('2019', 30), area: 'E09000004', name: 'Bexley' },
      ],
      disclosure: { view: 'suppressed', threshold: 5 },
    } as AreaComparison;
    const table = compareTable(comparison, '95');
    expect(table.rows.map((r) => r.header.text)).toEqual(['Bexley', 'City of London', 'Barking and Dagenham', 'London']);
    expect(table.rows.map((r) => r.cells[6].text)).toEqual(['Better', 'Better', 'Not compared', 'Benchmark']);
  });
});

describe('warnings travel with the figures into the tables and downloads (DOMAIN.md 5.7)', () => {
  const PUBLIC = 'When the police force sent these figures, a check found that charges were more than crimes. They were stored as sent.';
  const flag = (area: string, quarter: string) => ({ area, quarter, accommodationType: null, code: 'charges-more-than-crimes', column: 'charges', message: PUBLIC });
  const series = {
    indicator,
    area: { code: 'E09000004', name: 'Bexley', type: 'local-authority' },
    benchmarkArea: null,
    accommodationType: null,
    disclosure: { view: 'suppressed', threshold: 5 },
    kind: 'rolling-year',
    points: [
      { ...value('R12-2019-20Q3', 25), label: '', warnings: [flag('E09000004', '2019-20Q2')] },
      { ...value('R12-2019-20Q4', 26), label: '', warnings: [] },
    ],
    trend: { marker: 'cannot-be-calculated', judgement: 'cannot-be-calculated', periods: [], chiSquared: null, reason: '' },
  } as IndicatorSeries;

  it('flags a row of the trend table, saying which quarter of the twelve months', () => {
    const table = trendTable(series, '95');
    expect(table.columns.at(-1)).toEqual({ label: 'Warnings', numeric: false, show: 'download' });
    expect(table.rows.map((r) => r.flags)).toEqual([[{ message: PUBLIC, places: ['Q2 2019-20'] }], []]);
  });

  it('writes a warnings column into every download, empty where there is none', () => {
    const rows = downloadRows(trendTable(series, '95'), 'Twelve months to');
    expect(rows[0].at(-1)).toBe('Warnings');
    expect(rows[1].at(-1)).toBe(`Flagged when sent (Q2 2019-20): ${PUBLIC}`);
    expect(rows[2].at(-1)).toBeNull();
    // Clean figures still have the column, so every download of a table has the same columns.
    const clean = downloadRows(trendTable({ ...series, points: series.points.map((p) => ({ ...p, warnings: undefined })) }, '95'), 'Twelve months to');
    expect(clean[0].at(-1)).toBe('Warnings');
  });

  it('says the period in the comparison’s download, and which child of the parent was flagged', () => {
    const comparison = {
      indicator,
      period: { id: '2019-20Q3', kind: 'quarter', label: '2019-20 Q3 (Oct–Dec 2019)', quarters: ['2019-20Q3'] },
      parent: { ...value('2019-20Q3', 27.04), benchmark: null, name: 'London', area: 'E12000007', warnings: [flag('E09000004', '2019-20Q3')] },
      areas: [
        { ...value('2019-20Q3', 30), area: 'E09000004', name: 'Bexley', warnings: [flag('E09000004', '2019-20Q3')] },
        { ...value('2019-20Q3', 20), area: 'E09000001', name: 'City of London' },
      ],
      disclosure: { view: 'suppressed', threshold: 5 },
    } as AreaComparison;
    const table = compareTable(comparison, '95');
    const rows = downloadRows(table, 'Area');
    expect(rows[0]).toEqual([
      'Area',
      'Period',
      'Value (% of victims in the quarter)',
      'Lower 95% limit (% of victims in the quarter)',
      'Upper 95% limit (% of victims in the quarter)',
      'Numerator (in the quarter)',
      'Denominator (in the quarter)',
      'Compared with London',
      'Warnings',
    ]);
    expect(table.rows.map((r) => r.flags?.length)).toEqual([1, 0, 1]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      ['Bexley', '2019-20Q3', `Flagged when sent: ${PUBLIC}`],
      ['City of London', '2019-20Q3', null],
      ['London', '2019-20Q3', `Flagged when sent (Bexley): ${PUBLIC}`],
    ]);
    // The page says the period in the caption, not in a column.
    expect(table.columns[0].show).toBe('download');
  });

  it('labels a population denominator as a population, not a count in the quarter', () => {
    const rate = { ...indicator, unit: 'per 1,000 people', multiplier: 1000, denominator: { kind: 'population' as const, group: 'all_ages' } };
    const table = trendTable({ ...series, indicator: rate, kind: 'quarter' }, '95');
    expect(table.columns.slice(3, 5).map((c) => c.label)).toEqual(['Numerator (in the quarter)', 'Denominator (population)']);
  });
});

describe('which areas to compare', () => {
  const area = (code: string, type: string, parents: string[], children: string[], defaultBenchmark: string | null) =>
    ({ code, name: code, type, parents, children, defaultBenchmark, benchmarkChoices: [...parents, 'E92000001'], computedFromChildren: true }) as AreaEntry;
  const areas = [
    area('E92000001', 'country', [], ['E12000007', 'E23000029'], null),
    area('E12000007', 'region', ['E92000001'], ['E09000004'], 'E92000001'),
    area('E23000029', 'police-force-area', ['E92000001'], ['E06000060'], 'E92000001'),
    area('E09000004', 'local-authority', ['E12000007', 'E23000001'], [], 'E12000007'),
    area('E06000060', 'local-authority', ['E23000029'], [], 'E23000029'),
  ];
  it('compares with the benchmark’s children, or the default parent’s', () => {
    expect(comparisonParent(areas, 'E06000060', undefined)).toBe('E23000029');
    expect(comparisonParent(areas, 'E09000004', 'E92000001')).toBe('E92000001');
    expect(comparisonParent(areas, 'E23000029', undefined)).toBe('E92000001');
    expect(comparisonParent(areas, 'E92000001', undefined)).toBeNull();
  });
});

describe('references, the trend view and revisions', () => {
  it('scales a yearly reference to a quarter, and not to twelve months', () => {
    expect(referenceFor({ ...indicator, reference: { low: 40, perYear: true, label: 'SafeLives' } }, 'quarter')).toEqual({ low: 10, high: null, label: 'SafeLives' });
    expect(referenceFor({ ...indicator, reference: { low: 40, perYear: true, label: 'SafeLives' } }, 'rolling-year')).toEqual({ low: 40, high: null, label: 'SafeLives' });
    expect(referenceFor({ ...indicator, reference: { low: 28, high: 40, perYear: false, label: 'range' } }, 'quarter')).toEqual({ low: 28, high: 40, label: 'range' });
    expect(referenceFor(indicator, 'quarter')).toBeNull();
  });
  it('shows rolling twelve months unless quarters are asked for', () => {
    expect([trendKindOf(null), trendKindOf('quarter'), trendKindOf('nonsense')]).toEqual(['rolling-year', 'quarter', 'rolling-year']);
  });
  it('lists revisions newest first, by when they arrived and then by submission', () => {
    const r = (submissionId: number, receivedAt: string) => ({
      quarter: '2019-20Q3',
      quarterLabel: '2019-20 Q3 (Oct–Dec 2019)',
      accommodationType: null,
      submissionId,
      receivedAt,
      columns: ['victims'],
      warnings: [],
      submittedBy: null,
      changes: null,
      afterApproval: false,
      reason: null,
    });
    const order = newestFirst([r(5, '2020-02-01T10:00:00.000Z'), r(9, '2020-03-01T10:00:00.000Z'), r(7, '2020-02-01T10:00:00.000Z')]);
    expect(order.map((x) => x.submissionId)).toEqual([9, 7, 5]);
  });
});
