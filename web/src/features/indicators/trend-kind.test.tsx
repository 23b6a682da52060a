// The indicator page's trend follows the indicator's source: a yearly return (the safe
// accommodation duty's) is asked for one point per financial year over five years, with no choice
// of rolling twelve months or quarters (neither has a figure); a quarterly one keeps the choice and
// asks for what the address says.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Indicator, IndicatorSeries } from '../../api/indicators';
import { navigate } from '../../app/router';
import { Trend, trendKindOf, trendQuarters } from './IndicatorPage';
import { indicatorFixture } from '../../../test/indicators';

// jsdom has no canvas: the chart is tested as data (charts/trend-option.test.ts), the page around it here.
vi.mock('../../components/EChart', () => ({ EChart: () => null }));

const OXFORDSHIRE = 'E10000025';
const YEARS = ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25'];

const indicatorFrom = (source: string, id: string) =>
  indicatorFixture({ id, title: id, aim: 'support', source, numerator: ['households_accommodated'], denominator: { kind: 'columns', columns: ['households_referred'] }, numeratorWithinDenominator: false } as Partial<Indicator>);

let asked: URL[] = [];

function seriesAnswer(url: URL, indicator: Indicator): IndicatorSeries {
  const kind = url.searchParams.get('kind') as IndicatorSeries['kind'];
  const periods = kind === 'financial-year' ? YEARS : ['2024-25Q4', '2025-26Q1', '2025-26Q2'];
  return {
    indicator,
    area: { code: OXFORDSHIRE, name: 'Oxfordshire', type: 'local-authority' },
    benchmarkArea: null,
    accommodationType: null,
    disclosure: { view: 'suppressed', threshold: 5 },
    kind,
    points: periods.map((period, i) => ({
      area: OXFORDSHIRE,
      period,
      label: period,
      numerator: 50 + i,
      denominator: 150,
      value: ((50 + i) / 150) * 100,
      lower95: null,
      upper95: null,
      lower998: null,
      upper998: null,
      status: 'ok',
      benchmark: null,
    })),
    trend: { marker: 'no-significant-change', judgement: 'no-significant-change', periods: kind === 'financial-year' ? YEARS : [], chiSquared: 1, reason: '' },
  } as unknown as IndicatorSeries;
}

function renderTrend(indicator: Indicator, search = '') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const url = new URL(path, 'http://localhost');
      asked.push(url);
      const body = url.pathname.endsWith('/series') ? seriesAnswer(url, indicator) : { message: 'not here' };
      return new Response(JSON.stringify(body), { status: url.pathname.endsWith('/series') ? 200 : 404, headers: { 'content-type': 'application/json' } });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rendered = render(
    <QueryClientProvider client={client}>
      <Trend indicator={indicator} selection={{ area: OXFORDSHIRE, benchmark: undefined, level: '95', period: 'R12-2025-26Q2' } as never} period="R12-2025-26Q2" areaName={(c) => (c === OXFORDSHIRE ? 'Oxfordshire' : c)} />
    </QueryClientProvider>,
  );
  // The router reads the address it is told of while the page is on screen, as when a reader opens a link.
  act(() => navigate(`/indicators/${indicator.id}${search}`, { replace: true }));
  return rendered;
}

beforeEach(() => {
  asked = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('the trend of an indicator from a yearly return', () => {
  it('asks for one point per financial year over five years, whatever the address asks, and offers no other view', async () => {
    renderTrend(indicatorFrom('safe-accommodation', 'safe-accommodation-accommodated-pct'), '?trend=quarter');
    expect(await screen.findByRole('heading', { name: 'Trend by financial year' })).toBeTruthy();
    const series = asked.filter((u) => u.pathname.endsWith('/series'));
    expect(new Set(series.map((u) => JSON.stringify(Object.fromEntries(u.searchParams))))).toEqual(new Set([JSON.stringify({ area: OXFORDSHIRE, kind: 'financial-year', from: '2020-21Q3', to: '2025-26Q2', level: '95' })]));
    expect(screen.queryByRole('radio')).toBeNull();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('columnheader')[0].textContent).toBe('Financial year');
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(YEARS.map((y) => expect.stringContaining(y)));
    expect(screen.getByText(/is made once a year/).textContent).toContain('five financial years, to 2024-25');
  });
});

describe('the trend of an indicator from a quarterly return', () => {
  it('keeps the choice and asks for quarters when the address says so', async () => {
    renderTrend(indicatorFrom('refuge', 'refuge-occupancy'), '?trend=quarter');
    expect(await screen.findByRole('heading', { name: 'Trend by quarter' })).toBeTruthy();
    const series = asked.filter((u) => u.pathname.endsWith('/series'));
    expect([series[series.length - 1].searchParams.get('kind'), series[series.length - 1].searchParams.get('from')]).toEqual(['quarter', '2022-23Q3']);
    expect(screen.getAllByRole('radio').length).toBe(2);
  });
});

describe('trendKindOf and trendQuarters', () => {
  it('chooses financial years for a yearly source, otherwise rolling twelve months unless quarters are asked for', () => {
    expect([trendKindOf(null, 'yearly'), trendKindOf('quarter', 'yearly'), trendKindOf('quarter', 'quarterly'), trendKindOf(null)]).toEqual(['financial-year', 'financial-year', 'quarter', 'rolling-year']);
    expect(trendQuarters('financial-year', '2024-25Q4')).toHaveLength(20);
    expect(trendQuarters('rolling-year', '2024-25Q4')).toEqual(expect.arrayContaining(['2022-23Q1', '2024-25Q4']));
    expect(trendQuarters('rolling-year', '2024-25Q4')).toHaveLength(12);
  });
});
