// A partner's template links say which period the pre-filled template is for: the latest quarter
// that has ended for a quarterly return, the latest financial year for a yearly one.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calendarOf } from '../../../../schemas/returns/frequency';
import { findReturnType } from '../../lib/return-types';
import { TemplateLinks } from './TemplateLinks';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (path === '/api/auth/me') {
        const grants = [
          { returnType: 'police', areaCode: 'E06000060' },
          { returnType: 'safe-accommodation', areaCode: 'E06000060' },
          { returnType: 'safe-accommodation', areaCode: 'E10000025' },
        ];
        return json({ user: { id: 1, name: 'P', email: 'p@example.test', role: 'partner', organisation: { id: 1, name: 'Org' }, grants }, csrfToken: 't' });
      }
      return json({ message: 'not here' }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderLinks(type: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TemplateLinks info={findReturnType(type)!} />
    </QueryClientProvider>,
  );
}

describe('TemplateLinks', () => {
  it('names the latest quarter that has ended for a quarterly return', async () => {
    renderLinks('police');
    const quarterly = calendarOf('quarterly');
    const text = await screen.findByText(/the latest quarter that has ended/);
    expect(text.textContent).toContain(`row for each of your 1 area for ${quarterly.label(quarterly.latestEnded(new Date()))}, the latest quarter`);
  });

  it('names the latest financial year for a yearly return', async () => {
    renderLinks('safe-accommodation');
    const yearly = calendarOf('yearly');
    const text = await screen.findByText(/the latest financial year that has ended/);
    expect(text.textContent).toContain(`row for each of your 2 areas for ${yearly.label(yearly.latestEnded(new Date()))}`);
    expect(text.textContent).not.toContain('quarter');
  });
});
