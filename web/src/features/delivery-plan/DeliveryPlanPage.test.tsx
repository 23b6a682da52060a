// The delivery plan page against a fake server that fails on any request it does not expect: a
// board member reads the plan (and gets no edit controls, nor the strategy request only editors
// need); the filters; an analyst reports progress, edits (the API's 400 shown on its field),
// deletes after confirming, and imports a spreadsheet after a dry run. Edits carry the CSRF token
// and are followed by a fresh read of the plan; focus goes to what changed.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryPlan, PlanAction } from '../../../../schemas/actions-api';
import { navigate } from '../../app/router';
import DeliveryPlanPage from './DeliveryPlanPage';
import { ACTIONS, PREVENTION, PROVISION, testPlan } from './test-plan';

type Role = 'board' | 'analyst';
interface Sent {
  method: string;
  path: string;
  csrf: string | null;
  body: unknown;
}

let role: Role;
let plan: DeliveryPlan;
let sent: Sent[];
/** Answers for edits, by "METHOD path"; a missing one fails the test. */
let answers: Record<string, (body: unknown) => { status: number; body: unknown }>;

const STRATEGY_VIEW = {
  aims: [
    { ...PREVENTION, measures: [{ id: 19, indicatorTitle: 'Domestic abuse incidents per 1,000 people', areaName: 'Oxfordshire' }] },
    { ...PROVISION, measures: [{ id: 21, indicatorTitle: 'IDVA referrals engaging with support', areaName: 'Oxfordshire' }] },
  ],
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  role = 'board';
  plan = testPlan();
  sent = [];
  answers = {};
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const headers = (init.headers ?? {}) as Record<string, string>;
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body instanceof FormData ? 'form' : undefined;
      sent.push({ method, path, csrf: headers['x-csrf-token'] ?? null, body });
      if (path === '/api/auth/me') return json({ user: { id: 2, name: 'Demo', email: 'd@example.test', role, organisation: null, grants: [] }, csrfToken: 'token-1' });
      if (method === 'GET' && path === '/api/partnerships/3/actions') return json(plan);
      if (method === 'GET' && path === '/api/partnerships/3/strategy?strategy=3') return json(STRATEGY_VIEW);
      const answer = answers[`${method} ${path}`];
      if (!answer) throw new Error(`unexpected request ${method} ${path}`);
      const reply = answer(body);
      return json(reply.body, reply.status);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

/** Renders the page at an address (the router reads an address that changes under a rendered page). */
function renderPage(address = '/partnerships/3/plan') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <DeliveryPlanPage params={{ id: '3' }} />
    </QueryClientProvider>,
  );
  act(() => navigate(address, { replace: true }));
  return view;
}

/** The page once the plan is on it. */
async function loaded() {
  await screen.findByText(/^5 actions/);
  return screen;
}

const card = (title: string) => screen.getByRole('article', { name: title });
const edits = () => sent.filter((s) => s.method !== 'GET');
const planReads = () => sent.filter((s) => s.method === 'GET' && s.path === '/api/partnerships/3/actions').length;

/** The plan as the server holds it after an edit: one action replaced. */
function withAction(changed: PlanAction): DeliveryPlan {
  return testPlan(plan.actions.map((a) => (a.id === changed.id ? changed : a)));
}

