// A partnership's own measures in real Chromium against the real server and demo data (issue
// 13, item 3). The demo administrator defines a measure for Oxfordshire in administration (and
// is told on the id's field, in the API's words, when the id is taken); the demo board member
// opens Bexley's overview, finds "Campaign reach" under a heading of its own with the value the
// API holds, and follows it to its indicator page. Every page is scanned with axe-core. What is
// checked against the server is read from its API, not written here.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AreaSummarySchema } from '../../schemas/indicator-api';
import type { LocalMeasure } from '../../schemas/local-measures-api';
import type { Partnership } from '../../schemas/strategy-api';
import { DEMO, expectAccessible, settled, signIn } from './support/browser';
import { journey } from './support/journey';

type AreaSummary = z.infer<typeof AreaSummarySchema>;

/** The administrator's session, and the board member's. */
const journeyState = journey(2);

const OXFORDSHIRE = 'Oxfordshire Strategic Board for Domestic Abuse';
const BEXLEY = 'E09000004';
const SENDER = 'Thames Valley Police (demo)';
const MEASURE = { id: 'online-course-completed', title: 'Professionals who completed the online course', unit: 'professionals', numerator: 'Professionals who completed the online domestic abuse course' };

async function partnershipCalled(page: Page, name: string): Promise<Partnership> {
  const response = await page.request.get('/api/partnerships');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { partnerships: Partnership[] }).partnerships.find((p) => p.name === name)!;
}

async function measuresOf(page: Page, id: number): Promise<LocalMeasure[]> {
  const response = await page.request.get(`/api/partnerships/${id}/local-measures`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { measures: LocalMeasure[] }).measures;
}

describe('a partnership’s own measures', () => {
  it('the administrator defines a measure for Oxfordshire, and is told when its id is taken', async () => {
    const { page, errors } = journeyState.sessions[0];
    await signIn(page, DEMO.admin);
    await page.goto('/admin');
    await settled(page);
    await page.getByRole('link', { name: 'Local measures', exact: true }).click();
    await page.waitForURL('**/admin/local-measures');
    await settled(page);
    await expectAccessible(page, 'local measures administration');

    const oxfordshire = await partnershipCalled(page, OXFORDSHIRE);
    const before = await measuresOf(page, oxfordshire.id);
    await page.getByLabel('Partnership', { exact: true }).selectOption({ label: OXFORDSHIRE });
    const form = page.getByRole('form', { name: `Define a measure for ${OXFORDSHIRE}` });
    await form.waitFor();
    await settled(page);
    if (before.length === 0) await page.getByText(`${OXFORDSHIRE} has no measures of its own yet.`).waitFor();
    await form.getByLabel('Id', { exact: true }).fill(MEASURE.id);
    await form.getByLabel('Title', { exact: true }).fill(MEASURE.title);
    await form.getByLabel('Unit', { exact: true }).fill(MEASURE.unit);
    await form.getByLabel('What the numerator counts').fill(MEASURE.numerator);
    await form.getByRole('radio', { name: 'A count', exact: true }).check();
    await form.getByRole('radio', { name: /^Exact Poisson/ }).check();
    await form.getByRole('checkbox', { name: SENDER }).check();
    await expectAccessible(page, 'local measure form filled in');
    await form.getByRole('button', { name: 'Define measure' }).click();
    await page.getByRole('alert').filter({ hasText: `${MEASURE.title} is defined for ${OXFORDSHIRE}.` }).waitFor();

    // Stored as sent, and served at once as an indicator of the partnership.
    const created = (await measuresOf(page, oxfordshire.id)).find((m) => m.id === MEASURE.id)!;
    expect({ ...created, organisations: created.organisations.map((o) => o.name) }).toMatchObject({
      indicator: `local:${oxfordshire.id}:${MEASURE.id}`,
      title: MEASURE.title,
      unit: MEASURE.unit,
      numerator: MEASURE.numerator,
      denominator: null,
      multiplier: 1,
      interval: 'byar',
      organisations: [SENDER],
      hasFigures: false,
    });
    const catalogue = (await (await page.request.get('/api/indicators')).json()) as { indicators: Array<{ id: string; title: string }> };
    expect(catalogue.indicators.find((i) => i.id === created.indicator)?.title).toBe(MEASURE.title);
    // Listed in the table, with a link to its indicator page that keeps the id in one path segment.
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${MEASURE.title}`) }) });
    expect(await row.getByRole('link', { name: MEASURE.title }).getAttribute('href')).toBe(`/indicators/${encodeURIComponent(created.indicator)}?area=${oxfordshire.areas[0]}`);

    // The same id again: the API's 409, on the id's field.
    await form.getByLabel('Id', { exact: true }).fill(MEASURE.id);
    await form.getByLabel('Title', { exact: true }).fill('Again');
    await form.getByLabel('Unit', { exact: true }).fill(MEASURE.unit);
    await form.getByLabel('What the numerator counts').fill(MEASURE.numerator);
    await form.getByRole('button', { name: 'Define measure' }).click();
    const idError = form.locator(`#new-measure-id-error`);
    await idError.waitFor();
    expect(await idError.textContent()).toContain(`already has a measure "${MEASURE.id}"`);
    expect((await measuresOf(page, oxfordshire.id)).length).toBe(before.length + 1);
    await expectAccessible(page, 'local measure form with the API’s refusal');
    expect(errors).toEqual([]);
  });

  it('the board member sees Bexley’s Campaign reach on its overview with its value, and opens it', async () => {
    const { page, errors } = journeyState.sessions[1];
    await signIn(page, DEMO.board);
    const summaryResponse = await page.request.get(`/api/areas/${BEXLEY}/summary`);
    expect(summaryResponse.status()).toBe(200);
    const summary = (await summaryResponse.json()) as AreaSummary;
    const group = summary.aims.find((a) => a.indicators.some((i) => i.indicator.title === 'Campaign reach'))!;
    const item = group.indicators.find((i) => i.indicator.title === 'Campaign reach')!;
    expect(item.value.status).toBe('ok');

    await page.goto(`/overview?area=${BEXLEY}`);
    await settled(page);
    // Its group has a heading in words, not the raw id of the group.
    const section = page.getByRole('region', { name: group.title });
    await section.waitFor();
    expect(group.title).not.toMatch(/^local:/);
    const card = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Campaign reach' }) });
    expect(await card.locator('.app-card__value').textContent()).toContain(item.value.value!.toFixed(item.indicator.decimals));
    await expectAccessible(page, 'Bexley overview with its own measure');

    await card.getByRole('link', { name: 'Campaign reach' }).click();
    await page.waitForURL((url) => url.pathname === `/indicators/${encodeURIComponent(item.indicator.id)}`);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: /Campaign reach/ }).waitFor();
    await page.getByText('This is the partnership’s own measure: other areas do not report it, so it is not compared with them.').waitFor();
    await expectAccessible(page, 'Campaign reach indicator page');
    expect(errors).toEqual([]);
  });
});
