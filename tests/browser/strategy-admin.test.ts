// Setting up partnerships and their strategies in real Chromium against the real server and demo
// data (issue 11). The demo administrator sets up a partnership for two authorities with the demo
// board member as a member (and is told, on the name's field, when the name is taken), then
// changes it with the keyboard alone; the demo analyst adds an aim with a measure to
// Oxfordshire's strategy (the API's refusal of a target before its baseline shown on the target's
// field first), moves it with the keyboard, saves, and finds it on the partnership page with a
// status. Every page is scanned with axe-core and used at 375 px without sideways scrolling. What
// is checked against the server is read from its API, not written here.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Partnership, StrategyView } from '../../schemas/strategy-api';
import { DEMO, expectAccessible, settled, signIn, tabTo } from './support/browser';
import { journey } from './support/journey';

/** The administrator's session, and the analyst's. */
const journeyState = journey(2);

const OXFORDSHIRE = 'Oxfordshire Strategic Board for Domestic Abuse';
const NEW_PARTNERSHIP = 'Reading and Wokingham Domestic Abuse Partnership';
const READING = 'E06000038';
const WOKINGHAM = 'E06000041';
const THAMES_VALLEY = 'E23000029';
const NEW_AIM = 'Fewer victims abused again';
const MEASURE_OWNER = 'Thames Valley Police';
const STATUSES = ['on-track', 'at-risk', 'off-track', 'not-assessable'];

async function partnerships(page: Page): Promise<Partnership[]> {
  const response = await page.request.get('/api/partnerships');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { partnerships: Partnership[] }).partnerships;
}

