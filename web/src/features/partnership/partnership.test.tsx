// The partnership page: the board's question answered at the top, each aim's measures with their
// evidence, the filter, the period picker and the switcher; and where each kind of user lands.
// Whole routes are rendered against a fake server that fails on any request it was not given.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../../app/router';
import type { Aim, Measure, Partnership, StrategyView } from './api';
import { landingPartnership, membershipsOf } from './landing';
import PartnershipPage, { StrategyBody } from './PartnershipPage';
import StrategyLanding from './StrategyLanding';

const BUCKS = 'E06000060';
const THAMES_VALLEY = 'E23000029';
const PERIOD = 'R12-2026-27Q2';

function figure(value: number | null, status: Measure['baseline']['status'] = 'ok', period = '2020-21') {
  return {
    period,
    periodLabel: period,
    numerator: null,
    denominator: null,
    value,
    lower95: value === null ? null : value - 1.2,
    upper95: value === null ? null : value + 1.3,
    status,
    note: null,
  };
}

function measure(over: Partial<Measure> & Pick<Measure, 'id' | 'status'>): Measure {
  return {
    indicator: 'repeat-perpetrator-rate',
    indicatorTitle: 'Repeat perpetrators',
    unit: '%',
    area: BUCKS,
    areaName: 'Buckinghamshire',
    owner: 'Thames Valley Police',
    baseline: figure(25),
    target: { kind: 'value', value: 20, by: '2023-24', direction: 'decrease' },
    latest: { ...figure(25.0078839482813, 'ok', PERIOD), benchmark: { area: THAMES_VALLEY, areaName: 'Thames Valley', value: 24.2, assessment: 'similar' } },
    path: 20,
    reason: 'The latest figure is short of the target of 20 (by 2023-24), and has not moved significantly the right way since the baseline.',
    ...over,
  };
}

function aim(id: number, title: string, status: Aim['status'], measures: Measure[]): Aim {
  return { id, title, description: null, status, measures };
}

const AIMS: Aim[] = [
  aim(1, 'Intervene early and prevent abuse', 'at-risk', [
    measure({
      id: 11,
      status: 'at-risk',
      indicator: 'idva-male-clients-pct',
      indicatorTitle: 'IDVA clients: male',
      owner: 'Domestic Abuse Board commissioning lead',
      target: { kind: 'direction', direction: 'increase', by: '2023-24' },
      path: null,
      reason: 'No significant change since the baseline; the strategy aims for an increase.',
    }),
  ]),
  aim(2, 'Services that meet the needs of victims', 'not-assessable', [
    measure({
      id: 21,
      status: 'not-assessable',
      indicator: 'idva-engagement-pct',
      indicatorTitle: 'IDVA referrals engaging with support',
      target: { kind: 'benchmark' },
      latest: { ...figure(null, 'incomplete', PERIOD), benchmark: { area: THAMES_VALLEY, areaName: 'Thames Valley', value: 70.1, assessment: 'not-compared' } },
      path: null,
      reason: 'The latest figure is incomplete (not every quarter or area has reported).',
    }),
  ]),
  aim(3, 'Tackle perpetrators to reduce reoffending', 'off-track', [
    measure({ id: 31, status: 'off-track' }),
    measure({
      id: 32,
      status: 'on-track',
      indicator: 'protection-order-rate',
      indicatorTitle: 'Protection orders per 100 domestic abuse crimes',
      unit: 'per 100 crimes',
      baseline: figure(2.176148046607265),
      target: { kind: 'direction', direction: 'increase', by: '2023-24' },
      latest: { ...figure(2.701271186440678, 'ok', PERIOD), benchmark: null },
      path: null,
      reason: 'A significant increase since the baseline, as the strategy aims.',
    }),
  ]),
  aim(4, 'Support professionals to make a difference', 'on-track', [
    measure({
      id: 41,
      status: 'on-track',
      indicator: 'marac-repeat-rate',
      indicatorTitle: 'MARAC repeat cases',
      target: { kind: 'range', low: 28, high: 40, label: 'SafeLives: 28% to 40% repeat cases' },
      path: null,
      reason: 'The latest figure is within the range (SafeLives: 28% to 40% repeat cases).',
    }),
  ]),
];

