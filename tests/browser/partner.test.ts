// A partner (the demo police data officer, granted the nine Thames Valley authorities) uploads a
// broken return, sees every problem in the error summary with links to the rows of the file,
// fixes the file, checks it again, sends it, sees what it changed, resends one quarter with
// blanks (refused until they tick that figures may be cleared), and a board member then sees
// the new figure on the dashboard.
import { describe, expect, it } from 'vitest';
import { police } from '../../schemas/returns/police';
import { DEMO, expectAccessible, settled, signIn, signOut, type Session } from './support/browser';
import { journey } from './support/journey';

const READING = 'E06000038';
const WOKINGHAM = 'E06000041';
const QUARTER = '2025-26Q1';
const INCIDENTS = 'Domestic abuse incidents per 1,000 people';

const journeyState = journey();

/** A police return in the template's column order; `cells` overrides the default figures. */
function policeFile(rows: Array<Record<string, string | number>>): Buffer {
  const header = police.columns.map((c) => c.name);
  const base: Record<string, string | number> = {
    incidents: 4000,
    crimes: 2000,
    incidents_child_present: 1200,
    victims: 900,
    repeat_victims: 300,
    victims_female: 650,
    victims_male: 220,
    victims_ethnicity_recorded: 500,
    perpetrators: 800,
    repeat_perpetrators: 200,
    arrests: 400,
    charges: 150,
    dvpn_issued: 20,
    dvpo_granted: 15,
    dapo_granted: 5,
    dvds_applications: 30,
    dvds_disclosures: 10,
    // Distinct people over the twelve months to the quarter.
    victims_12m: 2600,
    repeat_victims_12m: 800,
    victims_female_12m: 1900,
    victims_male_12m: 640,
    victims_ethnicity_recorded_12m: 1400,
    perpetrators_12m: 2300,
    repeat_perpetrators_12m: 560,
    notes: '',
  };
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => String({ ...base, ...r }[h] ?? '')).join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function incidentsCard(page: Session['page'], area: string) {
  await page.goto(`/overview?area=${area}&period=${QUARTER}`);
  await settled(page);
  const card = page.locator('li.app-card', { has: page.getByRole('link', { name: INCIDENTS }) });
  return { value: (await card.locator('.app-card__value').textContent()) ?? '', text: (await card.textContent()) ?? '' };
}

