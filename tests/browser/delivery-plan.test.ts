// The delivery plan in real Chromium against the real server and demo data (Oxfordshire's plan
// at the journeys' today, 22 November 2026: 19 actions, two overdue). The demo analyst filters
// to the overdue actions and reports progress on one with the keyboard alone, then changes a
// status; the demo board member reads the same plan with no edit controls, and prints it without
// forms or buttons; the analyst checks a small spreadsheet in a dry run, sees what it would add,
// and imports it; and the page is used at 375 px without sideways scrolling. Every state is
// scanned with axe-core.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, settled, signIn, tabTo } from './support/browser';
import { journey } from './support/journey';

/** The analyst's session, and the board member's. */
const journeyState = journey(2);

const OXFORDSHIRE = 'Oxfordshire Strategic Board for Domestic Abuse';
const RECOVERY = /^Map recovery programmes and counselling/;
const MATAC = /^Review how well the Multi-Agency Tasking and Co-ordination/;

/** Oxfordshire's partnership id, as the server numbers it. */
async function oxfordshire(page: Page): Promise<number> {
  const response = await page.request.get('/api/partnerships');
  const { partnerships } = (await response.json()) as { partnerships: Array<{ id: number; name: string }> };
  return partnerships.find((p) => p.name === OXFORDSHIRE)!.id;
}

async function openPlan(page: Page, query = '') {
  await page.goto(`/partnerships/${await oxfordshire(page)}/plan${query}`);
  await settled(page);
  await page.locator('.app-plan-summary').waitFor();
}

