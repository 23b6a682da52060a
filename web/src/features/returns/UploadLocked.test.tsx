// A file that corrects an approved (locked) quarter (DOMAIN.md 5.8): the check names the approved
// quarters in an inset and asks why; the page will not send it without a reason, shows the
// server's 409 in the error summary if the reason is missing there, and sends the reason with the file.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import UploadPage, { reasonProblem } from './UploadPage';

const summary = { id: null, returnType: 'police', rows: 2, periods: ['2026-27Q1', '2026-27Q2'], areas: ['E09000004'] };
const locked = [{ area: 'E09000004', quarter: '2026-27Q1', approvedAt: '2026-08-05T10:00:00.000Z' }];
const REFUSAL = 'Nothing has been stored. This file corrects figures an analyst has approved (E09000004, 2026-27 Q1 (Apr–Jun 2026), approved on 5 August 2026).';
const REASON = 'Repeat victims were double counted.';

let sent: Array<{ path: string; reason: string | null; file: boolean }>;
let answer: (path: string, reason: string | null) => { status: number; body: unknown };

beforeEach(() => {
  sent = [];
  answer = (path) =>
    path.endsWith('?dryRun=true')
      ? { status: 200, body: { submission: summary, warnings: [], changes: [], clears: [], locked } }
      : { status: 201, body: { submission: { ...summary, id: 7 }, warnings: [], changes: [], clears: [], locked } };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (path.startsWith('/api/returns/')) {
        const form = init?.body as FormData;
        const reason = form.get('reason');
        sent.push({ path, reason: typeof reason === 'string' ? reason : null, file: form.get('file') !== null });
        const { status, body } = answer(path, typeof reason === 'string' ? reason : null);
        return json(body, status);
      }
      if (path === '/api/auth/me') return json({ user: { id: 1, name: 'P', email: 'p@example.test', role: 'partner', organisation: { id: 1, name: 'Met' }, grants: [] }, csrfToken: 't' });
      if (path === '/api/areas') return json({ areas: [] });
      return json({ message: 'not here' }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderAndCheck() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <UploadPage params={{ type: 'police' }} />
    </QueryClientProvider>,
  );
  const file = new File(['period,area_code\n'], 'return.xlsx');
  fireEvent.change(screen.getByLabelText('Choose your file'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
}

describe('correcting approved figures', () => {
  it('names the approved quarters after the check and asks why, in a required textarea', async () => {
    renderAndCheck();
    expect(await screen.findByText('return.xlsx is ready to send')).toBeTruthy();
    const inset = document.querySelector('.govuk-inset-text')!;
    expect(inset.textContent).toContain('This file corrects figures an analyst has approved:');
    expect(inset.textContent).toContain('2026-27 Q1 (Apr–Jun 2026), approved on 5 August 2026');
    const box = screen.getByLabelText('Why are you correcting approved figures?') as HTMLTextAreaElement;
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.required).toBe(true);
  });

  it('will not send without a reason, then sends the reason with the file', async () => {
    renderAndCheck();
    fireEvent.click(await screen.findByRole('button', { name: 'Send the return' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Enter why you are correcting approved figures');
    expect(screen.getByRole('link', { name: 'Enter why you are correcting approved figures' }).getAttribute('href')).toBe('#correction-reason');
    expect(document.getElementById('correction-reason-error')?.textContent).toBe('Error: Enter why you are correcting approved figures');
    expect(sent.map((s) => s.path)).toEqual(['/api/returns/police?dryRun=true']);

    fireEvent.change(screen.getByLabelText('Why are you correcting approved figures?'), { target: { value: `  ${REASON} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the return' }));
    expect(await screen.findByText('Return received')).toBeTruthy();
    expect(sent.at(-1)).toEqual({ path: '/api/returns/police', reason: REASON, file: true });
    expect(document.body.textContent).toContain('It corrected approved figures: your reason is kept with them');
  });

  it('shows the server’s 409 in the error summary, with the quarters it names, when an approval came after the check', async () => {
    answer = (path, reason) =>
      path.endsWith('?dryRun=true')
        ? { status: 200, body: { submission: summary, warnings: [], changes: [], clears: [], locked: [] } }
        : reason
          ? { status: 201, body: { submission: { ...summary, id: 8 }, warnings: [], changes: [], clears: [], locked } }
          : { status: 409, body: { statusCode: 409, error: 'Conflict', message: REFUSAL, code: 'quarter-approved', locked } };
    renderAndCheck();
    expect(await screen.findByText('return.xlsx is ready to send')).toBeTruthy();
    expect(screen.queryByLabelText('Why are you correcting approved figures?')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send the return' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(REFUSAL);
    expect(screen.getByRole('link', { name: REFUSAL }).getAttribute('href')).toBe('#correction-reason');
    expect(document.querySelector('.govuk-inset-text')?.textContent).toContain('approved on 5 August 2026');

    fireEvent.change(screen.getByLabelText('Why are you correcting approved figures?'), { target: { value: REASON } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the return' }));
    expect(await screen.findByText('Return received')).toBeTruthy();
    await waitFor(() => expect(sent.at(-1)?.reason).toBe(REASON));
  });

  it('asks for 10 to 1,000 characters', () => {
    expect(reasonProblem('   ')).toBe('Enter why you are correcting approved figures');
    expect(reasonProblem('too short')).toBe('Why you are correcting approved figures must be 10 characters or more');
    expect(reasonProblem('x'.repeat(1001))).toBe('Why you are correcting approved figures must be 1,000 characters or fewer');
    expect(reasonProblem(REASON)).toBeNull();
  });
});
