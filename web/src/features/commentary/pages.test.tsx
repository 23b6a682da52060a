// Commentary where it is read: on the partnership page, under each aim and folded under each
// measure, from one request for the whole page; and on the indicator page, for a reader whose
// partnership covers the area, the figure's commentary and the partners' notes behind it. Whole
// routes and components against a fake server that fails on any request it was not given.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../../app/router';
import type { Measure, StrategyView } from '../partnership/api';
import PartnershipPage from '../partnership/PartnershipPage';
import type { PartnerNotes } from './api';
import { FigureCommentary } from './FigureCommentary';
import { comment, fakeServer, me, withClient } from './test-server';

const BUCKS = 'E06000060';
const THAMES_VALLEY = 'E23000029';
const PERIOD = 'R12-2026-27Q2';

function figure(value: number | null, period: string) {
  return { period, periodLabel: period, numerator: null, denominator: null, value, lower95: null, upper95: null, status: 'ok' as const, note: null };
}

function measure(id: number, indicator: string, indicatorTitle: string): Measure {
  return {
    id,
    indicator,
    indicatorTitle,
    unit: '%',
    area: BUCKS,
    areaName: 'Buckinghamshire',
    owner: 'Thames Valley Police',
    baseline: figure(25, '2020-21'),
    target: { kind: 'direction', direction: 'decrease', by: '2023-24' },
    latest: { ...figure(24, PERIOD), benchmark: null },
    path: null,
    status: 'on-track',
    reason: 'A significant decrease since the baseline, as the strategy aims.',
  };
}

const VIEW: StrategyView = {
  partnership: { id: 1, name: 'Buckinghamshire Domestic Abuse Board', benchmark: THAMES_VALLEY },
  strategy: { id: 1, title: 'Buckinghamshire Domestic Abuse Strategy 2021–2024', from: '2021-22', to: '2023-24' },
  period: { id: PERIOD, label: '12 months to Sep 2026 (Oct 2025–Sep 2026)', chosen: 'latest-twelve-months' },
  aims: [
    { id: 1, title: 'Prevention', description: null, status: 'on-track', measures: [measure(11, 'repeat-victim-rate', 'Repeat victims'), measure(12, 'repeat-perpetrator-rate', 'Repeat perpetrators')] },
    { id: 2, title: 'Pursuing', description: null, status: 'on-track', measures: [] },
  ],
  actions: [],
};

const ON_AIM = comment({ id: 1, versions: ['Prevention work is on course.'] });
const onMeasure = (id: number, text: string) =>
  comment({ id, versions: [text], subject: { kind: 'measure', indicator: 'repeat-victim-rate', area: BUCKS, measure: 11, aim: null, label: 'Repeat victims, Buckinghamshire', removed: false } });

/** Written from the indicator page on the figure a measure reads: shown with the measure's own. */
const ON_FIGURE = comment({
  id: 4,
  versions: ['Police recording changed in the spring.'],
  createdAt: '2026-11-19T10:00:00.000Z',
  subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: BUCKS, measure: null, aim: null, label: 'Repeat victims, Buckinghamshire (figure)', removed: false },
});

function pageServer(role: 'analyst' | 'board') {
  return fakeServer({
    'GET /api/auth/me': () => ({ body: me(role) }),
    'GET /api/partnerships': () => ({ body: { partnerships: [{ id: 1, name: VIEW.partnership.name, areas: [BUCKS], benchmark: THAMES_VALLEY, strategies: [] }] } }),
    'GET /api/partnerships/1/strategy': () => ({ body: VIEW }),
    'GET /api/indicators': () => ({ body: { indicators: [] } }),
    'GET /api/areas': () => ({ body: { areas: [] } }),
    [`GET /api/partnerships/1/commentary?period=${PERIOD}`]: () => ({ body: { commentary: [ON_AIM, onMeasure(2, 'Fewer repeat victims.'), ON_FIGURE, onMeasure(3, 'The MARAC review helped.')] } }),
  });
}