const summary = (page: Page) => page.locator('.app-plan-summary').textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A spreadsheet as a partnership keeps one, in the template's columns. */
function planCsv(rows: string[][]): Buffer {
  const header = ['activity', 'aim', 'measure', 'lead', 'lead person', 'timescale', 'due', 'status'];
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from([header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n', 'utf8');
}

describe('the delivery plan', () => {
  it('an analyst filters to the overdue actions and reports progress with the keyboard alone, then changes a status', async () => {
    const { page } = journeyState.sessions[0];
    await signIn(page, DEMO.analyst);
    await openPlan(page);
    expect(await summary(page)).toBe('19 actions: 11 complete, 5 on track, 2 at risk and 1 off track. 2 are overdue.');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Aim 1: Prevention (5 actions)', 'Aim 2: Provision (5 actions)', 'Aim 3: Pursuing (3 actions)', 'Aim 4: Partnership (6 actions)']);
    await expectAccessible(page, 'the delivery plan (analyst)');

    await tabTo(page, page.getByLabel('Overdue only'));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Show actions' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/overdue=true/);
    expect(await page.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toBe('Showing 2 of 19 actions: overdue only.');
    const articles = page.getByRole('article');
    expect(await articles.count()).toBe(2);
    expect(await page.locator('.app-plan-overdue').allTextContents()).toEqual(['!Overdue: due 30 September 2026', '!Overdue: due 30 June 2026']);

    const recovery = page.getByRole('article', { name: RECOVERY });
    await tabTo(page, recovery.getByRole('button', { name: /^Add a progress update on/ }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add a progress update');
    expect(await recovery.getByLabel('Date of the update').inputValue()).toBe('2026-11-22');
    await tabTo(page, recovery.getByLabel('What has happened'));
    await page.keyboard.type('Mapping finished for three districts of five; the last two report in January.');
    await tabTo(page, recovery.getByRole('button', { name: 'Add the update' }));
    await page.keyboard.press('Enter');

    // Focus goes back to the action, which shows the new update as its latest.
    await expect.poll(() => focusedId(page)).toMatch(/^action-\d+$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(RECOVERY);
    expect(await recovery.getByRole('heading', { level: 4 }).textContent()).toBe('Latest update: 22 November 2026, by Demo analyst');
    expect(await recovery.getByText('Mapping finished for three districts of five; the last two report in January.').count()).toBe(1);
    expect(await recovery.getByText('Progress update of 22 November 2026 added.').count()).toBe(1);
    await expectAccessible(page, 'after a progress update');

    // The review slipped, but work has restarted: off track becomes at risk.
    const matac = page.getByRole('article', { name: MATAC });
    await matac.getByRole('button', { name: /^Edit/ }).click();
    expect(await matac.getByLabel('Status', { exact: true }).inputValue()).toBe('off-track');
    await expectAccessible(page, 'editing an action');
    await matac.getByLabel('Status', { exact: true }).selectOption('at-risk');
    await matac.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => matac.locator('.app-plan-status').textContent()).toBe('▲At risk');
    expect(await matac.getByText('Changes saved.').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(MATAC);
    expect(await summary(page)).toBe('19 actions: 11 complete, 5 on track and 3 at risk. 2 are overdue.');

    // A blank activity is refused on the page, with the field named and focus on the summary.
    await matac.getByRole('button', { name: /^Edit/ }).click();
    await matac.getByLabel('Activity').fill('');
    await matac.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await matac.locator('.govuk-error-message').textContent()).toBe('Error: Enter the activity');
    await expectAccessible(page, 'an edit with an error');
    await matac.getByRole('button', { name: 'Cancel' }).click();
    expect(journeyState.sessions[0].errors).toEqual([]);
  });

  it('a board member reads the same plan with no edit controls, and prints it without forms or buttons', async () => {
    const { page } = journeyState.sessions[1];
    await signIn(page, DEMO.board);
    await openPlan(page, '?overdue=true');
    expect(await summary(page)).toBe('19 actions: 11 complete, 5 on track and 3 at risk. 2 are overdue.');
    const recovery = page.getByRole('article', { name: RECOVERY });
    expect(await recovery.getByRole('heading', { level: 4 }).textContent()).toBe('Latest update: 22 November 2026, by Demo analyst');
    expect(await page.getByRole('button', { name: /Edit|Delete|progress update|Add an action|Import/ }).count()).toBe(0);
    expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);
    await expectAccessible(page, 'the delivery plan (board member)');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form').evaluateAll((forms) => forms.filter((f) => getComputedStyle(f).display !== 'none').length)).toBe(0);
    expect(await page.locator('button').evaluateAll((buttons) => buttons.filter((b) => b.getClientRects().length > 0).length)).toBe(0);
    // Without the form, the printed copy still says what it shows.
    expect(await page.locator('.app-plan-shown').isVisible()).toBe(true);
    expect(await page.locator('.app-plan-shown').textContent()).toBe('Showing 2 of 19 actions: overdue only.');
    await page.emulateMedia({ media: 'screen' });
    expect(journeyState.sessions[1].errors).toEqual([]);
  });

  it('an analyst checks a small spreadsheet in a dry run, sees its problems or what it would add, then imports it', async () => {
    const { page } = journeyState.sessions[0];
    await openPlan(page);
    await page.getByRole('button', { name: 'Import actions from a spreadsheet' }).click();
    expect(await page.getByRole('link', { name: 'Download the CSV template' }).getAttribute('href')).toMatch(/^\/api\/partnerships\/\d+\/actions\/template\.csv$/);

    const input = page.getByLabel('Choose the spreadsheet');
    await input.setInputFiles({ name: 'broken-plan.csv', mimeType: 'text/csv', buffer: planCsv([['Train GP practices in asking about domestic abuse', '2', '', '', '', 'March 2027', '', 'on track']]) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const problems = page.getByRole('table', { name: 'Problems in broken-plan.csv, row by row' });
    await problems.waitFor();
    const firstProblem = await problems.getByRole('row').nth(1).locator('th, td').allTextContents();
    expect(firstProblem.slice(0, 2)).toEqual(['2', 'lead']);
    await expectAccessible(page, 'a rejected plan file');

    await input.setInputFiles({
      name: 'gp-plan.csv',
      mimeType: 'text/csv',
      buffer: planCsv([
        ['Train GP practices in asking about domestic abuse', '2', '', 'Oxfordshire Clinical Commissioning Group', 'Designated safeguarding lead', 'March 2027', '', 'on track'],
        ['Publish the partnership’s communications plan', '4', '', 'Oxfordshire County Council', '', 'Q4 2026-27', '', ''],
      ]),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'gp-plan.csv would add 2 actions' }).waitFor();
    const rows = page.getByRole('table', { name: 'The actions it would add' }).getByRole('row');
    expect(await rows.nth(1).locator('th, td').allTextContents()).toEqual([
      '2',
      'Train GP practices in asking about domestic abuse',
      '2: Provision',
      'None',
      'Oxfordshire Clinical Commissioning Group, Designated safeguarding lead',
      'March 2027',
      '31 March 2027',
      'On track',
    ]);
    expect(await rows.nth(2).locator('td').nth(5).textContent()).toBe('31 March 2027');
    // A dry run adds nothing.
    expect(await summary(page)).toBe('19 actions: 11 complete, 5 on track and 3 at risk. 2 are overdue.');
    await expectAccessible(page, 'a checked plan file');

    await page.getByRole('button', { name: 'Import 2 actions' }).click();
    await expect.poll(() => focusedId(page)).toBe('plan-saved-banner');
    expect(await page.getByRole('alert').textContent()).toContain('2 actions imported into the plan.');
    expect(await summary(page)).toBe('21 actions: 11 complete, 6 on track, 3 at risk and 1 not yet assessed. 2 are overdue.');
    expect(await page.getByRole('article', { name: 'Train GP practices in asking about domestic abuse' }).count()).toBe(1);
    expect(journeyState.sessions[0].errors).toEqual([]);
  });

  it('works at 375 px wide without sideways scrolling, with a form open', async () => {
    const { page } = journeyState.sessions[0];
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await openPlan(page, '?status=open');
      expect(await horizontalOverflow(page)).toBe(0);
      await page.getByRole('article', { name: RECOVERY }).getByRole('button', { name: /^Edit/ }).click();
      expect(await horizontalOverflow(page)).toBe(0);
      await page.getByRole('button', { name: 'Import actions from a spreadsheet' }).click();
      expect(await horizontalOverflow(page)).toBe(0);
      await expectAccessible(page, 'the delivery plan at 375 px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
