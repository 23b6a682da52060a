// The strategy editor as a whole route against a fake server that fails on any request it does
// not expect: it opens the latest version with its aims in order; aims are added, moved and
// removed with focus following; a measure's target is built with its words previewed; a save
// sends a PUT with ids kept (or a POST for a new version, copied without ids) and goes back to the
// partnership page; what the page can check is checked first, and the API's 400 is shown on its
// field. An analyst who does not belong to the partnership is told so.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Partnership, StrategyView } from '../../../../schemas/strategy-api';
import { navigate } from '../../app/router';
import StrategyEditorPage from './StrategyEditorPage';

const OXFORDSHIRE = 'E10000025';
const THAMES_VALLEY = 'E23000029';

const AREAS = [
  { code: 'E92000001', name: 'England', type: 'country', parents: [], computedFromChildren: true, defaultBenchmark: null, benchmarkChoices: [], children: [] },
  { code: THAMES_VALLEY, name: 'Thames Valley', type: 'police-force-area', parents: ['E92000001'], computedFromChildren: true, defaultBenchmark: 'E92000001', benchmarkChoices: ['E92000001'], children: [] },
  { code: OXFORDSHIRE, name: 'Oxfordshire', type: 'local-authority', parents: [THAMES_VALLEY], computedFromChildren: false, defaultBenchmark: THAMES_VALLEY, benchmarkChoices: [THAMES_VALLEY, 'E92000001'], children: [] },
];

const indicator = (id: string, title: string, aim: string, aimTitle: string, polarity: string) => ({
  id,
  title,
  definition: `${title}, defined.`,
  aim,
  aimTitle,
  source: 'police',
  numerator: ['x'],
  denominator: { kind: 'columns', columns: ['victims'] },
  multiplier: 100,
  unit: '%',
  decimals: 1,
  polarity,
  ci: 'wilson',
  caveats: [],
  counts: 'events',
  numeratorWithinDenominator: true,
  valueNote: null,
});
const CATALOGUE = [
  indicator('repeat-victim-rate', 'Repeat victims', 'safety-of-victims', 'Keeping victims safe', 'lower-better'),
  indicator('arrest-rate', 'Arrests', 'perpetrators', 'Holding perpetrators to account', 'higher-better'),
  indicator('charge-rate', 'Charges', 'perpetrators', 'Holding perpetrators to account', 'higher-better'),
];

const PARTNERSHIP: Partnership = {
  id: 3,
  name: 'Oxfordshire Board',
  areas: [OXFORDSHIRE],
  benchmark: THAMES_VALLEY,
  strategies: [
    { id: 5, title: 'Old strategy', from: '2016-17', to: '2018-19' },
    { id: 7, title: 'Oxfordshire DA Strategy', from: '2019-20', to: '2023-24' },
  ],
};

const figure = (period: string) => ({ period, periodLabel: period, numerator: 1, denominator: 2, value: 50, lower95: 40, upper95: 60, status: 'ok' as const, note: null });

const VIEW = {
  partnership: { id: 3, name: 'Oxfordshire Board', benchmark: THAMES_VALLEY },
  strategy: { id: 7, title: 'Oxfordshire DA Strategy', from: '2019-20', to: '2023-24' },
  period: { id: 'R12-2026-27Q2', label: '12 months to Sep 2026', chosen: 'latest-twelve-months' },
  aims: [
    {
      id: 31,
      title: 'Prevention',
      description: 'Early help',
      status: 'on-track',
      measures: [
        {
          id: 101,
          indicator: 'arrest-rate',
          indicatorTitle: 'Arrests',
          unit: '%',
          area: OXFORDSHIRE,
          areaName: 'Oxfordshire',
          owner: 'Thames Valley Police',
          baseline: figure('2018-19'),
          target: { kind: 'value', value: 40, by: '2023-24', direction: 'increase' },
          latest: { ...figure('R12-2026-27Q2'), benchmark: null },
          path: null,
          status: 'on-track',
          reason: 'Because.',
        },
      ],
    },
    { id: 32, title: 'Provision', description: null, status: 'not-assessable', measures: [] },
  ],
  actions: [],
} as StrategyView;

