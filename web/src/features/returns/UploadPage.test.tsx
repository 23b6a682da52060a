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

beforeEach(() => {
  uploads = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (path.startsWith('/api/returns/')) {
        uploads.push(`${init?.method} ${path}`);
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