function view(over: Partial<StrategyView> = {}): StrategyView {
  return {
    partnership: { id: 1, name: 'Buckinghamshire Domestic Abuse Board', benchmark: THAMES_VALLEY },
    strategy: { id: 1, title: 'Buckinghamshire Domestic Abuse Strategy 2021–2024', from: '2021-22', to: '2023-24' },
    period: { id: PERIOD, label: '12 months to Sep 2026 (Oct 2025–Sep 2026)', chosen: 'latest-twelve-months' },
    aims: AIMS,
    actions: [],
    ...over,
  };
}

const CATALOGUE = [
  { id: 'repeat-perpetrator-rate', unit: '%', decimals: 1, denominator: { kind: 'columns', columns: ['perpetrators'] } },
  { id: 'protection-order-rate', unit: 'per 100 crimes', decimals: 2, denominator: { kind: 'columns', columns: ['crimes'] } },
] as never[];

function body(options: { onlyAttention?: boolean } = {}) {
  const onFilter = vi.fn();
  const onPeriod = vi.fn();
  render(<StrategyBody view={view()} catalogue={CATALOGUE} benchmarkName="Thames Valley" onlyAttention={options.onlyAttention ?? false} onFilter={onFilter} onPeriod={onPeriod} />);
  return { onFilter, onPeriod };
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('the top of the page', () => {
  it('counts the aims by status in numbers and words, worst first, and names the aims off track and at risk', () => {
    body();
    const summary = screen.getByRole('region', { name: 'How the aims stand' });
    expect(within(summary).getAllByRole('listitem').slice(0, 4).map((li) => li.textContent)).toEqual(['1✕ Off track', '1! At risk', '1✓ On track', '1? Not assessable']);
    expect(within(summary).getByText('Of 4 aims, 1 is off track, 1 is at risk, 1 is on track and 1 is not assessable.')).toBeTruthy();
    const attention = within(summary).getByRole('list', { name: 'Aims off track or at risk' });
    expect(within(attention).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['✕Off track Tackle perpetrators to reduce reoffending', '!At risk Intervene early and prevent abuse']);
    expect(within(attention).getByRole('link', { name: 'Tackle perpetrators to reduce reoffending' }).getAttribute('href')).toBe('#aim-3');
  });

  it('says which twelve months it reads, and that the server chose them', () => {
    body();
    expect(screen.getByText('12 months to Sep 2026 (Oct 2025–Sep 2026)', { selector: '.app-strategy-period' })).toBeTruthy();
    expect(screen.getByText(/the latest twelve months for which figures are held/)).toBeTruthy();
  });
});

describe('each aim', () => {
  it('comes in the strategy’s order with its status in words beside its heading', () => {
    body();
    const headings = screen.getAllByRole('heading', { level: 2 }).filter((h) => h.id.startsWith('aim-'));
    expect(headings.map((h) => h.textContent)).toEqual([
      'Aim 1: Intervene early and prevent abuse',
      'Aim 2: Services that meet the needs of victims',
      'Aim 3: Tackle perpetrators to reduce reoffending',
      'Aim 4: Support professionals to make a difference',
    ]);
    const section = screen.getByRole('region', { name: 'Aim 3: Tackle perpetrators to reduce reoffending' });
    expect(section.querySelector('.app-strategy-aim__head .app-status')?.textContent).toBe('✕Off track');
  });

  it('lists a value target’s measure: baseline, target in words, latest with its interval, benchmark, status and reason', () => {
    body();
    const row = rowOf('Repeat perpetrators');
    expect(within(row).getByRole('rowheader').textContent).toBe('MeasureRepeat perpetratorsOwner: Thames Valley Police');
    expect(cells(row)).toEqual([
      'AreaBuckinghamshire',
      'Baseline25.0%2020-21',
      'TargetAt most 20.0% by 2023-24Path now: 20.0%',
      'Latest (95% interval)25.0%95% interval 23.8% to 26.3%',
      'Compared with benchmark≈Similar to Thames ValleyThames Valley: 24.2%',
      'Status✕Off trackThe latest figure is short of the target of 20 (by 2023-24), and has not moved significantly the right way since the baseline.',
    ]);
  });

  it('links each measure to its indicator page for the measure’s area, the period shown and its benchmark', () => {
    body();
    const link = within(rowOf('Repeat perpetrators')).getByRole('link', { name: 'Repeat perpetrators' });
    expect(link.getAttribute('href')).toBe(`/indicators/repeat-perpetrator-rate?area=${BUCKS}&period=${PERIOD}&benchmark=${THAMES_VALLEY}`);
    const noBenchmark = within(rowOf('Protection orders')).getByRole('link');
    expect(noBenchmark.getAttribute('href')).toBe(`/indicators/protection-order-rate?area=${BUCKS}&period=${PERIOD}`);
  });

  it('writes each figure with its indicator’s decimals and unit', () => {
    body();
    expect(cells(rowOf('Protection orders'))[1]).toBe('Baseline2.18 per 100 crimes2020-21');
    expect(cells(rowOf('Protection orders'))[3]).toBe('Latest (95% interval)2.70 per 100 crimes95% interval 1.50 to 4.00');
    expect(cells(rowOf('Protection orders'))[4]).toBe('Compared with benchmarkNo benchmark');
  });

  it('says why a measure cannot be assessed, without an interval or a comparison', () => {
    body();
    expect(cells(rowOf('IDVA referrals engaging'))).toEqual([
      'AreaBuckinghamshire',
      'Baseline25.0%2020-21',
      'TargetBetter than Thames Valley',
      'Latest (95% interval)Incomplete',
      'Compared with benchmark–Not compared with Thames ValleyThames Valley: 70.1%',
      'Status?Not assessableThe latest figure is incomplete (not every quarter or area has reported).',
    ]);
  });

  it('explains how statuses are decided in a disclosure', () => {
    body();
    const details = screen.getByText('How statuses are decided').closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('a change inside the interval never counts as progress');
    expect(details.textContent).toContain('takes the worst status among its measures that can be assessed');
  });
});

describe('the filter', () => {
  it('offers to show only the aims off track or at risk, and says how many are shown', () => {
    const { onFilter } = body();
    expect(screen.getByText('Showing all 4 aims.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show only aims off track or at risk' }));
    expect(onFilter).toHaveBeenCalledWith(true);
  });

  it('when on, leaves only those aims, in the strategy’s order', () => {
    body({ onlyAttention: true });
    const headings = screen.getAllByRole('heading', { level: 2 }).filter((h) => h.id.startsWith('aim-'));
    expect(headings.map((h) => h.textContent)).toEqual(['Aim 1: Intervene early and prevent abuse', 'Aim 3: Tackle perpetrators to reduce reoffending']);
    expect(screen.getByText('Showing 2 of 4 aims: those off track or at risk.')).toBeTruthy();
    // The counts still cover every aim.
    expect(screen.getByText('Of 4 aims, 1 is off track, 1 is at risk, 1 is on track and 1 is not assessable.')).toBeTruthy();
  });
});