async function strategyOf(page: Page, id: number): Promise<StrategyView> {
  const response = await page.request.get(`/api/partnerships/${id}/strategy`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StrategyView;
}

async function userByEmail(page: Page, email: string): Promise<{ id: number; name: string }> {
  const { items } = (await (await page.request.get('/api/admin/users')).json()) as { items: Array<{ id: number; name: string; email: string }> };
  return items.find((u) => u.email === email)!;
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('an administrator and partnerships', () => {
  it('sets up a partnership for two authorities with the demo board member as a member', async () => {
    const { page } = journeyState.sessions[0];
    await signIn(page, DEMO.admin);
    await page.goto('/admin');
    await settled(page);
    await page.getByRole('link', { name: 'Partnerships', exact: true }).click();
    await page.waitForURL('**/admin/partnerships');
    await settled(page);
    const before = await partnerships(page);
    // Every partnership is listed, with its areas, benchmark, members and strategy versions.
    expect(await page.locator('table tbody th[scope="row"]').allTextContents()).toEqual(before.map((p) => p.name));
    await expectAccessible(page, 'partnerships administration');

    const board = await userByEmail(page, DEMO.board.email);
    const form = page.getByRole('form', { name: 'Set up a partnership' });
    await form.getByLabel('Name', { exact: true }).fill(NEW_PARTNERSHIP);
    // The filter shortens the list of authorities; what was chosen stays chosen when it changes.
    const filter = form.getByLabel('Filter the local authorities by name or code');
    await filter.fill('Read');
    expect(await form.getByRole('checkbox', { name: /^Wokingham/ }).count()).toBe(0);
    await form.getByRole('checkbox', { name: /^Reading/ }).check();
    await filter.fill('woking');
    await form.getByRole('checkbox', { name: /^Wokingham/ }).check();
    expect(await form.getByRole('status').first().textContent()).toContain('Chosen: Reading and Wokingham.');
    // The benchmark defaults as the API would choose it: the first area's police force area.
    expect(await form.getByLabel('Default benchmark').locator('option:checked').textContent()).toBe('As for Reading: Thames Valley');
    await form.getByRole('checkbox', { name: new RegExp(`^${board.name}, board member`) }).check();
    await expectAccessible(page, 'partnership form filled in');
    await form.getByRole('button', { name: 'Set up partnership' }).click();
    await page.getByRole('alert').filter({ hasText: `${NEW_PARTNERSHIP} is set up.` }).waitFor();

    const created = (await partnerships(page)).find((p) => p.name === NEW_PARTNERSHIP)!;
    expect(created.areas).toEqual([READING, WOKINGHAM]);
    expect(created.benchmark).toBe(THAMES_VALLEY);
    expect(created.members?.map((m) => m.id)).toEqual([board.id]);
    expect(await page.locator('table tbody th[scope="row"]').allTextContents()).toContain(NEW_PARTNERSHIP);
    // The form is empty again for the next one.
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
  });

  it('is told on the name’s field, in words, that the name is taken', async () => {
    const { page } = journeyState.sessions[0];
    const form = page.getByRole('form', { name: 'Set up a partnership' });
    await form.getByLabel('Name', { exact: true }).fill(NEW_PARTNERSHIP);
    await form.getByLabel('Filter the local authorities by name or code').fill('Slough');
    await form.getByRole('checkbox', { name: /^Slough/ }).check();
    await form.getByRole('button', { name: 'Set up partnership' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const message = `There is already a partnership called "${NEW_PARTNERSHIP}".`;
    expect(await summary.getByRole('link').allTextContents()).toEqual([message]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await form.locator('#new-partnership-name-error').textContent()).toContain(message);
    expect(await form.getByLabel('Name', { exact: true }).getAttribute('aria-describedby')).toContain('new-partnership-name-error');
    await expectAccessible(page, 'partnership form with a problem');
    // The summary's link takes the reader to the field.
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-partnership-name');
    expect((await partnerships(page)).filter((p) => p.name === NEW_PARTNERSHIP)).toHaveLength(1);
  });

  it('changes the partnership with the keyboard alone: adds the demo analyst as a member', async () => {
    const { page } = journeyState.sessions[0];
    await page.goto('/admin/partnerships');
    await settled(page);
    const analyst = await userByEmail(page, DEMO.analyst.email);
    await tabTo(page, page.getByRole('button', { name: `Change ${NEW_PARTNERSHIP}` }));
    await page.keyboard.press('Enter');
    // Focus goes to the form just opened.
    await expect.poll(() => focusedText(page)).toBe(`Change ${NEW_PARTNERSHIP}`);
    const form = page.getByRole('form', { name: `Change ${NEW_PARTNERSHIP}` });
    await tabTo(page, form.getByRole('checkbox', { name: new RegExp(`^${analyst.name}, analyst`) }));
    await page.keyboard.press('Space');
    await tabTo(page, form.getByRole('button', { name: 'Save changes' }));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: `${NEW_PARTNERSHIP} is saved.` }).waitFor();
    const changed = (await partnerships(page)).find((p) => p.name === NEW_PARTNERSHIP)!;
    expect(changed.members?.map((m) => m.id).sort()).toEqual([analyst.id, (await userByEmail(page, DEMO.board.email)).id].sort());
    expect(changed.areas).toEqual([READING, WOKINGHAM]);
  });

  it('at 375 px wide: the administration of partnerships does not scroll sideways', async () => {
    const { page } = journeyState.sessions[0];
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto('/admin/partnerships');
      await settled(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'partnerships administration at 375 px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('an analyst and their partnership’s strategy', () => {
  it('adds an aim with a measure to Oxfordshire’s strategy and sees it on the partnership page with a status', async () => {
    const { page } = journeyState.sessions[1];
    await signIn(page, DEMO.analyst);
    const oxfordshire = (await partnerships(page)).find((p) => p.name === OXFORDSHIRE)!;
    const before = await strategyOf(page, oxfordshire.id);
    await page.goto(`/partnerships/${oxfordshire.id}`);
    await settled(page);
    await page.getByRole('link', { name: 'Edit strategy' }).click();
    await page.waitForURL(`**/partnerships/${oxfordshire.id}/strategy/edit?strategy=${before.strategy.id}`);
    await settled(page);
    // The version's aims, in its order.
    expect(await page.locator('section.app-editor-aim h2').allTextContents()).toEqual(before.aims.map((a, i) => `Aim ${i + 1}: ${a.title}`));
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(before.strategy.title);
    await expectAccessible(page, 'strategy editor');

    await page.getByRole('button', { name: 'Add an aim' }).click();
    const number = before.aims.length + 1;
    // Focus goes to the new aim's title.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^aim-.+-title$/);
    await page.keyboard.type(NEW_AIM);
    const aim = page.getByRole('region', { name: `Aim ${number}: ${NEW_AIM}` });
    await aim.getByRole('button', { name: `Add a measure to aim ${number}` }).click();
    await aim.getByLabel('Indicator', { exact: true }).selectOption('repeat-victim-rate');
    // The catalogue's groups.
    expect(await aim.getByLabel('Indicator', { exact: true }).locator('optgroup').count()).toBeGreaterThan(3);
    expect(await aim.getByLabel('Area', { exact: true }).locator('option').allTextContents()).toEqual(['Oxfordshire']);
    await aim.getByLabel('Baseline', { exact: true }).selectOption('2023-24');
    await aim.getByLabel('Owner', { exact: true }).fill(MEASURE_OWNER);
    await aim.getByLabel('Target value').fill('20');
    // The repeat victim rate is better lower: the target starts as "at most".
    expect(await aim.getByRole('radio', { name: 'At most this value' }).isChecked()).toBe(true);
    // A target before its baseline: the API refuses it, and says so on the target's twelve months.
    await aim.getByLabel('Reached by', { exact: true }).selectOption('2022-23');
    expect(await aim.locator('.app-editor-preview').textContent()).toBe('The partnership page will say: At most 20.0% by 2022-23');
    await page.getByRole('button', { name: 'Save the strategy' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const refusal = `Aim ${number}, measure 1: the target period (2022-23) must end after the baseline period (2023-24).`;
    expect(await summary.getByRole('link').allTextContents()).toEqual([refusal]);
    expect(await aim.locator('.govuk-form-group--error').filter({ has: page.getByLabel('Reached by', { exact: true }) }).locator('.govuk-error-message').textContent()).toContain(refusal);
    await expectAccessible(page, 'strategy editor with the API’s refusal');
    expect((await strategyOf(page, oxfordshire.id)).aims).toHaveLength(before.aims.length);

    await aim.getByLabel('Reached by', { exact: true }).selectOption('2026-27');
    expect(await aim.locator('.app-editor-preview').textContent()).toBe('The partnership page will say: At most 20.0% by 2026-27');
    await page.getByRole('button', { name: 'Save the strategy' }).click();
    await page.waitForURL(`**/partnerships/${oxfordshire.id}`);
    await settled(page);

    const after = await strategyOf(page, oxfordshire.id);
    expect(after.strategy.id).toBe(before.strategy.id);
    // Every aim and measure kept its id; the new one is last.
    expect(after.aims.slice(0, -1).map((a) => [a.id, a.measures.map((m) => m.id)])).toEqual(before.aims.map((a) => [a.id, a.measures.map((m) => m.id)]));
    const added = after.aims[after.aims.length - 1];
    expect(added.title).toBe(NEW_AIM);
    expect(added.measures.map((m) => [m.indicator, m.baseline.period, m.owner, m.target])).toEqual([['repeat-victim-rate', '2023-24', MEASURE_OWNER, { kind: 'value', value: 20, by: '2026-27', direction: 'decrease' }]]);
    expect(STATUSES).toContain(added.status);
    expect(STATUSES).toContain(added.measures[0].status);
    // On the page, with its status, and the target in the words the editor previewed.
    const section = page.getByRole('region', { name: new RegExp(`^Aim ${number}: ${NEW_AIM}$`) });
    expect(await section.locator('.app-strategy-aim__head .app-status').count()).toBe(1);
    const row = section.locator('tr.app-measure');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(2).textContent()).toContain('At most 20.0% by 2026-27');
    expect(await row.locator('.app-measure__reason').textContent()).toBe(added.measures[0].reason);
  });

  it('moves an aim with the keyboard alone, focus staying on it, and cancels without saving', async () => {
    const { page } = journeyState.sessions[1];
    const oxfordshire = (await partnerships(page)).find((p) => p.name === OXFORDSHIRE)!;
    const view = await strategyOf(page, oxfordshire.id);
    const last = view.aims.length;
    await page.goto(`/partnerships/${oxfordshire.id}/strategy/edit?strategy=${view.strategy.id}`);
    await settled(page);
    await tabTo(page, page.getByRole('button', { name: `Move up aim ${last}: ${NEW_AIM}` }));
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe(`Move up aim ${last - 1}: ${NEW_AIM}`);
    expect(await page.locator('section.app-editor-aim h2').nth(last - 2).textContent()).toBe(`Aim ${last - 1}: ${NEW_AIM}`);
    expect(await page.locator('[aria-live="polite"].govuk-visually-hidden').textContent()).toBe(`Aim “${NEW_AIM}” moved to position ${last - 1} of ${last}.`);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe(`Move down aim ${last - 1}: ${NEW_AIM}`);
    await page.keyboard.press('Enter');
    // Now last, it has no "Move down": focus goes to its "Move up".
    await expect.poll(() => focusedText(page)).toBe(`Move up aim ${last}: ${NEW_AIM}`);
    await tabTo(page, page.getByRole('link', { name: 'Cancel and go back to the partnership' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/partnerships/${oxfordshire.id}`);
    expect((await strategyOf(page, oxfordshire.id)).aims.map((a) => a.id)).toEqual(view.aims.map((a) => a.id));
  });

  it('at 375 px wide: the editor does not scroll sideways', async () => {
    const { page } = journeyState.sessions[1];
    const oxfordshire = (await partnerships(page)).find((p) => p.name === OXFORDSHIRE)!;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto(`/partnerships/${oxfordshire.id}/strategy/edit`);
      await settled(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'strategy editor at 375 px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(journeyState.sessions[1].errors).toEqual([]);
    expect(journeyState.sessions[0].errors).toEqual([]);
  });
});
