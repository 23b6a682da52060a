// The upload page refuses a file larger than the server accepts before reading or sending it:
// the partner sees a GOV.UK error at once, and nothing goes over the network.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../../schemas/uploads';
import UploadPage, { fileProblem } from './UploadPage';

/** A file that says it has `size` bytes, and counts every attempt to read it. */
function fileOfSize(size: number, name = 'return.csv') {
  const file = new File(['period,area_code\n'], name, { type: 'text/csv' });
  Object.defineProperty(file, 'size', { value: size });
  const reads = { count: 0 };
  // jsdom's File lacks some of these; each stands in for the real one and is counted.
  const contents = new TextEncoder().encode('period,area_code\n');
  const stand: Record<string, () => unknown> = {
    arrayBuffer: async () => contents.buffer,
    text: async () => 'period,area_code\n',
    stream: () => new Blob([contents]).stream?.(),
    slice: () => new Blob([contents]),
  };
  for (const [method, value] of Object.entries(stand)) {
    Object.defineProperty(file, method, { value: () => (reads.count++, value()) });
  }
  return { file, reads };
}

let uploads: string[];
/** What an upload answers, when a test needs more than a clean dry run. */
let answer: ((path: string) => { status: number; body: unknown }) | null;

beforeEach(() => {
  uploads = [];
  answer = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (path.startsWith('/api/returns/')) {
        uploads.push(`${init?.method} ${path}`);
        if (answer) {
          const { status, body } = answer(path);
          return json(body, status);
        }
        return json({ submission: { id: null, returnType: 'police', rows: 1, periods: ['2019-20Q3'], areas: ['E09000004'] }, warnings: [] });
      }
      if (path === '/api/auth/me') return json({ user: { id: 1, name: 'A', email: 'a@example.test', role: 'analyst', organisation: null, grants: [] }, csrfToken: 't' });
      if (path === '/api/areas') return json({ areas: [] });
      return json({ message: 'not here' }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <UploadPage params={{ type: 'police' }} />
    </QueryClientProvider>,
  );
}

function chooseAndCheck(file: File) {
  fireEvent.change(screen.getByLabelText('Choose your file'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
}

describe('fileProblem', () => {
  it('accepts a file of exactly the limit and refuses one byte more, by its size alone', () => {
    expect(fileProblem(fileOfSize(MAX_UPLOAD_BYTES).file)).toBeNull();
    expect(fileProblem(fileOfSize(MAX_UPLOAD_BYTES + 1).file)).toBe('The selected file must be smaller than 10 MB. Check it is the right file, or split the return into smaller files.');
    expect(fileProblem(null)).toBe('Choose the file to upload');
  });
});

describe('the upload page', () => {
  it('refuses an oversized file at once with a GOV.UK error, without reading or uploading it', async () => {
    renderPage();
    const { file, reads } = fileOfSize(MAX_UPLOAD_BYTES + 1);
    chooseAndCheck(file);

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('The selected file must be smaller than 10 MB');
    expect(screen.getByRole('link', { name: /must be smaller than 10 MB/ }).getAttribute('href')).toBe('#file');
    const input = screen.getByLabelText('Choose your file');
    expect(input.className).toContain('govuk-file-upload--error');
    expect(input.getAttribute('aria-describedby')).toBe('file-hint file-error');
    expect(document.getElementById('file-error')?.textContent).toBe('Error: The selected file must be smaller than 10 MB. Check it is the right file, or split the return into smaller files.');
    expect(screen.getByRole('button', { name: 'Check the file' })).toBeTruthy(); // not "Checking…"
    expect(reads.count).toBe(0);
    expect(uploads).toEqual([]);
  });

  it('sends a file within the limit (the check above is what stopped the upload)', async () => {
    renderPage();
    const { file } = fileOfSize(MAX_UPLOAD_BYTES);
    chooseAndCheck(file);
    await waitFor(() => expect(uploads).toEqual(['POST /api/returns/police?dryRun=true']));
    expect(await screen.findByText('return.csv is ready to send')).toBeTruthy();
    expect(document.getElementById('file-error')).toBeNull();
  });

  it('says how large a file may be before one is chosen', () => {
    renderPage();
    expect(document.getElementById('file-hint')?.textContent).toContain('smaller than 10 MB');
  });
});

describe('figures the file would change or clear', () => {
  const summary = { id: null, returnType: 'police', rows: 1, periods: ['2019-20Q3'], areas: ['E09000004'] };
  const base = { area: 'E09000004', period: '2019-20Q3', accommodationType: null, subkey: '' };
  const changes = [{ ...base, column: 'incidents', from: 1000, fromWithheld: false, to: 1001 }];
  const clears = [
    { ...base, column: 'crimes', from: 1513, fromWithheld: false, to: null },
    { ...base, column: 'arrests', from: null, fromWithheld: true, to: null },
  ];
  const refusal = 'Nothing has been stored. This file has blank cells where 2 figures are already held, and sending it would clear them.';

  beforeEach(() => {
    answer = (path) => {
      if (path.endsWith('?dryRun=true')) return { status: 200, body: { submission: summary, warnings: [], changes, clears } };
      if (path.endsWith('?confirmClear=true')) return { status: 201, body: { submission: { ...summary, id: 42 }, warnings: [], changes, clears } };
      return { status: 409, body: { statusCode: 409, error: 'Conflict', message: refusal, code: 'would-clear-figures', changes, clears, warnings: [] } };
    };
  });

  it('lists them after the check, with a tick box to clear, without quoting figures that are not the partner’s', async () => {
    renderPage();
    chooseAndCheck(fileOfSize(100).file);
    expect(await screen.findByText('return.csv is ready to send')).toBeTruthy();
    const cleared = screen.getByRole('table', { name: '2 figures the file would clear' });
    expect(cleared.textContent).toContain('crimes');
    expect(cleared.textContent).toContain('1,513');
    expect(cleared.textContent).toContain('A figure sent by someone outside your organisation (not shown)');
    expect(cleared.textContent).toContain('Blank (cleared)');
    const changed = screen.getByRole('table', { name: '1 figure the file would change' });
    expect(changed.textContent).toContain('1,000');
    expect(changed.textContent).toContain('1,001');
    expect(screen.getByText(/blank cells where 2 figures are already held/)).toBeTruthy();
    const box = screen.getByLabelText('I want to clear these figures') as HTMLInputElement;
    expect(box.checked).toBe(false);
  });

  it('without the tick, the send is refused with the server’s message and nothing is stored; with it, the figures are cleared', async () => {
    renderPage();
    chooseAndCheck(fileOfSize(100).file);
    fireEvent.click(await screen.findByRole('button', { name: 'Send the return' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(refusal);
    expect(screen.getByRole('link', { name: refusal }).getAttribute('href')).toBe('#confirm-clear');
    expect(document.getElementById('confirm-clear-error')?.textContent).toMatch(/Tick “I want to clear these figures”/);
    expect(uploads).toEqual(['POST /api/returns/police?dryRun=true', 'POST /api/returns/police']);

    fireEvent.click(screen.getByLabelText('I want to clear these figures'));
    fireEvent.click(screen.getByRole('button', { name: 'Send the return' }));
    expect(await screen.findByText('Return received')).toBeTruthy();
    expect(uploads.at(-1)).toBe('POST /api/returns/police?confirmClear=true');
    expect(document.body.textContent).toContain('It changed 1 figure already held and cleared 2 figures.');
  });

  it('a file that changes nothing held says so, and offers no tick box', async () => {
    answer = () => ({ status: 200, body: { submission: summary, warnings: [], changes: [], clears: [] } });
    renderPage();
    chooseAndCheck(fileOfSize(100).file);
    expect(await screen.findByText(/It changes no figure already held/)).toBeTruthy();
    expect(screen.queryByLabelText('I want to clear these figures')).toBeNull();
  });
});