describe('the period picker', () => {
  it('offers twelve-month periods only and applies the one chosen', () => {
    const { onPeriod } = body();
    const kind = screen.getByLabelText('Type of period') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.value)).toEqual(['financial-year', 'calendar-year', 'rolling-year']);
    expect(kind.value).toBe('rolling-year');
    expect((screen.getByLabelText('Twelve months') as HTMLSelectElement).value).toBe(PERIOD);
    fireEvent.change(kind, { target: { value: 'financial-year' } });
    fireEvent.change(screen.getByLabelText('Twelve months'), { target: { value: '2023-24' } });
    expect(onPeriod).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(onPeriod).toHaveBeenCalledWith('2023-24');
  });
});

describe('landing', () => {
  const partnership = (id: number, members?: number[]): Partnership => ({
    id,
    name: `P${id}`,
    areas: [BUCKS],
    benchmark: THAMES_VALLEY,
    strategies: [],
    members: members?.map((m) => ({ id: m, name: `U${m}`, email: `u${m}@x.invalid`, role: 'board' })),
  });

  it('takes a board member or analyst to the first partnership listed, or the one last opened if still theirs', () => {
    const list = [partnership(4), partnership(1), partnership(2)];
    expect(landingPartnership(list, { id: 9, role: 'board' }, null)).toBe(4);
    expect(landingPartnership(list, { id: 9, role: 'analyst' }, 2)).toBe(2);
    expect(landingPartnership(list, { id: 9, role: 'board' }, 3)).toBe(4);
    expect(landingPartnership([], { id: 9, role: 'board' }, null)).toBeNull();
  });

  it('takes an administrator to a partnership only if they are one of its members', () => {
    const list = [partnership(4, [7]), partnership(1, [9]), partnership(2, [])];
    expect(membershipsOf(list, { id: 9, role: 'admin' }).map((p) => p.id)).toEqual([1]);
    expect(landingPartnership(list, { id: 9, role: 'admin' }, null)).toBe(1);
    expect(landingPartnership(list, { id: 5, role: 'admin' }, 4)).toBeNull();
  });
});

