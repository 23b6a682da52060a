// The partnerships administration against a fake server that fails on any request it does not
// expect: the list in words; a new partnership checked before sending, then sent with its areas
// in the order chosen, the benchmark left to the server and its members; the API's 409 and 400
// shown on the field they are about; a change sent as a PATCH; and the audit trail's action
// filter offering every action the server records.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_ACTIONS } from '../../../../schemas/audit-actions';
import type { Partnership } from '../../../../schemas/strategy-api';
import { AuditSection } from './AuditSection';
import { PartnershipsSection } from './PartnershipsSection';

const AREAS = [
  { code: 'E92000001', name: 'England', type: 'country', parents: [], computedFromChildren: true, defaultBenchmark: null, benchmarkChoices: [], children: [] },
  { code: 'E23000029', name: 'Thames Valley', type: 'police-force-area', parents: ['E92000001'], computedFromChildren: true, defaultBenchmark: 'E92000001', benchmarkChoices: ['E92000001'], children: [] },
  { code: 'E12000007', name: 'London', type: 'region', parents: ['E92000001'], computedFromChildren: true, defaultBenchmark: 'E92000001', benchmarkChoices: ['E92000001'], children: [] },
  { code: 'E06000038', name: 'Reading', type: 'local-authority', parents: ['E23000029'], computedFromChildren: false, defaultBenchmark: 'E23000029', benchmarkChoices: ['E23000029', 'E92000001'], children: [] },
  { code: 'E06000041', name: 'Wokingham', type: 'local-authority', parents: ['E23000029'], computedFromChildren: false, defaultBenchmark: 'E23000029', benchmarkChoices: ['E23000029', 'E92000001'], children: [] },
  { code: 'E09000004', name: 'Bexley', type: 'local-authority', parents: ['E12000007'], computedFromChildren: false, defaultBenchmark: 'E12000007', benchmarkChoices: ['E12000007', 'E92000001'], children: [] },
];

const user = (id: number, name: string, role: string, disabled = false) => ({ id, name, email: `${name.split(' ')[0].toLowerCase()}@example.test`, role, organisation: null, disabled, lockedUntil: null, createdAt: '2026-01-01T00:00:00Z' });
const USERS = [user(1, 'Ada Admin', 'admin'), user(2, 'Bea Board', 'board'), user(3, 'Ann Analyst', 'analyst'), user(4, 'Pat Partner', 'partner'), user(5, 'Dee Disabled', 'board', true)];

const BEXLEY: Partnership = {
  id: 4,
  name: 'Bexley Domestic Abuse Partnership',
  areas: ['E09000004'],
  benchmark: 'E12000007',
  strategies: [{ id: 9, title: 'Bexley DA Strategy', from: '2021-22', to: '2025-26' }],
  members: [{ id: 2, name: 'Bea Board', email: 'bea@example.test', role: 'board' }],
};

interface Sent {
  method: string;
  path: string;
  body: unknown;
}
let sent: Sent[];
let answers: Record<string, (body: unknown) => { status: number; body: unknown }>;
let partnerships: Partnership[];

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  sent = [];
  answers = {};
  partnerships = [BEXLEY];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path, body });
      if (method === 'GET' && path === '/api/partnerships') return json({ partnerships });
      if (method === 'GET' && path === '/api/admin/users') return json({ items: USERS });
      if (method === 'GET' && path === '/api/areas') return json({ areas: AREAS });
      if (method === 'GET' && path.startsWith('/api/admin/audit')) return json({ total: 0, items: [] });
      const answer = answers[`${method} ${path}`];
      if (!answer) throw new Error(`unexpected request ${method} ${path}`);
      const reply = answer(body);
      return json(reply.body, reply.status);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderSection(node = <PartnershipsSection />) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

const newForm = () => within(screen.getByRole('form', { name: 'Set up a partnership' }));
const edits = () => sent.filter((s) => s.method !== 'GET');

