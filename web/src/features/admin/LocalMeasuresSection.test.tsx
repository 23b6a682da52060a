// The local measures administration against a fake server that fails on any request it does not
// expect: a partnership's measures listed in words; a new measure checked before sending, then
// sent whole with its senders; the API's 409 on the id and its 400 on the interval shown on
// their fields; a change sent as a PATCH of only what changed; and the 409 `arithmetic-fixed`
// put on the field that was changed, explained.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalMeasure } from '../../../../schemas/local-measures-api';
import type { Partnership } from '../../../../schemas/strategy-api';
import { LocalMeasuresSection } from './LocalMeasuresSection';

const BEXLEY: Partnership = { id: 4, name: 'Bexley Domestic Abuse Partnership', areas: ['E09000004'], benchmark: 'E12000007', strategies: [], members: [] };
const OXFORDSHIRE: Partnership = { id: 3, name: 'Oxfordshire Strategic Board', areas: ['E10000025'], benchmark: 'E23000029', strategies: [], members: [] };

const organisation = (id: number, name: string) => ({ id, name, kind: 'council', grants: [], users: 0, createdAt: '2026-01-01T00:00:00Z' });
const ORGANISATIONS = [organisation(16, 'Bexley Council communications team'), organisation(1, 'Thames Valley Police')];

const CAMPAIGN: LocalMeasure = {
  id: 'campaign-reach',
  indicator: 'local:4:campaign-reach',
  partnership: 4,
  title: 'Campaign reach',
  definition: 'Residents surveyed who recall the campaign.',
  unit: '%',
  aim: 'prevention-and-workforce',
  numerator: 'Residents who recall the campaign',
  denominator: 'Residents surveyed',
  multiplier: 100,
  polarity: 'higher-better',
  interval: 'wilson',
  organisations: [{ id: 16, name: 'Bexley Council communications team' }],
  hasFigures: true,
};

interface Sent {
  method: string;
  path: string;
  body: unknown;
}
let sent: Sent[];
let answers: Record<string, (body: unknown) => { status: number; body: unknown }>;
let measures: LocalMeasure[];
let oxfordshire: LocalMeasure[];

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  sent = [];
  answers = {};
  measures = [CAMPAIGN];
  oxfordshire = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path, body });
      if (method === 'GET' && path === '/api/partnerships') return json({ partnerships: [OXFORDSHIRE, BEXLEY] });
      if (method === 'GET' && path === '/api/admin/organisations') return json({ items: ORGANISATIONS });
      if (method === 'GET' && path === '/api/partnerships/4/local-measures') return json({ measures });
      if (method === 'GET' && path === '/api/partnerships/3/local-measures') return json({ measures: oxfordshire });
      const answer = answers[`${method} ${path}`];
      if (!answer) throw new Error(`unexpected request ${method} ${path}`);
      const reply = answer(body);
      return json(reply.body, reply.status);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderSection() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LocalMeasuresSection />
    </QueryClientProvider>,
  );
}

async function choose(partnership: Partnership) {
  fireEvent.change(await screen.findByLabelText('Partnership'), { target: { value: String(partnership.id) } });
  return within(await screen.findByRole('form', { name: `Define a measure for ${partnership.name}` }));
}

