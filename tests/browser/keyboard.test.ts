// Keyboard only: a board member and a partner each go through their main flow without a mouse.
// Every control is reached with Tab (tabTo fails if it cannot be) and used with Enter, Space or
// the arrow keys; a file is chosen through the file chooser that Space opens.
import { describe, expect, it } from 'vitest';
import { police } from '../../schemas/returns/police';
import { DEMO, expectAccessible, settled, signIn, signOut, tabTo, type Session } from './support/browser';
import { journey } from './support/journey';

const BUCKINGHAMSHIRE = 'E06000060';
const READING = 'E06000038';

const journeyState = journey();

/** A one-row police return for Reading, 2025-26 Q1; `cells` overrides the figures. */
function policeFile(cells: Record<string, string | number>): Buffer {
  const figures: Record<string, string | number> = { period: '2025-26 Q1', area_code: READING, notes: '' };
  for (const column of police.columns) if (!(column.name in figures)) figures[column.name] = 10;
  Object.assign(figures, { incidents: 4000, crimes: 2000, victims: 900, repeat_victims: 300, victims_female: 650, victims_male: 220, perpetrators: 800, repeat_perpetrators: 200 }, cells);
  // Twelve months hold more distinct people than the quarter.
  for (const column of police.personColumns!.columns) figures[`${column}_12m`] = 3 * Number(figures[column]);
  const header = police.columns.map((c) => c.name);
  return Buffer.from(`${header.join(',')}\r\n${header.map((h) => String(figures[h] ?? '')).join(',')}\r\n`, 'utf8');
}

async function chooseFileWithKeyboard(page: Session['page'], name: string, buffer: Buffer) {
  // Listening first makes Playwright intercept the chooser before the key can open it.
  const chosen = page.waitForEvent('filechooser');
  await tabTo(page, page.locator('#file'));
  await page.keyboard.press('Space');
  await (await chosen).setFiles({ name, mimeType: 'text/csv', buffer });
}

describe('keyboard only', () => {
  it('a board member changes the period, opens an indicator and downloads its table', async () => {
    const { page } = journeyState.session;
    await signIn(page, DEMO.board);
    await page.goto(`/overview?area=${BUCKINGHAMSHIRE}&period=2020-21`);
    await settled(page);

    await tabTo(page, page.getByLabel('Type of period'));
    await page.keyboard.press('ArrowUp'); // financial year → quarter, the first choice
    expect(await page.getByLabel('Type of period').inputValue()).toBe('quarter');
    await tabTo(page, page.getByRole('button', { name: 'Show figures' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/period=\d{4}-\d{2}Q\d/);
    await settled(page);

    await tabTo(page, page.getByRole('link', { name: 'Repeat victims', exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/indicators\/repeat-victim-rate\?/);
    await settled(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await tabTo(page, page.getByRole('button', { name: /^Download CSV\W+Repeat victims, Buckinghamshire/ }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    // The indicator page's trend opens on rolling twelve months, the board's default, even for a quarter.
    expect(download.suggestedFilename()).toMatch(/^repeat-victim-rate-buckinghamshire-rolling-12-months\.csv$/);

    await tabTo(page, page.getByRole('button', { name: 'Sign out' }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in');
  });

  it('a partner checks a broken return, follows an error to its row, fixes and sends it', async () => {
    const { page } = journeyState.session;
    await signIn(page, DEMO.partner);
    await settled(page);
    await tabTo(page, page.getByRole('link', { name: 'Upload a police return' }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/returns/police/upload');
    // As after any navigation, focus lands on the new page's heading; the keyboard user starts from there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await chooseFileWithKeyboard(page, 'reading-q1.csv', policeFile({ repeat_victims: 950 }));
    await tabTo(page, page.getByRole('button', { name: 'Check the file' }));
    await page.keyboard.press('Enter');

    // The error summary takes focus; its first link is the next Tab stop and leads to the row.
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await summary.textContent()).toContain('Row 2, column repeat_victims');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Row 2, column repeat_victims/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('file-row-2');

    await chooseFileWithKeyboard(page, 'reading-q1-fixed.csv', policeFile({ repeat_victims: 310 }));
    await tabTo(page, page.getByRole('button', { name: 'Check the file' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'reading-q1-fixed.csv is ready to send' }).count()).toBe(1);

    await tabTo(page, page.getByRole('button', { name: 'Send the return' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.govuk-panel__title').textContent()).toBe('Return received');
    await expectAccessible(page, 'return received (keyboard)');
    await signOut(page);
    expect(journeyState.session.errors).toEqual([]);
  });
});