interface Sent {
  method: string;
  path: string;
  body: unknown;
}
let sent: Sent[];
let partnerships: Partnership[];
let answers: Record<string, (body: unknown) => { status: number; body: unknown }>;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** What GET /api/indicators answers: the reader's catalogue, with the own measures of every partnership they belong to. */
let catalogue: Array<ReturnType<typeof indicator> & { partnership?: number }>;

beforeEach(() => {
  sent = [];
  answers = {};
  partnerships = [PARTNERSHIP];
  catalogue = CATALOGUE;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path, body });
      if (method === 'GET' && path === '/api/partnerships') return json({ partnerships });
      if (method === 'GET' && path === '/api/areas') return json({ areas: AREAS });
      if (method === 'GET' && path === '/api/indicators') return json({ indicators: catalogue });
      if (method === 'GET' && path === '/api/partnerships/3/strategy?strategy=7') return json(VIEW);
      const answer = answers[`${method} ${path}`];
      if (!answer) throw new Error(`unexpected request ${method} ${path}`);
      const reply = answer(body);
      return json(reply.body, reply.status);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

/** Renders the page, then goes to the address (the router reads an address that changes under a rendered page). */
function renderPage(address = '/partnerships/3/strategy/edit') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <StrategyEditorPage params={{ id: '3' }} />
    </QueryClientProvider>,
  );
  act(() => navigate(address, { replace: true }));
  return view;
}

/** The page once the version's aims (or the empty form) are on it. */
const loaded = () => screen.findByRole('button', { name: 'Add an aim' });

const aimHeadings = () => screen.getAllByRole('heading', { level: 2 }).filter((h) => h.textContent?.startsWith('Aim ')).map((h) => h.textContent);
const region = (name: string | RegExp) => within(screen.getByRole('region', { name }));
const edits = () => sent.filter((s) => s.method !== 'GET');