describe('the partnership page', () => {
  beforeEach(() => navigate('/partnerships/1', { replace: true }));
  afterEach(() => vi.unstubAllGlobals());

  it('reads the period’s commentary in one request, and puts each comment under its aim or folded under its measure', async () => {
    const { sent, unhandled } = pageServer('analyst');
    render(withClient(<PartnershipPage params={{ id: '1' }} />));
    const aim = await screen.findByRole('region', { name: 'Aim 1: Prevention' });
    const aimCommentary = await within(aim).findByRole('region', { name: 'Commentary on Aim 1: Prevention' });
    await within(aimCommentary).findByText('Prevention work is on course.');
    expect(sent.filter((r) => r.path.includes('/commentary'))).toHaveLength(1);
    expect(unhandled).toEqual([]);

    const toggle = within(aim).getByRole('button', { name: 'Commentary (3) on Repeat victims, Buckinghamshire' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const folded = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(folded.className).toContain('app-measure-commentary__body--closed');
    // Folded on screen, but there to print.
    expect(within(folded).getAllByRole('article').map((a) => a.querySelector('.app-comment__body')!.textContent)).toEqual(['Fewer repeat victims.', 'The MARAC review helped.', 'Police recording changed in the spring.']);
    expect(within(folded).getAllByRole('article')[2].querySelector('.app-comment__about')!.textContent).toBe('About Repeat victims, Buckinghamshire (figure)');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(folded.className).not.toContain('--closed');

    // An analyst may write on every aim and measure, those without commentary too.
    expect(within(aim).getByRole('button', { name: 'Commentary on Repeat perpetrators, Buckinghamshire' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add commentary on Aim 2: Pursuing' })).toBeTruthy();
    expect(within(aimCommentary).getByRole('button', { name: /^Revise the commentary by Demo analyst/ })).toBeTruthy();
  });

  it('shows a board member the same commentary with no way to write, and nothing under a measure without any', async () => {
    pageServer('board');
    render(withClient(<PartnershipPage params={{ id: '1' }} />));
    const aim = await screen.findByRole('region', { name: 'Aim 1: Prevention' });
    await within(aim).findByText('Prevention work is on course.');
    await waitFor(() => expect(within(aim).getByRole('button', { name: 'Commentary (3) on Repeat victims, Buckinghamshire' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: /^Add commentary/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Revise/ })).toBeNull();
    expect(within(aim).queryByRole('button', { name: /Repeat perpetrators/ })).toBeNull();
    expect(screen.getByText(/^No commentary on this aim for 12 months to Sep 2026 yet\.$/)).toBeTruthy();
  });
});

const NOTES: PartnerNotes = {
  indicator: 'repeat-victim-rate',
  area: BUCKS,
  period: '2020-21',
  notes: [
    {
      returnType: 'police',
      returnTitle: 'Police return',
      quarter: '2020-21Q1',
      quarterLabel: '2020-21 Q1 (Apr–Jun 2020)',
      area: BUCKS,
      areaName: 'Buckinghamshire',
      accommodationType: null,
      organisation: 'Thames Valley Police',
      note: 'First national lockdown from 23 March 2020.\n<script>alert(1)</script>',
    },
  ],
  withheld: 2,
  withheldReason: 'Some notes are not shown because the figure for their quarter is not published.',
};

function figureServer(role: 'analyst' | 'board' | 'partner', areas = [BUCKS]) {
  return fakeServer({
    'GET /api/auth/me': () => ({ body: me(role) }),
    'GET /api/partnerships': () => ({ body: { partnerships: [{ id: 1, name: 'Buckinghamshire Domestic Abuse Board', areas, benchmark: THAMES_VALLEY, strategies: [] }] } }),
    'GET /api/partnerships/1/commentary?period=2020-21&subject=figure%3Arepeat-victim-rate%3AE06000060': () => ({
      body: { commentary: [comment({ id: 4, versions: ['Lockdown changed reporting.'], period: '2020-21', subject: { kind: 'figure', indicator: 'repeat-victim-rate', area: BUCKS, measure: null, aim: null, label: 'Repeat victims, Buckinghamshire', removed: false } })] },
    }),
    'GET /api/partnerships/1/partner-notes?indicator=repeat-victim-rate&area=E06000060&period=2020-21': () => ({ body: NOTES }),
  });
}

const figureCommentary = () => render(withClient(<FigureCommentary indicator="repeat-victim-rate" indicatorTitle="Repeat victims" area={BUCKS} areaName="Buckinghamshire" period="2020-21" />));

describe('the indicator page’s commentary and notes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a board member their partnership’s commentary on the figure and the partners’ notes as text, with the withheld ones counted', async () => {
    const { unhandled } = figureServer('board');
    figureCommentary();
    const commentary = await screen.findByRole('region', { name: 'Commentary' });
    expect(within(commentary).getByText('Lockdown changed reporting.')).toBeTruthy();
    expect(within(commentary).queryByRole('button')).toBeNull();

    const notes = await screen.findByRole('region', { name: 'Notes from the returns' });
    const item = within(notes).getByRole('listitem');
    expect(item.querySelector('.app-partner-note__source')!.textContent).toBe('Police return, 2020-21 Q1 (Apr–Jun 2020), Thames Valley Police');
    expect(item.querySelector('.app-partner-note__text')!.textContent).toBe('First national lockdown from 23 March 2020.\n<script>alert(1)</script>');
    expect(item.querySelector('script')).toBeNull();
    expect(within(notes).getByText('2 more notes not shown. Some notes are not shown because the figure for their quarter is not published.')).toBeTruthy();
    expect(unhandled).toEqual([]);
  });

  it('lets an analyst add commentary on the figure', async () => {
    figureServer('analyst');
    figureCommentary();
    expect(await screen.findByRole('button', { name: 'Add commentary on Repeat victims, Buckinghamshire, Financial year 2020-21 (Apr 2020–Mar 2021)' })).toBeTruthy();
  });

  it('shows nothing, and asks nothing, where no partnership of the reader covers the area', async () => {
    const { sent } = figureServer('board', ['E09000004']);
    const { container } = figureCommentary();
    await waitFor(() => expect(sent.map((r) => r.path)).toContain('/api/partnerships'));
    expect(container.textContent).toBe('');
    expect(sent.map((r) => r.path)).toEqual(['/api/auth/me', '/api/partnerships']);
  });

  it('never asks on a partner’s behalf, who may not read a partnership’s commentary', async () => {
    const { sent } = figureServer('partner');
    const { container } = figureCommentary();
    await waitFor(() => expect(sent.map((r) => r.path)).toEqual(['/api/auth/me']));
    // Long enough for any request the answer to /me would have started to be sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.map((r) => r.path)).toEqual(['/api/auth/me']);
    expect(container.textContent).toBe('');
  });
});