describe('a board member', () => {
  it('reads the summary, the aims in order and each action in words, with no edit controls', async () => {
    role = 'board';
    renderPage();
    expect(await screen.findByText('5 actions: 1 complete, 1 on track, 1 at risk, 1 off track and 1 not yet assessed. 2 are overdue.')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Aim 1: Prevention (1 action)', 'Aim 2: Provision (3 actions)', 'Not linked to an aim (1 action)']);

    const training = within(card('Run the training programme'));
    expect(training.getByText('Complete')).toBeTruthy();
    expect(training.getByText('✓').getAttribute('aria-hidden')).toBe('true');
    expect(training.getByRole('heading', { level: 4 }).textContent).toBe('Latest update: 21 April 2020, by Demo analyst');
    expect(training.getByText('Programme delivered for 2019-20.')).toBeTruthy();
    expect(training.getByText('The earlier update')).toBeTruthy();
    expect(training.getByText('Oxfordshire County Council, DA Co-ordinator')).toBeTruthy();
    expect(training.getByText('31 March 2020')).toBeTruthy();

    const recovery = within(card('Map recovery programmes'));
    expect(recovery.getByText('At risk')).toBeTruthy();
    expect(recovery.getByText('Overdue: due 30 September 2026')).toBeTruthy();
    expect(recovery.getByText('No progress reported yet.')).toBeTruthy();
    expect(within(card('Manage the co-commissioned services')).getByText('IDVA referrals engaging with support')).toBeTruthy();

    expect(screen.queryByRole('button', { name: /Edit|Delete|progress update|Add an action|Import/ })).toBeNull();
    expect(sent.some((s) => s.path.includes('/strategy'))).toBe(false);
  });

  it('is told when the plan has no actions yet, with no filters to use', async () => {
    plan = testPlan([]);
    renderPage();
    expect(await screen.findByText('The plan has no actions yet.')).toBeTruthy();
    expect(screen.getByText('When the partnership’s analysts add the plan’s actions, they are listed here.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Filter the actions' })).toBeNull();
  });

  it('filters to the overdue actions, overdue first, and says what is shown', async () => {
    renderPage();
    await screen.findByText(/^5 actions/);
    expect(screen.getByRole('status').textContent).toBe('Showing all 5 actions.');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'open' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show actions' }));
    expect(window.location.search).toBe('?status=open');
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'))).toEqual(['action-4', 'action-2', 'action-3', 'action-5']);

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Overdue only'));
    fireEvent.change(screen.getByLabelText('Aim'), { target: { value: String(PROVISION.id) } });
    fireEvent.click(screen.getByRole('button', { name: 'Show actions' }));
    expect(new URLSearchParams(window.location.search).toString()).toBe('overdue=true&aim=11');
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'))).toEqual(['action-4', 'action-2']);
    expect(screen.getByRole('status').textContent).toBe('Showing 2 of 5 actions: overdue only, Aim 2: Provision.');
    // The summary still counts the whole plan, and the plan was read once: filtering is on the page.
    expect(screen.getByText(/^5 actions/)).toBeTruthy();
    expect(planReads()).toBe(1);

    fireEvent.click(screen.getByRole('link', { name: 'Clear filters' }));
    expect(window.location.search).toBe('');
    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect((screen.getByLabelText('Overdue only') as HTMLInputElement).checked).toBe(false);
  });
});