// ---- whole routes against a fake server ----

type Routes = Record<string, unknown>;

function fakeServer(routes: Routes) {
  const requests: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const key = url.pathname + url.search;
    requests.push(key);
    if (!(key in routes)) throw new Error(`unexpected request ${key}`);
    return new Response(JSON.stringify(routes[key]), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

function withClient(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const PARTNERSHIPS = [
  { id: 4, name: 'Bexley Domestic Abuse Strategic Partnership Board', areas: ['E09000004'], benchmark: 'E12000007', strategies: [] },
  { id: 1, name: 'Buckinghamshire Domestic Abuse Board', areas: [BUCKS], benchmark: THAMES_VALLEY, strategies: [] },
];

const ME = { user: { id: 9, email: 'board@demo.invalid', name: 'Demo board member', role: 'board', organisation: null, grants: [] }, actor: { kind: 'user', name: 'x', role: 'board', grants: [] }, csrfToken: 't' };

describe('the partnership route', () => {
  beforeEach(() => {
    window.localStorage.clear();
    navigate('/partnerships/1', { replace: true });
  });
  afterEach(() => vi.unstubAllGlobals());

  const server = (extra: Routes = {}) =>
    fakeServer({
      '/api/partnerships': { partnerships: PARTNERSHIPS },
      '/api/partnerships/1/strategy': view(),
      '/api/indicators': { indicators: CATALOGUE },
      '/api/areas': { areas: [{ code: THAMES_VALLEY, name: 'Thames Valley', type: 'police-force-area' }] },
      ...extra,
    });

  it('shows the partnership’s strategy for the latest twelve months, with a switcher to the others', async () => {
    server();
    render(withClient(<PartnershipPage params={{ id: '1' }} />));
    await screen.findByText('Of 4 aims, 1 is off track, 1 is at risk, 1 is on track and 1 is not assessable.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Buckinghamshire Domestic Abuse Board');
    expect(document.title).toContain('Buckinghamshire Domestic Abuse Board: aims and measures, 12 months to Sep 2026');
    expect(screen.getByText(/Compared with Thames Valley unless a measure says otherwise/)).toBeTruthy();
    const switcher = screen.getByLabelText('Partnership') as HTMLSelectElement;
    expect([...switcher.options].map((o) => o.text)).toEqual(PARTNERSHIPS.map((p) => p.name));
    expect(window.localStorage.getItem('dashboard.partnership')).toBe('1');
    // Switching waits for the button, then keeps nothing but the partnership.
    fireEvent.change(switcher, { target: { value: '4' } });
    expect(window.location.pathname).toBe('/partnerships/1');
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    expect(window.location.pathname).toBe('/partnerships/4');
  });

  it('puts the filter and the period in the address, and asks for the period chosen', async () => {
    const requests = server({ '/api/partnerships/1/strategy?period=2023-24': view({ period: { id: '2023-24', label: 'Financial year 2023-24 (Apr 2023–Mar 2024)', chosen: 'requested' } }) });
    render(withClient(<PartnershipPage params={{ id: '1' }} />));
    await screen.findByRole('checkbox', { name: 'Show only aims off track or at risk' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show only aims off track or at risk' }));
    expect(window.location.search).toBe('?show=attention');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Aim 4: Support professionals to make a difference' })).toBeNull());

    fireEvent.change(screen.getByLabelText('Type of period'), { target: { value: 'financial-year' } });
    fireEvent.change(screen.getByLabelText('Twelve months'), { target: { value: '2023-24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(new URLSearchParams(window.location.search).get('period')).toBe('2023-24');
    await screen.findByText('Financial year 2023-24 (Apr 2023–Mar 2024)', { selector: '.app-strategy-period' });
    expect(requests).toContain('/api/partnerships/1/strategy?period=2023-24');
  });

  it('says so in words when the partnership is not one of yours', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(String(input), 'http://localhost').pathname;
        if (path === '/api/partnerships/7/strategy') {
          return new Response(JSON.stringify({ statusCode: 404, error: 'Not Found', code: 'unknown-partnership', message: 'There is no partnership 7 that you belong to.' }), { status: 404, headers: { 'content-type': 'application/json' } });
        }
        const body = path === '/api/partnerships' ? { partnerships: PARTNERSHIPS } : path === '/api/indicators' ? { indicators: CATALOGUE } : { areas: [] };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    render(withClient(<PartnershipPage params={{ id: '7' }} />));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('There is no partnership 7 that you belong to.');
  });
});

describe('the landing route', () => {
  afterEach(() => vi.unstubAllGlobals());
  beforeEach(() => {
    window.localStorage.clear();
    navigate('/strategy', { replace: true });
  });

  it('takes a board member straight to the first partnership they belong to, replacing the address', async () => {
    fakeServer({ '/api/auth/me': ME, '/api/partnerships': { partnerships: PARTNERSHIPS } });
    const before = window.history.length;
    render(withClient(<StrategyLanding />));
    await waitFor(() => expect(window.location.pathname).toBe('/partnerships/4'));
    expect(window.history.length).toBe(before);
  });

  it('shows an administrator who belongs to no partnership the list', async () => {
    const admin = { ...ME, user: { ...ME.user, id: 1, role: 'admin' } };
    fakeServer({ '/api/auth/me': admin, '/api/partnerships': { partnerships: PARTNERSHIPS.map((p) => ({ ...p, members: [{ id: 9, name: 'B', email: 'b', role: 'board' }] })) } });
    render(withClient(<StrategyLanding />));
    await waitFor(() => expect(window.location.pathname).toBe('/partnerships'));
  });

  it('returns to the partnership last opened on this device', async () => {
    window.localStorage.setItem('dashboard.partnership', '1');
    fakeServer({ '/api/auth/me': ME, '/api/partnerships': { partnerships: PARTNERSHIPS } });
    await act(async () => {
      render(withClient(<StrategyLanding />));
    });
    await waitFor(() => expect(window.location.pathname).toBe('/partnerships/1'));
  });
});
