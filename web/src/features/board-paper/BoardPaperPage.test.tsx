// The board paper page against a fake server that fails on any request it does not expect: the
// sections in the order a board reads them, the title block in each disclosure view, the summary
// table (scoped headers, aims as row groups, status in words, spine with its sentence), the
// exceptions, read-only commentary, actions, data notes; the Word link; the period picker and the
// section tabs carrying the period; recording a paper as issued (confirmation, the CSRF token,
// the result, the paper read afresh) and a refusal in the server's words.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../../app/router';
import { readAfterStrategyEnded } from '../partnership/PartnershipHeader';
import type { BoardPaper } from './api';
import BoardPaperPage from './BoardPaperPage';
import { PERIOD, PERIOD_LABEL, testPaper } from './test-paper';

type Role = 'board' | 'analyst';
interface Sent {
  method: string;
  path: string;
  csrf: string | null;
  body: unknown;
}

let role: Role;
let papers: Record<string, BoardPaper>;
let sent: Sent[];
let issue: () => { status: number; body: unknown };

const PARTNERSHIPS = [
  { id: 1, name: 'Buckinghamshire Domestic Abuse Board', areas: ['E06000060'], benchmark: 'E23000029', strategies: [] },
  { id: 4, name: 'Bexley Domestic Abuse Strategic Partnership Board', areas: ['E09000004'], benchmark: 'E12000007', strategies: [] },
];

const ISSUED = { id: 1, period: PERIOD, periodLabel: PERIOD_LABEL, issuedAt: '2026-11-22T12:00:00.000Z', issuedBy: 'Demo analyst', figures: 12 };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  role = 'board';
  papers = { '': testPaper(), '?period=2025-26': testPaper({ period: { id: '2025-26', label: 'Financial year 2025-26 (Apr 2025–Mar 2026)', quarters: [], chosen: 'requested' } }) };
  sent = [];
  issue = () => ({ status: 201, body: ISSUED });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const headers = (init.headers ?? {}) as Record<string, string>;
      sent.push({ method, path, csrf: headers['x-csrf-token'] ?? null, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
      if (path === '/api/auth/me') return json({ user: { id: 2, name: 'Demo', email: 'd@example.test', role, organisation: null, grants: [] }, csrfToken: 'token-1' });
      if (path === '/api/partnerships') return json({ partnerships: PARTNERSHIPS });
      const paper = /^\/api\/partnerships\/1\/board-paper(\?.*)?$/.exec(path);
      if (method === 'GET' && paper && (paper[1] ?? '') in papers) return json(papers[paper[1] ?? '']);
      if (method === 'POST' && path === '/api/partnerships/1/board-papers') {
        const reply = issue();
        return json(reply.body, reply.status);
      }
      throw new Error(`unexpected request ${method} ${path}`);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

/** Renders the page at an address (the router reads an address that changes under a rendered page). */
function renderPage(address = '/partnerships/1/paper') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <BoardPaperPage params={{ id: '1' }} />
    </QueryClientProvider>,
  );
  act(() => navigate(address, { replace: true }));
  return view;
}

async function loaded() {
  await screen.findByText('3 measures: 1 on track, 1 off track and 1 cannot be assessed.');
}

const paperReads = () => sent.filter((s) => s.method === 'GET' && s.path.startsWith('/api/partnerships/1/board-paper')).length;