describe('the partnerships administration', () => {
  it('lists each partnership with its areas, benchmark, members and strategy versions in words', async () => {
    renderSection();
    const row = within((await screen.findByRole('rowheader', { name: BEXLEY.name })).closest('tr')!);
    expect(row.getAllByRole('cell').map((c) => c.textContent)).toEqual(['Bexley', 'London', 'Bea Board', 'Bexley DA Strategy (2021-22 to 2025-26)', `Change ${BEXLEY.name}Edit strategy of ${BEXLEY.name}`]);
    expect(row.getByRole('link', { name: `Edit strategy of ${BEXLEY.name}` }).getAttribute('href')).toBe('/partnerships/4/strategy/edit');
  });

  it('offers only board members and analysts who can sign in as members', async () => {
    renderSection();
    await screen.findByRole('form', { name: 'Set up a partnership' });
    const members = within(newForm().getByRole('group', { name: 'Members' }));
    expect(members.getAllByRole('checkbox').map((c) => c.parentElement!.textContent)).toEqual(['Ann Analyst, analyst ann@example.test', 'Bea Board, board member bea@example.test']);
  });

  it('says what is missing before sending anything, each problem linked to its field', async () => {
    renderSection();
    await screen.findByRole('form', { name: 'Set up a partnership' });
    fireEvent.click(newForm().getByRole('button', { name: 'Set up partnership' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Enter the partnership’s name', '#new-partnership-name'],
      ['Choose at least one local authority the partnership covers', '#new-partnership-areas'],
    ]);
    expect(newForm().getByLabelText('Name').getAttribute('aria-describedby')).toContain('new-partnership-name-error');
    expect(newForm().getByRole('group', { name: 'Local authorities it covers' }).getAttribute('aria-describedby')).toContain('new-partnership-areas-error');
    expect(edits()).toEqual([]);
  });

  it('filters the authorities, keeps the order chosen, and leaves the benchmark to the server unless one is chosen', async () => {
    answers['POST /api/partnerships'] = (body) => {
      const created = { ...(body as Partnership), id: 8, benchmark: 'E23000029', strategies: [], members: [] };
      partnerships = [...partnerships, created];
      return { status: 201, body: created };
    };
    renderSection();
    await screen.findByRole('form', { name: 'Set up a partnership' });
    fireEvent.change(newForm().getByLabelText('Name'), { target: { value: '  Reading and Wokingham  ' } });
    const filter = newForm().getByLabelText('Filter the local authorities by name or code');
    fireEvent.change(filter, { target: { value: 'wok' } });
    expect(newForm().getAllByRole('checkbox', { name: /E0600|E0900/ }).map((c) => c.id)).toEqual(['new-partnership-area-E06000041']);
    fireEvent.click(newForm().getByRole('checkbox', { name: /^Wokingham/ }));
    fireEvent.change(filter, { target: { value: 'E06000038' } });
    fireEvent.click(newForm().getByRole('checkbox', { name: /^Reading/ }));
    expect(newForm().getByText('Chosen: Wokingham and Reading. 1 authority match “E06000038”.')).toBeTruthy();
    // The default follows the first area chosen; only the chosen areas' comparators are offered.
    const benchmark = newForm().getByLabelText('Default benchmark') as HTMLSelectElement;
    expect([...benchmark.options].map((o) => o.textContent)).toEqual(['As for Wokingham: Thames Valley', 'Thames Valley', 'England']);
    fireEvent.click(newForm().getByRole('checkbox', { name: /^Bea Board/ }));
    fireEvent.click(newForm().getByRole('button', { name: 'Set up partnership' }));
    expect(await screen.findByText('Reading and Wokingham is set up.')).toBeTruthy();
    expect(edits()).toEqual([{ method: 'POST', path: '/api/partnerships', body: { name: 'Reading and Wokingham', areas: ['E06000041', 'E06000038'], members: [2] } }]);
    expect((newForm().getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('link', { name: 'edit its strategy' }).getAttribute('href')).toBe('/partnerships/8/strategy/edit');
  });

  it('shows the API’s 409 on the name and its 400 on the members, in its words', async () => {
    let reply = { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'There is already a partnership called "Bexley Domestic Abuse Partnership".', code: 'name-taken' } };
    answers['POST /api/partnerships'] = () => reply;
    renderSection();
    await screen.findByRole('form', { name: 'Set up a partnership' });
    fireEvent.change(newForm().getByLabelText('Name'), { target: { value: BEXLEY.name } });
    fireEvent.click(newForm().getByRole('checkbox', { name: /^Bexley/ }));
    fireEvent.click(newForm().getByRole('button', { name: 'Set up partnership' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#new-partnership-name');
    expect(document.getElementById('new-partnership-name-error')!.textContent).toBe('Error: There is already a partnership called "Bexley Domestic Abuse Partnership".');

    reply = { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Only board members and analysts belong to a partnership; user 4 (partner) is not one.', code: 'invalid-member' } };
    fireEvent.click(newForm().getByRole('button', { name: 'Set up partnership' }));
    await waitFor(() => expect(document.getElementById('new-partnership-members-error')?.textContent).toBe('Error: Only board members and analysts belong to a partnership; user 4 (partner) is not one.'));
    expect(document.getElementById('new-partnership-name-error')).toBeNull();
  });

  it('changes a partnership with a PATCH of everything the form holds', async () => {
    answers['PATCH /api/partnerships/4'] = (body) => ({ status: 200, body: { ...BEXLEY, ...(body as object) } });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: `Change ${BEXLEY.name}` }));
    const form = within(screen.getByRole('form', { name: `Change ${BEXLEY.name}` }));
    expect(document.activeElement?.textContent).toBe(`Change ${BEXLEY.name}`);
    // A partnership's benchmark is always one area: no "default" to fall back on.
    expect([...(form.getByLabelText('Default benchmark') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['E12000007', 'E92000001']);
    fireEvent.change(form.getByLabelText('Default benchmark'), { target: { value: 'E92000001' } });
    fireEvent.click(form.getByRole('checkbox', { name: /^Ann Analyst/ }));
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(`${BEXLEY.name} is saved.`)).toBeTruthy();
    expect(edits()).toEqual([{ method: 'PATCH', path: '/api/partnerships/4', body: { name: BEXLEY.name, areas: ['E09000004'], members: [2, 3], benchmark: 'E92000001' } }]);
    expect(screen.queryByRole('form', { name: `Change ${BEXLEY.name}` })).toBeNull();
  });
});

describe('the audit trail’s action filter', () => {
  it('offers every action the server records, the partnership and strategy ones among them', async () => {
    renderSection(<AuditSection />);
    const select = (await screen.findByLabelText('Action')) as HTMLSelectElement;
    const offered = [...select.options].map((o) => o.value).filter(Boolean);
    expect(offered).toEqual([...AUDIT_ACTIONS]);
    for (const action of ['partnership-create', 'strategy-update', 'action-import', 'commentary-revise', 'board-paper-issue', 'security-alert', 'backup', 'restore', 'audit-retention']) expect(offered).toContain(action);
  });
});
