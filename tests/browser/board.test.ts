// A board member signs in (with the keyboard only), reads the overview for their area and opens
// an indicator: values in their units, comparisons in words, the trend and compare-areas charts
// with their tables, a CSV download, and the print layout. Every page is scanned with axe-core.
import { describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, settled } from './support/browser';
import { journey } from './support/journey';

const BUCKINGHAMSHIRE = 'E06000060';

const journeyState = journey();

describe('a board member', () => {
  it('signs in with the keyboard alone, guided by the demo-data banner and accounts', async () => {
    const { page } = journeyState.session;
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await expect.poll(() => page.getByText('every figure in this dashboard is synthetic').count()).toBe(1);
    await expectAccessible(page, 'sign-in page');

    // A wrong password first: the error summary takes focus and links to the field.
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // service name
    await page.focus('#email');
    await page.keyboard.type(DEMO.board.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('govuk-error-summary');
    expect(await page.getByRole('alert').textContent()).toContain('The email address or password is not right');
    await expectAccessible(page, 'sign-in page with an error');

    await page.focus('#password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(DEMO.board.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/overview**');
  });

  it('reads the overview: values in their units, intervals, comparisons in words, trends and explanations', async () => {
    const { page } = journeyState.session;
    await page.goto(`/overview?area=${BUCKINGHAMSHIRE}&period=2020-21`);
    await settled(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview: Buckinghamshire');
    expect(await page.title()).toContain('Overview: Buckinghamshire');

    // Aims as sections, one card per indicator.
    const aims = await page.locator('section.app-aim h2').allTextContents();
    expect(aims).toContain('Holding perpetrators to account');
    expect(await page.locator('li.app-card').count()).toBeGreaterThanOrEqual(30);

    // Published calibration figure: 803 repeat perpetrators of 3,212 in 2020/21 is 25.0%.
    const repeatPerpetrators = page.locator('li.app-card', { has: page.getByRole('link', { name: 'Repeat perpetrators', exact: true }) });
    expect(await repeatPerpetrators.locator('.app-card__value').textContent()).toBe('25.0%per cent');
    expect(await repeatPerpetrators.textContent()).toContain('From 803 of 3,212');
    expect(await repeatPerpetrators.textContent()).toMatch(/95% confidence interval: \d+\.\d% to \d+\.\d%/);
    expect(await repeatPerpetrators.locator('.app-judgement').first().textContent()).toMatch(/(Better than|Worse than|Similar to|Not compared with) Thames Valley/);

    // Incidents per 1,000: 10,635 incidents in 2020/21.
    const incidents = page.locator('li.app-card', { has: page.getByRole('link', { name: 'Domestic abuse incidents per 1,000 people' }) });
    expect(await incidents.textContent()).toContain('From 10,635 of');
    expect(await incidents.locator('.app-card__unit').textContent()).toBe('per 1,000 people');
    // No-judgement indicator: higher / lower / similar, never better or worse.
    expect(await incidents.locator('.app-judgement').first().textContent()).toMatch(/(Higher than|Lower than|Similar to) Thames Valley/);
    // A sparkline with a text alternative.
    await expect.poll(() => incidents.getByRole('img').getAttribute('aria-label')).toMatch(/^Quarterly trend: /);

    // Every card without a value explains why in plain words.
    const statuses = await page.locator('li.app-card .app-status-note').allTextContents();
    for (const text of statuses) expect(text).toMatch(/privacy|not been received|No figures/);

    await expectAccessible(page, 'overview');
  });

  it('changes the period with the form, and the address follows', async () => {
    const { page } = journeyState.session;
    await page.getByLabel('Type of period').selectOption('quarter');
    await page.getByLabel('Period', { exact: true }).selectOption('2020-21Q3');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(/period=2020-21Q3/);
    await settled(page);
    expect(await page.locator('p.govuk-body-l').first().textContent()).toContain('2020-21 Q3 (Oct–Dec 2020)');
  });

  it('prints the overview as a board paper: no navigation or filters', async () => {
    const { page } = journeyState.session;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.locator('form.app-filters').isVisible()).toBe(false);
    expect(await page.locator('.app-print-only').first().isVisible()).toBe(true);
    expect(await page.locator('.app-print-only').first().textContent()).toContain('Board paper: domestic abuse outcomes for Buckinghamshire');
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens an indicator: definition, trend chart, compare-areas chart, tables and a download', async () => {
    const { page } = journeyState.session;
    await page.goto(`/overview?area=${BUCKINGHAMSHIRE}&period=2020-21`);
    await settled(page);
    await page.getByRole('link', { name: 'Repeat victims', exact: true }).click();
    await page.waitForURL(/\/indicators\/repeat-victim-rate\?/);
    await settled(page);
    // Focus moves to the new page's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Repeat victims');

    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('A lower value is better.');
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('Wilson score interval');

    // Both charts drew (SVG), each described for screen readers, each with its table.
    await expect.poll(() => page.locator('.app-chart svg').count()).toBe(2);
    const labels = await page.locator('.app-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toContain('Line chart of Repeat victims for Buckinghamshire');
    expect(labels[1]).toContain('Bar chart of Repeat victims for the 9 areas in Thames Valley');
    const trendTable = page.locator('table', { has: page.locator('caption', { hasText: 'Repeat victims, Buckinghamshire, by quarter' }) });
    expect(await trendTable.locator('tbody tr').count()).toBe(12);
    expect(await trendTable.locator('tbody tr').last().locator('th').textContent()).toBe('2020-21 Q4 (Jan–Mar 2021)');
    const compareTable = page.locator('table', { has: page.locator('caption', { hasText: 'areas in Thames Valley' }) });
    expect(await compareTable.locator('tbody tr').count()).toBe(10); // nine authorities and Thames Valley

    // The trend table downloads as CSV with a BOM, numbers rounded as shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV\W+Repeat victims, Buckinghamshire/ }).click()]);
    expect(download.suggestedFilename()).toBe('repeat-victim-rate-buckinghamshire-by-quarter.csv');
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(text.startsWith('\uFEFFQuarter,Buckinghamshire value,Lower 95% limit')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(13);

    // Revisions: the demo figures were each received once.
    await expect.poll(() => page.locator('section[aria-labelledby="revisions-heading"]').textContent()).toContain('None of these figures has been revised');
    await expectAccessible(page, 'indicator page');
    expect(journeyState.session.errors).toEqual([]);
  });

  it('cannot open partner or administration pages', async () => {
    const { page } = journeyState.session;
    await page.goto('/admin/users');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('You cannot see this page');
    await expectAccessible(page, 'forbidden page');
    await page.goto('/no-such-page');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await expectAccessible(page, 'not found page');
  });
});