describe('a partner sends a return', () => {
  let before: { value: string; text: string };
  let population: number;

  it('(a board member notes the figure before)', async () => {
    await signIn(journeyState.session.page, DEMO.board);
    before = await incidentsCard(journeyState.session.page, READING);
    const match = /From ([\d,]+) of ([\d,]+)/.exec(before.text);
    expect(match).not.toBeNull();
    population = Number(match![2].replace(/,/g, ''));
    await signOut(journeyState.session.page);
  });

  it('sees their returns, areas and templates', async () => {
    const { page } = journeyState.session;
    await signIn(page, DEMO.partner);
    await page.waitForURL('**/returns');
    await settled(page);
    expect(await page.getByRole('heading', { level: 2, name: 'Police domestic abuse return' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Reading');
    expect(await page.getByRole('link', { name: /Download the CSV template/ }).first().getAttribute('href')).toBe('/api/returns/police/template.csv');
    // Partners do not read the dashboard.
    expect(await page.getByRole('link', { name: 'Overview' }).count()).toBe(0);
    await expectAccessible(page, 'returns page');
  });

  it('uploads a broken file and sees every problem, each linked to its row', async () => {
    const { page } = journeyState.session;
    await page.getByRole('link', { name: 'Upload a police return' }).click();
    await page.waitForURL('**/returns/police/upload');
    await expectAccessible(page, 'upload page');

    // Checking without a file says what to do.
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Choose the file to upload');

    const broken = policeFile([
      { period: '2025-26 Q1', area_code: READING, incidents: 5000, repeat_victims: 950 }, // more repeat victims than victims
      { period: 'Q1 2025/26', area_code: WOKINGHAM, incidents: '<5' }, // suppressed in the return
    ]);
    await page.setInputFiles('#file', { name: 'police-q1.csv', mimeType: 'text/csv', buffer: broken });
    await page.getByRole('button', { name: 'Check the file' }).click();

    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.locator('h2').textContent()).toMatch(/There are \d+ problems with police-q1\.csv/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    const items = await summary.locator('li').allTextContents();
    expect(items.some((t) => t.startsWith('Row 2, column repeat_victims'))).toBe(true);
    expect(items.some((t) => t.startsWith('Row 3, column incidents') && /exact counts|suppress/i.test(t))).toBe(true);
    expect(await summary.textContent()).toContain('Nothing has been stored');

    // The file as a table, its problem rows marked; a summary link moves focus to the row.
    const table = page.locator('table.app-file-table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    await summary.getByRole('link', { name: /^Row 3, column incidents/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('file-row-3');
    expect(await page.locator('#file-row-3 td.app-file-table__problem').first().textContent()).toBe('<5');
    await expectAccessible(page, 'upload page with problems');
  });

  it('fixes the file, checks it, sends it and gets a reference', async () => {
    const { page } = journeyState.session;
    const fixed = policeFile([
      { period: '2025-26 Q1', area_code: READING, incidents: 5000, repeat_victims: 350 },
      { period: 'Q1 2025/26', area_code: WOKINGHAM, incidents: 3000 },
    ]);
    await page.setInputFiles('#file', { name: 'police-q1-fixed.csv', mimeType: 'text/csv', buffer: fixed });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'police-q1-fixed.csv is ready to send' }).count()).toBe(1);
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Reading and Wokingham');
    await expectAccessible(page, 'upload page, file ready');

    await page.getByRole('button', { name: 'Send the return' }).click();
    await expect.poll(() => page.locator('.govuk-panel__title').textContent()).toBe('Return received');
    const reference = await page.locator('.govuk-panel__body strong').textContent();
    expect(reference).toMatch(/^\d+$/);
    await expectAccessible(page, 'return received');

    // What it stored and what it changed.
    await page.getByRole('link', { name: 'See what this return stored and changed' }).click();
    await page.waitForURL(`**/returns/submissions/${reference}`);
    await settled(page);
    const readingRow = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: /^Reading, 2025-26 Q1/ }) });
    // The demo's earlier figures were sent by this partner's organisation (server/demo/senders.ts),
    // so the partner sees what its new file changed.
    await expect.poll(() => readingRow.textContent()).toMatch(/DA-related incidents: 1,007 → 5,000/);
    await expectAccessible(page, 'submission page');

    await page.goto('/completeness');
    await settled(page);
    expect(await page.getByRole('table').textContent()).toContain('Reading');
    await expectAccessible(page, 'completeness page');
  });

  it('resends a file with blanks: sees the figures it would clear, is refused without the tick, and clears them with it', async () => {
    const { page } = journeyState.session;
    await page.goto('/returns/police/upload');
    await settled(page);
    // Wokingham's quarter again, as sent above, but with arrests and charges left blank.
    const partial = policeFile([{ period: QUARTER, area_code: WOKINGHAM, incidents: 3001, arrests: '', charges: '' }]);
    await page.setInputFiles('#file', { name: 'police-q1-partial.csv', mimeType: 'text/csv', buffer: partial });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'police-q1-partial.csv is ready to send' }).count()).toBe(1);
    const cleared = page.getByRole('table', { name: '2 figures the file would clear' });
    await expect.poll(() => cleared.textContent()).toContain('arrests');
    // Its own organisation sent these figures, so the partner sees them.
    expect(await cleared.textContent()).toMatch(/arrests\s*400\s*Blank \(cleared\)/);
    expect(await page.getByRole('table', { name: '1 figure the file would change' }).textContent()).toMatch(/incidents\s*3,000\s*3,001/);
    await expectAccessible(page, 'upload page, file would clear figures');

    await page.getByRole('button', { name: 'Send the return' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Nothing has been stored');
    expect(await page.locator('.govuk-panel__title').count()).toBe(0);
    await expectAccessible(page, 'upload page, clearing refused');

    await page.getByLabel('I want to clear these figures').check();
    await page.getByRole('button', { name: 'Send the return' }).click();
    await expect.poll(() => page.locator('.govuk-panel__title').textContent()).toBe('Return received');
    expect(await page.locator('main').textContent()).toContain('It changed 1 figure already held and cleared 2 figures.');
  });

  it('(and a board member then sees the new figure)', async () => {
    await signOut(journeyState.session.page);
    await signIn(journeyState.session.page, DEMO.board);
    const after = await incidentsCard(journeyState.session.page, READING);
    const expected = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((5000 / population) * 1000);
    expect(after.value).toBe(`${expected}per 1,000 people in the quarter`);
    expect(after.value).not.toBe(before.value);
    expect(after.text).toContain(`From 5,000 of ${population.toLocaleString('en-GB')}`);

    // The indicator page says the quarter was revised, and when, but shows the board no counts.
    const { page } = journeyState.session;
    await page.locator('li.app-card').getByRole('link', { name: INCIDENTS }).click();
    await page.waitForURL(/\/indicators\/[a-z-]+\?/);
    await settled(page);
    const revisions = page.locator('section[aria-labelledby="revisions-heading"] table');
    await expect.poll(() => revisions.locator('tbody tr').count()).toBe(1);
    expect(await revisions.locator('tbody th').textContent()).toBe('2025-26 Q1 (Apr–Jun 2025)');
    expect(await revisions.locator('tbody td').last().textContent()).toBe('incidents');
    expect(await revisions.textContent()).not.toContain('→');
    expect(await revisions.locator('thead').textContent()).not.toContain('Sent by');
    await expectAccessible(page, 'indicator page with a revision (board)');
    expect(journeyState.session.errors).toEqual([]);
  });
});