describe('the strategy editor', () => {
  it('opens the latest version with its title, years, aims in order and their measures', async () => {
    renderPage();
    await loaded();
    expect(screen.getByRole('heading', { level: 1, name: 'Edit the strategy: Oxfordshire Board' })).toBeTruthy();
    expect(aimHeadings()).toEqual(['Aim 1: Prevention', 'Aim 2: Provision']);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Oxfordshire DA Strategy');
    expect((screen.getByLabelText('First financial year') as HTMLSelectElement).value).toBe('2019-20');
    const prevention = region('Aim 1: Prevention');
    expect((prevention.getByLabelText('Indicator') as HTMLSelectElement).value).toBe('arrest-rate');
    // The catalogue's groups, in its order.
    expect([...prevention.getByLabelText('Indicator').querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Keeping victims safe', 'Holding perpetrators to account']);
    expect((prevention.getByLabelText('Baseline') as HTMLSelectElement).value).toBe('2018-19');
    expect(prevention.getByText('At least 40.0% by 2023-24')).toBeTruthy();
    // The first aim cannot move up, the last cannot move down.
    expect(prevention.queryByRole('button', { name: /^Move up/ })).toBeNull();
    expect(region('Aim 2: Provision').queryByRole('button', { name: /^Move down/ })).toBeNull();
    const versions = within(screen.getByRole('navigation', { name: 'Strategy versions' }));
    expect(versions.getByRole('link', { name: 'Oxfordshire DA Strategy (2019-20 to 2023-24)' }).getAttribute('aria-current')).toBe('page');
    expect(versions.getByRole('link', { name: 'Start a new version' }).getAttribute('href')).toBe('/partnerships/3/strategy/edit?strategy=new');
    expect(sent.some((s) => s.path === '/api/partnerships/3/strategy?strategy=7')).toBe(true);
  });

  it('offers the partnership’s own measures apart, and no other partnership’s', async () => {
    const own = (partnership: number, id: string, title: string) => ({ ...indicator(`local:${partnership}:${id}`, title, 'prevention-and-workforce', 'Prevention', 'higher-better'), partnership });
    catalogue = [...CATALOGUE, own(3, 'sanctuary-visits', 'Sanctuary visits'), own(4, 'campaign-reach', 'Campaign reach')];
    renderPage();
    await loaded();
    const picker = region('Aim 1: Prevention').getByLabelText('Indicator');
    const groups = [...picker.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]);
    expect(groups).toEqual([
      ['Keeping victims safe', ['repeat-victim-rate']],
      ['Holding perpetrators to account', ['arrest-rate', 'charge-rate']],
      ['The partnership’s own measures', ['local:3:sanctuary-visits']],
    ]);
  });

  it('adds an aim with a measure, builds its target with a preview, moves it up, and saves it with every id kept', async () => {
    answers['PUT /api/partnerships/3/strategies/7'] = (body) => ({ status: 200, body: { id: 7, ...(body as object) } });
    renderPage();
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Add an aim' }));
    expect(document.activeElement?.id).toMatch(/^aim-.+-title$/);
    fireEvent.change(document.activeElement!, { target: { value: 'Fewer repeat victims' } });
    const added = region('Aim 3: Fewer repeat victims');
    fireEvent.click(added.getByRole('button', { name: 'Add a measure to aim 3' }));
    expect(document.activeElement).toBe(added.getByLabelText('Indicator'));
    fireEvent.change(added.getByLabelText('Indicator'), { target: { value: 'repeat-victim-rate' } });
    // Lower is better for this indicator: the value target starts as "at most".
    expect((added.getByRole('radio', { name: 'At most this value' }) as HTMLInputElement).checked).toBe(true);
    expect(added.getByText('Complete the target to see how the partnership page will state it.')).toBeTruthy();
    fireEvent.change(added.getByLabelText('Baseline'), { target: { value: '2023-24' } });
    fireEvent.change(added.getByLabelText('Owner'), { target: { value: 'Thames Valley Police' } });
    fireEvent.change(added.getByLabelText('Target value'), { target: { value: '22.5' } });
    fireEvent.change(added.getByLabelText('Reached by'), { target: { value: '2026-27' } });
    expect(added.getByText('At most 22.5% by 2026-27')).toBeTruthy();
    // Another kind: better than the benchmark, read as the page reads it.
    fireEvent.click(added.getByRole('radio', { name: 'Better than a benchmark' }));
    expect(added.getByText('Better than Thames Valley')).toBeTruthy();
    fireEvent.change(added.getByLabelText('Benchmark'), { target: { value: 'E92000001' } });
    expect(added.getByText('Better than England')).toBeTruthy();
    fireEvent.click(added.getByRole('radio', { name: 'A value by a date' }));

    fireEvent.click(added.getByRole('button', { name: 'Move up aim 3: Fewer repeat victims' }));
    expect(aimHeadings()).toEqual(['Aim 1: Prevention', 'Aim 2: Fewer repeat victims', 'Aim 3: Provision']);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Move up aim 2: Fewer repeat victims'));
    expect(screen.getByText('Aim “Fewer repeat victims” moved to position 2 of 3.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save the strategy' }));
    await waitFor(() => expect(window.location.pathname).toBe('/partnerships/3'));
    expect(edits()).toEqual([
      {
        method: 'PUT',
        path: '/api/partnerships/3/strategies/7',
        body: {
          title: 'Oxfordshire DA Strategy',
          from: '2019-20',
          to: '2023-24',
          aims: [
            {
              id: 31,
              title: 'Prevention',
              description: 'Early help',
              measures: [{ id: 101, indicator: 'arrest-rate', area: OXFORDSHIRE, baseline: '2018-19', target: { kind: 'value', value: 40, by: '2023-24', direction: 'increase' }, owner: 'Thames Valley Police' }],
            },
            {
              title: 'Fewer repeat victims',
              description: null,
              measures: [{ indicator: 'repeat-victim-rate', area: OXFORDSHIRE, baseline: '2023-24', target: { kind: 'value', value: 22.5, by: '2026-27', direction: 'decrease' }, owner: 'Thames Valley Police' }],
            },
            { id: 32, title: 'Provision', description: null, measures: [] },
          ],
        },
      },
    ]);
  });

  it('checks what it can before sending, and shows the API’s 400 on the field it names', async () => {
    answers['PUT /api/partnerships/3/strategies/7'] = () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'Aim 1, measure 1: the target period (2023-24) must end after the baseline period (2023-24).', code: 'invalid-strategy' },
    });
    renderPage();
    await loaded();
    fireEvent.change(region('Aim 2: Provision').getByLabelText('Title of aim 2'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the strategy' }));
    const summary = within(await screen.findByRole('alert'));
    expect(summary.getByRole('link', { name: 'Aim 2: enter its title' }).getAttribute('href')).toMatch(/^#aim-.+-title$/);
    expect(edits()).toEqual([]);

    fireEvent.change(region(/^Aim 2:/).getByLabelText('Title of aim 2'), { target: { value: 'Provision' } });
    fireEvent.change(region('Aim 1: Prevention').getByLabelText('Baseline'), { target: { value: '2023-24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the strategy' }));
    const message = 'Aim 1, measure 1: the target period (2023-24) must end after the baseline period (2023-24).';
    await waitFor(() => expect(within(screen.getByRole('alert')).getByRole('link').textContent).toBe(message));
    const by = region('Aim 1: Prevention').getByLabelText('Reached by');
    expect(document.getElementById(`${by.id}-error`)!.textContent).toBe(`Error: ${message}`);
    expect(by.getAttribute('aria-describedby')).toContain(`${by.id}-error`);
    expect(window.location.pathname).toBe('/partnerships/3/strategy/edit');
  });

  it('removes an aim, focus going to the next, and starts a new version as a copy without ids, or empty', async () => {
    answers['POST /api/partnerships/3/strategies'] = (body) => ({ status: 201, body: { id: 8, ...(body as object) } });
    renderPage('/partnerships/3/strategy/edit?strategy=new');
    await loaded();
    expect(screen.getByRole('heading', { level: 1, name: 'New strategy version: Oxfordshire Board' })).toBeTruthy();
    // The next years after the latest version, for as long as it ran, and a title to write.
    expect((screen.getByLabelText('First financial year') as HTMLSelectElement).value).toBe('2024-25');
    expect((screen.getByLabelText('Last financial year') as HTMLSelectElement).value).toBe('2028-29');
    expect(aimHeadings()).toEqual(['Aim 1: Prevention', 'Aim 2: Provision']);
    fireEvent.click(region('Aim 1: Prevention').getByRole('button', { name: 'Remove aim 1 (Prevention)' }));
    expect(aimHeadings()).toEqual(['Aim 1: Provision']);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Aim 1: Provision'));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Oxfordshire DA Strategy 2024–2029' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the new version' }));
    await waitFor(() => expect(window.location.pathname).toBe('/partnerships/3'));
    expect(edits()).toEqual([
      { method: 'POST', path: '/api/partnerships/3/strategies', body: { title: 'Oxfordshire DA Strategy 2024–2029', from: '2024-25', to: '2028-29', aims: [{ title: 'Provision', description: null, measures: [] }] } },
    ]);
  });

  it('starts a new version empty when asked', async () => {
    renderPage('/partnerships/3/strategy/edit?strategy=new');
    fireEvent.click(await screen.findByRole('button', { name: 'Start with no aims instead' }));
    expect(aimHeadings()).toEqual([]);
    expect(screen.getByText('This new version has no aims yet. Add its aims below.')).toBeTruthy();
  });

  it('starts a partnership with no strategy on a new, empty version', async () => {
    partnerships = [{ ...PARTNERSHIP, strategies: [] }];
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'New strategy version: Oxfordshire Board' })).toBeTruthy();
    expect(screen.getByText('No aims yet.')).toBeTruthy();
    expect(sent.some((s) => s.path.includes('/strategy?'))).toBe(false);
  });

  it('tells an analyst who does not belong to the partnership that it cannot be edited', async () => {
    partnerships = [];
    renderPage();
    expect(await screen.findByText('There is no partnership 3 that you can edit. Only administrators and the partnership’s own analysts change its strategy.')).toBeTruthy();
  });
});