const edits = () => sent.filter((s) => s.method !== 'GET');
const errorText = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('the local measures administration', () => {
  it('lists the partnership’s measures in words, with a link to each one’s indicator page', async () => {
    renderSection();
    await choose(BEXLEY);
    const row = within((await screen.findByRole('rowheader', { name: /^Campaign reach/ })).closest('tr')!);
    expect(row.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Residents who recall the campaign out of residents surveyed, as a percentage',
      'Higher is better',
      'Wilson',
      'Bexley Council communications team',
      'Yes',
      'Change Campaign reach',
    ]);
    expect(row.getByRole('link', { name: 'Campaign reach' }).getAttribute('href')).toBe('/indicators/local%3A4%3Acampaign-reach?area=E09000004');
  });

  it('says a partnership has none yet, and what is wrong before sending anything', async () => {
    renderSection();
    const form = await choose(OXFORDSHIRE);
    expect(await screen.findByText('Oxfordshire Strategic Board has no measures of its own yet.')).toBeTruthy();
    fireEvent.change(form.getByLabelText('Id'), { target: { value: 'Champions Trained' } });
    fireEvent.click(form.getByRole('radio', { name: /^Wilson/ }));
    fireEvent.click(form.getByRole('button', { name: 'Define measure' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['The id must be lower-case letters and digits in words joined by hyphens, such as champions-trained', '#new-measure-id'],
      ['Enter the measure’s title', '#new-measure-title'],
      ['Enter the unit, such as champions or %', '#new-measure-unit'],
      ['Say what the numerator counts', '#new-measure-numerator'],
      ['A Wilson interval is for a share: choose exact Poisson for a count, or no interval', '#new-measure-interval'],
    ]);
    expect(form.getByLabelText('Id').getAttribute('aria-describedby')).toContain('new-measure-id-error');
    expect(form.getByRole('group', { name: 'Confidence interval' }).getAttribute('aria-describedby')).toContain('new-measure-interval-error');
    expect(edits()).toEqual([]);
  });

  it('defines a share with its senders, then lists it', async () => {
    answers['POST /api/partnerships/3/local-measures'] = (body) => {
      const b = body as LocalMeasure & { organisations: number[] };
      const created = { ...b, indicator: `local:3:${b.id}`, partnership: 3, definition: b.title, organisations: [{ id: 1, name: 'Thames Valley Police' }], hasFigures: false };
      oxfordshire = [created];
      return { status: 201, body: created };
    };
    renderSection();
    const form = await choose(OXFORDSHIRE);
    fireEvent.change(form.getByLabelText('Id'), { target: { value: ' sanctuary-visits ' } });
    fireEvent.change(form.getByLabelText('Title'), { target: { value: 'Sanctuary visits completed in time' } });
    fireEvent.change(form.getByLabelText('Unit'), { target: { value: '%' } });
    fireEvent.change(form.getByLabelText('Strategy aim'), { target: { value: 'safe-accommodation' } });
    fireEvent.change(form.getByLabelText('What the numerator counts'), { target: { value: 'Visits within five days' } });
    fireEvent.click(form.getByRole('radio', { name: /^Divided by a denominator/ }));
    fireEvent.change(form.getByLabelText('What the denominator counts'), { target: { value: 'Referrals for a visit' } });
    fireEvent.change(form.getByLabelText('Scale'), { target: { value: '100' } });
    fireEvent.click(form.getByRole('radio', { name: /^Wilson/ }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Thames Valley Police' }));
    fireEvent.click(form.getByRole('button', { name: 'Define measure' }));
    expect(await screen.findByText(/^Sanctuary visits completed in time is defined for Oxfordshire Strategic Board\./)).toBeTruthy();
    expect(edits()).toEqual([
      {
        method: 'POST',
        path: '/api/partnerships/3/local-measures',
        body: {
          id: 'sanctuary-visits',
          title: 'Sanctuary visits completed in time',
          unit: '%',
          aim: 'safe-accommodation',
          numerator: 'Visits within five days',
          denominator: 'Referrals for a visit',
          multiplier: 100,
          polarity: 'higher-better',
          interval: 'wilson',
          organisations: [1],
        },
      },
    ]);
    expect((form.getByLabelText('Id') as HTMLInputElement).value).toBe('');
    const row = within((await screen.findByRole('rowheader', { name: /^Sanctuary visits completed in time/ })).closest('tr')!);
    expect(row.getAllByRole('cell')[0].textContent).toBe('Visits within five days out of referrals for a visit, as a percentage');
  });

  it('shows the API’s 409 on the id and its 400 on the interval, in its words', async () => {
    let reply = { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Bexley Domestic Abuse Partnership already has a measure "campaign-reach"; change it (PATCH) instead.', code: 'measure-exists' } };
    answers['POST /api/partnerships/4/local-measures'] = () => reply;
    renderSection();
    const form = await choose(BEXLEY);
    fireEvent.change(form.getByLabelText('Id'), { target: { value: 'campaign-reach' } });
    fireEvent.change(form.getByLabelText('Title'), { target: { value: 'Campaign reach' } });
    fireEvent.change(form.getByLabelText('Unit'), { target: { value: 'residents' } });
    fireEvent.change(form.getByLabelText('What the numerator counts'), { target: { value: 'Residents who recall it' } });
    fireEvent.click(form.getByRole('button', { name: 'Define measure' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#new-measure-id');
    expect(errorText('new-measure-id')).toBe('Error: Bexley Domestic Abuse Partnership already has a measure "campaign-reach"; change it (PATCH) instead.');

    reply = { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'A Wilson interval is for a share, and this measure has no denominator.', code: 'invalid-measure' } };
    fireEvent.click(form.getByRole('button', { name: 'Define measure' }));
    await waitFor(() => expect(errorText('new-measure-interval')).toBe('Error: A Wilson interval is for a share, and this measure has no denominator.'));
    expect(errorText('new-measure-id')).toBeUndefined();
  });

  it('changes wording and senders with a PATCH of only what changed', async () => {
    answers['PATCH /api/partnerships/4/local-measures/campaign-reach'] = (body) => ({ status: 200, body: { ...CAMPAIGN, title: (body as { title: string }).title } });
    renderSection();
    await choose(BEXLEY);
    fireEvent.click(await screen.findByRole('button', { name: 'Change Campaign reach' }));
    const form = within(screen.getByRole('form', { name: 'Change Campaign reach' }));
    expect(document.activeElement?.textContent).toBe('Change Campaign reach');
    // Its figures are held: the page says its arithmetic is fixed before anything is sent.
    expect(form.getByText(/^Figures are already held for this measure/)).toBeTruthy();
    expect(form.queryByLabelText('Id')).toBeNull();
    fireEvent.change(form.getByLabelText('Title'), { target: { value: 'Awareness campaign reach' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Thames Valley Police' }));
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Awareness campaign reach is saved.')).toBeTruthy();
    expect(edits()).toEqual([{ method: 'PATCH', path: '/api/partnerships/4/local-measures/campaign-reach', body: { title: 'Awareness campaign reach', organisations: [16, 1] } }]);
  });

  it('explains the 409 arithmetic-fixed on the field that was changed', async () => {
    answers['PATCH /api/partnerships/4/local-measures/campaign-reach'] = () => ({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'Figures are already held for "Campaign reach", so its polarity cannot change: the figures were sent as the measure was defined. Define a new measure instead.', code: 'arithmetic-fixed' },
    });
    renderSection();
    await choose(BEXLEY);
    fireEvent.click(await screen.findByRole('button', { name: 'Change Campaign reach' }));
    const form = within(screen.getByRole('form', { name: 'Change Campaign reach' }));
    fireEvent.click(form.getByRole('radio', { name: 'Lower is better' }));
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#measure-campaign-reach-polarity');
    expect(errorText('measure-campaign-reach-polarity')).toContain('so its polarity cannot change');
    expect(errorText('measure-campaign-reach-polarity')).toContain('can still change; put the other fields back as they were.');
    expect(edits()).toEqual([{ method: 'PATCH', path: '/api/partnerships/4/local-measures/campaign-reach', body: { polarity: 'lower-better' } }]);
  });
});