describe('an analyst', () => {
  beforeEach(() => {
    role = 'analyst';
  });

  it('adds a progress update dated today by default, with a new status, and focus returns to the action', async () => {
    answers['POST /api/partnerships/3/actions/2/updates'] = (body) => {
      const b = body as { on: string; text: string; status: PlanAction['status'] };
      const changed = { ...ACTIONS[1], status: b.status, overdue: true, updates: [{ id: 9, on: b.on, text: b.text, author: { id: 2, name: 'Demo analyst' }, createdAt: '2026-11-22T12:00:00Z' }] };
      plan = withAction(changed);
      return { status: 201, body: changed };
    };
    renderPage();
    fireEvent.click((await loaded()).getByRole('button', { name: 'Add a progress update on “Map recovery programmes”' }));
    const form = within(card('Map recovery programmes'));
    expect(document.activeElement?.textContent).toBe('Add a progress update');
    expect((form.getByLabelText('Date of the update') as HTMLInputElement).value).toBe('2026-11-22');

    fireEvent.click(form.getByRole('button', { name: 'Add the update' }));
    expect(await form.findByRole('link', { name: 'Enter what has happened' })).toBeTruthy();
    expect(edits()).toEqual([]);

    fireEvent.change(form.getByLabelText('What has happened'), { target: { value: 'Mapping finished for two districts of five.' } });
    fireEvent.change(form.getByLabelText('Status from now on'), { target: { value: 'off-track' } });
    const reads = planReads();
    fireEvent.click(form.getByRole('button', { name: 'Add the update' }));

    await waitFor(() => expect(document.activeElement?.id).toBe('action-2'));
    expect(edits()).toEqual([{ method: 'POST', path: '/api/partnerships/3/actions/2/updates', csrf: 'token-1', body: { on: '2026-11-22', text: 'Mapping finished for two districts of five.', status: 'off-track' } }]);
    expect(planReads()).toBe(reads + 1);
    const after = within(card('Map recovery programmes'));
    expect(after.getByText('Off track')).toBeTruthy();
    expect(after.getByRole('heading', { level: 4 }).textContent).toBe('Latest update: 22 November 2026, by Demo analyst');
    expect(after.getByText('Progress update of 22 November 2026 added.')).toBeTruthy();
    expect(after.queryByLabelText('What has happened')).toBeNull();
  });

  it('says so in a banner, and focuses it, when the filters hide the action just saved', async () => {
    answers['POST /api/partnerships/3/actions/2/updates'] = (body) => {
      const b = body as { on: string; text: string };
      const changed = { ...ACTIONS[1], status: 'complete' as const, overdue: false, updates: [{ id: 9, on: b.on, text: b.text, author: { id: 2, name: 'Demo analyst' }, createdAt: '2026-11-22T12:00:00Z' }] };
      plan = withAction(changed);
      return { status: 201, body: changed };
    };
    renderPage('/partnerships/3/plan?overdue=true');
    fireEvent.click((await loaded()).getByRole('button', { name: 'Add a progress update on “Map recovery programmes”' }));
    expect(screen.getAllByRole('article')).toHaveLength(2);
    const form = within(card('Map recovery programmes'));
    fireEvent.change(form.getByLabelText('What has happened'), { target: { value: 'Mapping finished.' } });
    fireEvent.change(form.getByLabelText('Status from now on'), { target: { value: 'complete' } });
    fireEvent.click(form.getByRole('button', { name: 'Add the update' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('plan-saved-banner'));
    expect(screen.getByRole('alert').textContent).toContain('Progress update of 22 November 2026 added: “Map recovery programmes”. The filters chosen now hide it.');
    expect(screen.queryByRole('article', { name: 'Map recovery programmes' })).toBeNull();
  });

  it('edits an action: the API’s 400 shows on its field, then only the changed fields are sent', async () => {
    let calls = 0;
    answers['PATCH /api/partnerships/3/actions/3'] = (body) => {
      calls++;
      if (calls === 1) return { status: 400, body: { statusCode: 400, error: 'Bad Request', code: 'invalid-due', message: '2027-02-30 is not a day of the calendar.' } };
      const changed = { ...ACTIONS[2], ...(body as object) };
      plan = withAction(changed);
      return { status: 200, body: changed };
    };
    renderPage();
    fireEvent.click((await loaded()).getByRole('button', { name: 'Edit “Manage the co-commissioned services”' }));
    const form = within(card('Manage the co-commissioned services'));
    expect((form.getByLabelText('Measure (optional)') as HTMLSelectElement).value).toBe('21');
    fireEvent.change(form.getByLabelText('Status'), { target: { value: 'at-risk' } });
    fireEvent.change(form.getByLabelText('Due date (optional)'), { target: { value: '2027-03-31' } });
    fireEvent.click(form.getByRole('button', { name: 'Save the changes' }));

    const link = await form.findByRole('link', { name: '2027-02-30 is not a day of the calendar.' });
    expect(link.getAttribute('href')).toBe('#action-3-edit-due');
    expect(document.getElementById('action-3-edit-due-error')?.textContent).toBe('Error: 2027-02-30 is not a day of the calendar.');
    expect(form.getByLabelText('Due date (optional)').getAttribute('aria-describedby')).toContain('action-3-edit-due-error');

    // Choosing another aim drops a measure that is not that aim's.
    fireEvent.change(form.getByLabelText('Aim'), { target: { value: String(PREVENTION.id) } });
    expect((form.getByLabelText('Measure (optional)') as HTMLSelectElement).value).toBe('');
    fireEvent.click(form.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('action-3'));
    expect(edits().map((e) => e.body)).toEqual([
      { due: '2027-03-31', status: 'at-risk' },
      { aim: PREVENTION.id, measure: null, due: '2027-03-31', status: 'at-risk' },
    ]);
    expect(edits().every((e) => e.csrf === 'token-1')).toBe(true);
    expect(within(card('Manage the co-commissioned services')).getByText('Changes saved.')).toBeTruthy();
  });

  it('says so when the action was removed by someone else, and shows the plan as it now is', async () => {
    answers['PATCH /api/partnerships/3/actions/3'] = () => {
      plan = testPlan(plan.actions.filter((a) => a.id !== 3));
      return { status: 404, body: { statusCode: 404, error: 'Not Found', code: 'unknown-action', message: "Oxfordshire's delivery plan has no action 3." } };
    };
    renderPage();
    fireEvent.click((await loaded()).getByRole('button', { name: 'Edit “Manage the co-commissioned services”' }));
    fireEvent.change(within(card('Manage the co-commissioned services')).getByLabelText('Status'), { target: { value: 'complete' } });
    fireEvent.click(within(card('Manage the co-commissioned services')).getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('plan-saved-banner'));
    expect(screen.getByRole('alert').textContent).toBe('Important“Manage the co-commissioned services” is no longer in the plan: someone may have removed it. Nothing was saved.');
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Manage the co-commissioned services' })).toBeNull());
  });

  it('refuses a spreadsheet over 1 MB before sending it', async () => {
    renderPage();
    fireEvent.click((await loaded()).getByRole('button', { name: 'Import actions from a spreadsheet' }));
    const file = new File(['activity\n'], 'everything.xlsx');
    Object.defineProperty(file, 'size', { value: 1024 * 1024 + 1 });
    fireEvent.change(screen.getByLabelText('Choose the spreadsheet'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect((await screen.findByRole('link', { name: /must be smaller than 1 MB/ })).getAttribute('href')).toBe('#plan-file');
    expect(screen.getByLabelText('Choose the spreadsheet').getAttribute('aria-describedby')).toBe('plan-file-hint plan-file-error');
    expect(edits()).toEqual([]);
  });

  it('deletes an action only after confirming, and a cancel returns focus to the button', async () => {
    answers['DELETE /api/partnerships/3/actions/5'] = () => {
      plan = testPlan(plan.actions.filter((a) => a.id !== 5));
      return { status: 200, body: { id: 5, deleted: true } };
    };
    renderPage();
    const button = (await loaded()).getByRole('button', { name: 'Delete “Write the communications plan”' });
    fireEvent.click(button);
    fireEvent.click(within(card('Write the communications plan')).getByRole('button', { name: 'No, keep it' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete “Write the communications plan”' })));
    expect(edits()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete “Write the communications plan”' }));
    fireEvent.click(within(card('Write the communications plan')).getByRole('button', { name: 'Yes, delete this action' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('plan-saved-banner'));
    expect(screen.getByRole('alert').textContent).toContain('Action deleted: “Write the communications plan”.');
    expect(screen.queryByRole('article', { name: 'Write the communications plan' })).toBeNull();
    expect(edits()).toEqual([{ method: 'DELETE', path: '/api/partnerships/3/actions/5', csrf: 'token-1', body: undefined }]);
  });

  it('adds an action under the aim chosen, and focus goes to it', async () => {
    answers['POST /api/partnerships/3/strategies/3/actions'] = (body) => {
      const created = { ...ACTIONS[0], id: 30, updates: [], status: 'not-assessable' as const, due: '2027-03-31', ...(body as object), aim: PROVISION, measure: null };
      plan = testPlan([...plan.actions, created]);
      return { status: 201, body: created };
    };
    renderPage();
    fireEvent.click((await loaded()).getByRole('button', { name: 'Add an action' }));
    const form = within(screen.getByRole('form', { name: 'Add an action' }));
    fireEvent.change(form.getByLabelText('Activity'), { target: { value: 'Train GP practices' } });
    fireEvent.change(form.getByLabelText('Aim'), { target: { value: String(PROVISION.id) } });
    fireEvent.change(form.getByLabelText('Lead agency'), { target: { value: 'Oxfordshire CCG' } });
    fireEvent.change(form.getByLabelText('Timescale (optional)'), { target: { value: 'March 2027' } });
    fireEvent.click(form.getByRole('button', { name: 'Add the action' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('action-30'));
    expect(edits()[0].body).toEqual({ title: 'Train GP practices', aim: PROVISION.id, measure: null, leadAgency: 'Oxfordshire CCG', leadPerson: null, timescale: 'March 2027', status: 'not-assessable' });
  });

  it('imports a spreadsheet only after a dry run shows what it would add; a rejected file lists each problem by row and column', async () => {
    const preview = {
      dryRun: true,
      strategy: { id: 3, title: 'Oxfordshire Domestic Abuse Strategy 2019–2024' },
      rows: 1,
      created: [],
      actions: [{ row: 2, title: 'Train GP practices', aim: { ...PROVISION }, measure: null, leadAgency: 'Oxfordshire CCG', leadPerson: null, timescale: 'March 2027', due: '2027-03-31', status: 'on-track' }],
      warnings: [],
    };
    let checks = 0;
    answers['POST /api/partnerships/3/strategies/3/actions/import?dryRun=true'] = () => {
      checks++;
      return checks === 1
        ? { status: 422, body: { errors: [{ row: 3, column: 'lead', value: '', code: 'required', message: 'Write the lead agency.' }], warnings: [] } }
        : { status: 200, body: preview };
    };
    answers['POST /api/partnerships/3/strategies/3/actions/import'] = () => ({ status: 201, body: { ...preview, dryRun: false, created: [31] } });
    renderPage();
    fireEvent.click((await loaded()).getByRole('button', { name: 'Import actions from a spreadsheet' }));
    expect(screen.getByRole('link', { name: 'Download the CSV template' }).getAttribute('href')).toBe('/api/partnerships/3/actions/template.csv');
    const file = new File(['activity,lead\n'], 'plan.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Choose the spreadsheet'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    const problem = await screen.findByRole('link', { name: 'Row 3, column lead: Write the lead agency.' });
    expect(problem.getAttribute('href')).toBe('#import-row-3');
    const table = screen.getByRole('table', { name: 'Problems in plan.csv, row by row' });
    expect(within(table).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Row', 'Column', 'Value in your file', 'Problem'],
      ['3', 'lead', '', 'Write the lead agency.'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('heading', { name: 'plan.csv would add 1 action' })).toBeTruthy();
    const added = screen.getByRole('table', { name: 'The actions it would add' });
    expect([...within(added).getAllByRole('row')[1].children].map((c) => c.textContent)).toEqual(['2', 'Train GP practices', '2: Provision', 'None', 'Oxfordshire CCG', 'March 2027', '31 March 2027', 'On track']);
    expect(edits().map((e) => e.path)).toEqual(['/api/partnerships/3/strategies/3/actions/import?dryRun=true', '/api/partnerships/3/strategies/3/actions/import?dryRun=true']);

    const reads = planReads();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import 1 action' })));
    await waitFor(() => expect(document.activeElement?.id).toBe('plan-saved-banner'));
    expect(screen.getByRole('alert').textContent).toContain('1 action imported into the plan.');
    expect(edits().map((e) => [e.path, e.csrf, e.body])).toContainEqual(['/api/partnerships/3/strategies/3/actions/import', 'token-1', 'form']);
    expect(planReads()).toBe(reads + 1);
  });
});
