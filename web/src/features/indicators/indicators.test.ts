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
      'Lower 95% limit',
      'Upper 95% limit',
      'Numerator',
      'Denominator',
      'London value (% of victims in the quarter)',
      'Compared with London',
    ]);
    expect(table.rows[0].header.text).toBe('2019-20 Q3 (Oct–Dec 2019)');
    expect(table.rows[0].cells.map((c) => c.text)).toEqual(['25.0%', '23.5%', '26.5%', '803', '3,212', '27.0%', 'Better']);
    expect(table.rows[1].cells.map((c) => c.text).slice(0, 5)).toEqual(['Suppressed', '', '', '', '']);
  });

  it('heads rolling twelve months as twelve months, in a year’s unit', () => {
    const rolling = trendTable({ ...series, kind: 'rolling-year', points: series.points.map((p) => ({ ...p, period: `R12-${p.period}` })) }, '95');
    expect(rolling.columns[0].label).toBe('Bexley value (%)');
    expect(rolling.rows[0].header.text).toBe('12 months to Dec 2019 (Jan 2019–Dec 2019)');
    expect([trendRowHeading('quarter'), trendRowHeading('rolling-year')]).toEqual(['Quarter', 'Twelve months to']);
  });

  it('downloads the same numbers, as numbers', () => {
    const rows = downloadRows(table, 'Quarter');
    expect(rows[0][0]).toBe('Quarter');
    expect(rows[1]).toEqual(['2019-20Q3', 25, 23.5, 26.5, 803, 3212, 27, 'Better']);
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
    expect(table.rows.map((r) => r.cells[5].text)).toEqual(['Better', 'Better', 'Not compared', 'Benchmark']);
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
    });
    const order = newestFirst([r(5, '2020-02-01T10:00:00.000Z'), r(9, '2020-03-01T10:00:00.000Z'), r(7, '2020-02-01T10:00:00.000Z')]);
    expect(order.map((x) => x.submissionId)).toEqual([9, 7, 5]);
  });
});