describe('the paper on screen', () => {
  it('comes in the order a board reads it, under the partnership’s tabs with “Board paper” current', async () => {
    renderPage();
    await loaded();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Board paper');
    expect(document.title).toContain('Buckinghamshire Domestic Abuse Board: board paper, 12 months to Sep 2026');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['1 Summary', '2 Exceptions', '3 Commentary', '4 Actions overdue and due soon', '5 Data notes']);
    const tabs = within(screen.getByRole('navigation', { name: 'Partnership sections' })).getAllByRole('link');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('href'), t.getAttribute('aria-current')])).toEqual([
      ['Aims and measures', '/partnerships/1', null],
      ['Delivery plan', '/partnerships/1/plan', null],
      ['Board paper', '/partnerships/1/paper', 'page'],
    ]);
  });

  it('opens with a title block: the facts, the demo notice, the disclosure view and the strategy’s end', async () => {
    renderPage();
    await loaded();
    expect(screen.getByText(PERIOD_LABEL, { selector: '.app-paper-period' })).toBeTruthy();
    const facts = [...document.querySelectorAll('.app-paper-facts__row')].map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`);
    expect(facts).toEqual([
      'Partnership: Buckinghamshire Domestic Abuse Board',
      'Strategy: Buckinghamshire Domestic Abuse Strategy 2021–2024',
      `Period: ${PERIOD_LABEL}: the latest twelve months for which figures are held`,
      'Compared with: Thames Valley',
      'Prepared: 22 November 2026',
      'Last paper issued: None recorded yet',
    ]);
    expect(document.querySelector('.app-paper-demo')!.textContent).toBe('Demonstration data. Every figure in this paper is synthetic.');
    expect(document.querySelector('.app-paper-disclosure')!.textContent).toBe('Small numbers are hidden: counts from 1 to 4 are shown as <5, and figures built from them are not shown.');
    expect(screen.queryByText(/Not for circulation/)).toBeNull();
    expect(document.querySelector('.app-strategy-ended')!.textContent).toBe('This strategy ran to 2023-24; its targets are read against later figures until a new strategy is added.');
  });

  it('says nothing of an ended strategy when the period is inside it', async () => {
    papers[''] = testPaper({ strategy: { id: 1, title: 'Strategy 2021–2027', from: '2021-22', to: '2026-27' } });
    renderPage();
    await loaded();
    expect(document.querySelector('.app-strategy-ended')).toBeNull();
  });

  it('summarises every aim’s measures in one table with scoped headers, status in words and symbol, and the evidence linked', async () => {
    renderPage();
    await loaded();
    const table = screen.getByRole('table', { name: `Aims and measures, ${PERIOD_LABEL}` });
    expect(within(table).getAllByRole('columnheader').map((h) => [h.textContent, h.getAttribute('scope')])).toEqual(
      ['Measure', 'Latest (95% interval)', 'Target', 'Status', 'Compared with benchmark', 'Trend', 'Spine'].map((c) => [c, 'col']),
    );
    const aims = [...table.querySelectorAll('th[scope="rowgroup"]')].map((th) => th.textContent);
    expect(aims).toEqual(['Aim 1: Tackle perpetrators to reduce reoffending ✕Off track', 'Aim 2: Services that meet the needs of victims ?Not assessable']);
    const row = screen.getByRole('rowheader', { name: /^Repeat perpetrators/ }).closest('tr')!;
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/indicators/repeat-perpetrator-rate?area=E06000060&period=R12-2026-27Q2&benchmark=E23000029');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '25.0%(23.5% to 26.5%)',
      'At most 20.0% by 2023-24',
      '✕Off track',
      '≈Similar to Thames ValleyThames Valley: 24.2%',
      '→ No significant change',
      // The spine's sentence, as its title (a tooltip) and its name.
      'Buckinghamshire 25.0%; Thames Valley’s 9 areas range from 22.0% (Reading) to 25.0% (Buckinghamshire); Thames Valley 24.2%; England 23.7%.',
    ]);
    expect(within(row).getByRole('img').getAttribute('aria-label')).toBe(
      'Buckinghamshire 25.0%; Thames Valley’s 9 areas range from 22.0% (Reading) to 25.0% (Buckinghamshire); Thames Valley 24.2%; England 23.7%.',
    );
    const onTrack = screen.getByRole('rowheader', { name: /^Protection orders/ }).closest('tr')!;
    expect(within(onTrack).getAllByRole('cell').map((c) => c.textContent).slice(2, 5)).toEqual(['✓On track', 'No benchmark', '↑ Getting better']);
    const missing = screen.getByRole('rowheader', { name: /^IDVA referrals/ }).closest('tr')!;
    expect(within(missing).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Incomplete: a quarter or area is missing',
      'Better than Thames Valley',
      '?Not assessable',
      '–Not compared with Thames ValleyThames Valley: 70.1%',
      'Trend cannot be calculated',
      'No figure to place',
    ]);
    // On a narrow screen the table scrolls in a region that is named and takes focus.
    const region = screen.getByRole('region', { name: 'Summary of aims and measures (scrolls sideways)' });
    expect(region.getAttribute('tabindex')).toBe('0');
  });

  it('lists the exceptions, the commentary read only with author and date, the actions and the data notes', async () => {
    renderPage();
    await loaded();
    expect(within(screen.getByRole('list', { name: 'Measures off track' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Repeat perpetrators, Buckinghamshire (aim: Tackle perpetrators to reduce reoffending): 25.0% (23.5% to 26.5%) against a target of at most 20.0% by 2023-24. The latest figure is short of the target of 20 (by 2023-24), and has not moved significantly the right way since the baseline.',
    ]);
    expect(within(screen.getByRole('list', { name: 'Significant changes on a year before' })).getByRole('listitem').textContent).toMatch(/^Protection orders .+ up significantly \(better\)/);
    expect(within(screen.getByRole('list', { name: 'Late or missing returns' })).getByRole('listitem').textContent).toContain('is overdue');
    expect(screen.getByText('No paper has been recorded as issued yet, so there is nothing to compare with.')).toBeTruthy();

    const comment = screen.getByRole('article', { name: 'Repeat perpetrators, Buckinghamshire' });
    expect(comment.querySelector('.app-paper-comment__body')!.textContent).toBe('The programme’s waiting list is the main reason.\nA second group starts next quarter.');
    expect(comment.querySelector('.app-paper-comment__meta')!.textContent).toBe('Demo analyst, 21 November 2026 (revised; first written 15 November 2026)');
    // Commentary is written on the partnership's pages, not here.
    expect(within(comment).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();

    const overdue = screen.getByRole('table', { name: 'Actions overdue' });
    expect(within(overdue).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Review the MATAC meetings', 'Tackle perpetrators to reduce reoffending', 'Thames Valley Police', '30 June 2026', '✕Off track'],
    ]);
    expect(screen.getByText('No action is due by 22 February 2027.')).toBeTruthy();
    const notes = screen.getByRole('region', { name: '5 Data notes' });
    expect(within(notes).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Demonstration data', 'Small numbers']);
  });

  it('lists the figures revised since the last paper, or says none were', async () => {
    papers[''] = testPaper({ lastIssued: ISSUED });
    renderPage();
    await loaded();
    expect(screen.getByText('No figure shown in the paper issued on 22 November 2026 has changed since.')).toBeTruthy();
    expect(document.querySelector('.app-paper-facts')!.textContent).toContain('Last paper issued12 months to Sep 2026 (Oct 2025–Sep 2026), recorded by Demo analyst on 22 November 2026 at 12:00');
  });

  it('offers Print and the Word document as a plain link for the period shown', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderPage();
    await loaded();
    expect(screen.getByRole('link', { name: 'Download Word document (.docx)' }).getAttribute('href')).toBe(`/api/partnerships/1/board-paper.docx?period=${PERIOD}`);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('reads another twelve months with the period picker, and the tabs carry them', async () => {
    renderPage();
    await loaded();
    fireEvent.change(screen.getByLabelText('Type of period'), { target: { value: 'financial-year' } });
    fireEvent.change(screen.getByLabelText('Twelve months'), { target: { value: '2025-26' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(window.location.search).toBe('?period=2025-26');
    await screen.findByText('Financial year 2025-26 (Apr 2025–Mar 2026)', { selector: '.app-paper-period' });
    expect(sent.some((s) => s.path === '/api/partnerships/1/board-paper?period=2025-26')).toBe(true);
    const tabs = within(screen.getByRole('navigation', { name: 'Partnership sections' })).getAllByRole('link');
    expect(tabs.map((t) => t.getAttribute('href'))).toEqual(['/partnerships/1?period=2025-26', '/partnerships/1/plan?period=2025-26', '/partnerships/1/paper?period=2025-26']);
    expect(screen.getByRole('link', { name: 'Download Word document (.docx)' }).getAttribute('href')).toBe('/api/partnerships/1/board-paper.docx?period=2025-26');
  });

  it('switches partnership to the same section and period', async () => {
    renderPage('/partnerships/1/paper?period=2025-26');
    await screen.findByText('Financial year 2025-26 (Apr 2025–Mar 2026)', { selector: '.app-paper-period' });
    fireEvent.change(await screen.findByLabelText('Partnership'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    expect(window.location.pathname + window.location.search).toBe('/partnerships/4/paper?period=2025-26');
  });
});

describe('recording the paper as issued', () => {
  it('is not offered to a board member', async () => {
    renderPage();
    await loaded();
    await waitFor(() => expect(sent.some((s) => s.path === '/api/auth/me')).toBe(true));
    expect(screen.queryByRole('button', { name: 'Record this paper as issued' })).toBeNull();
  });

  it('tells an analyst their copy is not for circulation, asks first, then records it and says so', async () => {
    role = 'analyst';
    papers[''] = testPaper({ disclosure: { view: 'unsuppressed', threshold: 5 } });
    renderPage();
    await loaded();
    expect(document.querySelector('.app-paper-unsuppressed')!.textContent).toBe(
      '!Warning: Not for circulation. This copy shows unsuppressed figures, including counts from 1 to 4. Send the board a board member’s copy.',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Record this paper as issued' }));
    expect(screen.getByText(/^Record the paper for 12 months to Sep 2026 .+ as issued to the board\?/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Yes, record it as issued');
    // Cancelling sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    const reads = paperReads();
    papers[''] = testPaper({ disclosure: { view: 'unsuppressed', threshold: 5 }, lastIssued: ISSUED });
    fireEvent.click(screen.getByRole('button', { name: 'Record this paper as issued' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, record it as issued' }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Paper recorded as issued');
    expect(banner.textContent).toContain('The paper for 12 months to Sep 2026 (Oct 2025–Sep 2026) was recorded as issued by Demo analyst on 22 November 2026 at 12:00, with 12 figures.');
    expect(document.activeElement).toBe(banner);
    expect(sent.filter((s) => s.method === 'POST')).toEqual([{ method: 'POST', path: '/api/partnerships/1/board-papers', csrf: 'token-1', body: { period: PERIOD } }]);
    // The paper is read afresh: "revised since" now compares with this one.
    expect(paperReads()).toBe(reads + 1);
    await screen.findByText('No figure shown in the paper issued on 22 November 2026 has changed since.');
  });

  it('shows a refusal in the server’s words, and records nothing', async () => {
    role = 'analyst';
    issue = () => ({ status: 403, body: { statusCode: 403, error: 'Forbidden', code: 'forbidden', message: 'You are not an analyst of this partnership.' } });
    renderPage();
    await loaded();
    fireEvent.click(await screen.findByRole('button', { name: 'Record this paper as issued' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, record it as issued' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The paper was not recorded as issuedYou are not an analyst of this partnership.');
    expect(screen.queryByText('Paper recorded as issued')).toBeNull();
  });
});

describe('a strategy read after it ended', () => {
  it('is a period whose last quarter is after March of the strategy’s last year', () => {
    expect(readAfterStrategyEnded('2019-20', '2025-26')).toBe(true);
    expect(readAfterStrategyEnded('2019-20', 'R12-2026-27Q2')).toBe(true);
    expect(readAfterStrategyEnded('2019-20', 'R12-2020-21Q1')).toBe(true);
    expect(readAfterStrategyEnded('2019-20', '2020')).toBe(true);
    expect(readAfterStrategyEnded('2019-20', '2019-20')).toBe(false);
    expect(readAfterStrategyEnded('2019-20', 'R12-2019-20Q4')).toBe(false);
    expect(readAfterStrategyEnded('2019-20', '2019')).toBe(false);
    expect(readAfterStrategyEnded('2019-20', '2016-17')).toBe(false);
    expect(readAfterStrategyEnded('2019-20', 'not a period')).toBe(false);
  });
});
