// A board member signs in (with the keyboard only), lands on the overview for the latest
// complete twelve months of their area (from one request for its figures), reads it, switches to
// a quarter whose figures say they are for a quarter, and opens an indicator: values in their
// units, comparisons in words, the trend as rolling twelve months or quarters and the
// compare-areas chart with their tables, a CSV download, and the print layout. Last, the police
// force resends a quarter with more charges than crimes, and the board member sees the figure
// flagged wherever it is shown (DOMAIN.md 5.7). Every page is scanned with axe-core.
import { describe, expect, it } from 'vitest';
import { police } from '../../schemas/returns/police';
import { DEMO, expectAccessible, settled, signIn } from './support/browser';
import { journey } from './support/journey';

const BUCKINGHAMSHIRE = 'E06000060';
/** The demo data's latest quarter at the journeys' fixed today (22 November 2026) is 2026-27 Q2. */
const LATEST_TWELVE_MONTHS = 'R12-2026-27Q2';

/** Requests for figures: the ones computed from returns (the catalogue, register and session are not). */
const FIGURES = /^\/api\/(areas\/[^/]+\/summary|indicators\/[^/]+\/(values|series|compare))/;

/** The board member's session, and the police data officer's (for the flagged return). */
const journeyState = journey(2);

/** The demo data's latest quarter, and its figures as the police force resends them: more charges than crimes. */
const LATEST_QUARTER = '2026-27Q2';
const CHARGES_MORE_THAN_CRIMES = { crimes: 2000, charges: 2100 };

/** One police return row for Buckinghamshire's latest quarter, in the template's column order. */
function flaggedPoliceFile(): Buffer {
  const figures: Record<string, string | number> = {
    period: '2026-27 Q2',
    area_code: BUCKINGHAMSHIRE,
    incidents: 4000,
    incidents_child_present: 1200,
    victims: 900,
    repeat_victims: 300,
    victims_female: 650,
    victims_male: 220,
    victims_ethnicity_recorded: 500,
    perpetrators: 800,
    repeat_perpetrators: 200,
    arrests: 400,
    dvpn_issued: 20,
    dvpo_granted: 15,
    dapo_granted: 5,
    dvds_applications: 30,
    dvds_disclosures: 10,
    notes: '',
    ...CHARGES_MORE_THAN_CRIMES,
  };
  // Twelve months hold more distinct people than the quarter.
  for (const column of police.personColumns!.columns) figures[`${column}_12m`] = 3 * Number(figures[column]);
  const header = police.columns.map((c) => c.name);
  return Buffer.from(`${header.join(',')}\r\n${header.map((h) => String(figures[h] ?? '')).join(',')}\r\n`, 'utf8');
}

/** A download's text. */
async function downloadText(download: { createReadStream: () => Promise<NodeJS.ReadableStream> }): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

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
    // A refused sign-in is checked against a password hash and audited: give a loaded machine time.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? ''), { timeout: 10_000 }).toContain('govuk-error-summary');
    expect(await page.getByRole('alert').textContent()).toContain('The email address or password is not right');
    await expectAccessible(page, 'sign-in page with an error');

    await page.focus('#password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(DEMO.board.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/partnerships/*'); // a board member lands on their partnership (issue 11)
  });

  it('lands on the latest complete twelve months, whose figures come in one request', async () => {
    const { page } = journeyState.session;
    const requests: string[] = [];
    const record = (request: { url: () => string }) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) requests.push(url.pathname + url.search);
    };
    page.on('request', record);
    await page.goto(`/overview?area=${BUCKINGHAMSHIRE}`);
    await settled(page);
    await expect.poll(() => page.locator('li.app-card svg[role="img"]').count()).toBeGreaterThanOrEqual(30);
    page.off('request', record);

    // One request for every card's figures, trend and sparkline: no request per card.
    expect(requests.filter((r) => FIGURES.test(r))).toEqual([`/api/areas/${BUCKINGHAMSHIRE}/summary?level=95`]);
    expect(requests.length).toBeLessThanOrEqual(5); // and the session, sign-in settings, area register and the returns' statuses (the late and overdue notice)

    expect(await page.locator('p.govuk-body-l').first().textContent()).toBe('12 months to Sep 2026 (Oct 2025–Sep 2026), compared with Thames Valley at 95% confidence.');
    expect(await page.getByText('These are the latest twelve months for which Buckinghamshire’s police figures are held').count()).toBe(1);
    expect(await page.getByLabel('Type of period').inputValue()).toBe('rolling-year');
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe(LATEST_TWELVE_MONTHS);

    // A year's figure in a year's unit; the same period behind every link.
    const incidents = page.locator('li.app-card', { has: page.getByRole('link', { name: 'Domestic abuse incidents per 1,000 people' }) });
    expect(await incidents.locator('.app-card__unit').textContent()).toBe('per 1,000 people');
    expect(await incidents.getByRole('link').getAttribute('href')).toContain(`period=${LATEST_TWELVE_MONTHS}`);
    // The sparkline: five rolling years a year apart, labelled at both ends and named in its text alternative.
    expect(await incidents.locator('.app-sparkline__axis').textContent()).toBe('12 months to Sep 202212 months to Sep 2026a year apart');
    expect(await incidents.getByRole('img').getAttribute('aria-label')).toMatch(/^Line of 5 figures a year apart, 12 months to Sep 2022 to 12 months to Sep 2026: /);
    // Tested for trend over the five rolling years.
    expect(await incidents.locator('.app-trend').textContent()).toMatch(/(Increasing|Decreasing|No significant change|Trend not available)/);
    await expectAccessible(page, 'overview, latest twelve months');
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
    // What the figure counts, in plain words under it.
    expect(await incidents.locator('.app-value-note').textContent()).toContain('residents of all ages');
    // No-judgement indicator: higher / lower / similar, never better or worse.
    expect(await incidents.locator('.app-judgement').first().textContent()).toMatch(/(Higher than|Lower than|Similar to) Thames Valley/);
    // A year is not compared with a year before on the card: only a quarter is.
    expect(await incidents.textContent()).not.toContain('the same quarter a year before');
    // The sparkline's ends are financial years, a year apart.
    expect(await incidents.getByRole('img').getAttribute('aria-label')).toMatch(/^Line of 5 figures a year apart, 2016-17 to 2020-21: [\d.]+ in 2018-19, [\d.]+ in 2020-21\.$/);

    // Every card without a value explains why in a sentence.
    const statuses = await page.locator('li.app-card .app-status-note').allTextContents();
    for (const text of statuses) expect(text).toMatch(/^[A-Z].{20,}\.$/);

    await expectAccessible(page, 'overview');
  });

  it('changes to a quarter with the form: the address follows, and every figure says it is for a quarter', async () => {
    const { page } = journeyState.session;
    await page.getByLabel('Type of period').selectOption('quarter');
    await page.getByLabel('Period', { exact: true }).selectOption('2020-21Q3');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(/period=2020-21Q3/);
    await settled(page);
    expect(await page.locator('p.govuk-body-l').first().textContent()).toContain('2020-21 Q3 (Oct–Dec 2020)');
    expect(await page.locator('.govuk-inset-text').first().textContent()).toContain('compared with the same quarter a year before');

    const incidents = page.locator('li.app-card', { has: page.getByRole('link', { name: 'Domestic abuse incidents per 1,000 people' }) });
    expect(await incidents.locator('.app-card__unit').textContent()).toBe('per 1,000 people in the quarter');
    const repeatPerpetrators = page.locator('li.app-card', { has: page.getByRole('link', { name: 'Repeat perpetrators', exact: true }) });
    expect(await repeatPerpetrators.locator('.app-card__unit').textContent()).toBe('per cent of perpetrators in the quarter');
    // Against the same quarter a year before, never the quarter before; not tested for trend.
    expect(await incidents.textContent()).toMatch(/(Higher than|Lower than|Similar to) the same quarter a year before Q3 2019-20: [\d.]+/);
    expect(await incidents.textContent()).not.toContain('Q2 2020-21');
    expect(await incidents.locator('.app-trend').textContent()).toContain('Not tested for trend');
    expect(await incidents.locator('.app-sparkline__axis').textContent()).toBe('Q3 2016-17Q3 2020-21a year apart');
    await expectAccessible(page, 'overview, a quarter');
  });

  it('prints the overview as a board paper: no navigation or filters', async () => {
    const { page } = journeyState.session;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.locator('form.app-filters').isVisible()).toBe(false);
    expect(await page.locator('.app-print-only').first().isVisible()).toBe(true);
    expect(await page.locator('.app-print-only').first().textContent()).toContain('Board paper: domestic abuse outcomes for Buckinghamshire, 2020-21 Q3 (Oct–Dec 2020) (figures for one quarter)');
    expect(await page.locator('li.app-card .app-card__unit').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens an indicator: definition, trend chart as rolling twelve months or quarters, compare-areas chart, tables and a download', async () => {
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

    // The trend opens on rolling twelve months: a year's figure at every quarter, in a year's unit.
    expect(await page.getByRole('heading', { name: 'Trend: rolling twelve months' }).count()).toBe(1);
    expect(await page.getByLabel('Rolling twelve months (a year’s figure at every quarter)').isChecked()).toBe(true);
    // Both charts drew (SVG), each described for screen readers, each with its table.
    await expect.poll(() => page.locator('.app-chart svg').count()).toBe(2);
    const labels = await page.locator('.app-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toContain('Line chart of Repeat victims (per cent) for Buckinghamshire, the twelve months to each quarter');
    expect(labels[1]).toContain('Bar chart of Repeat victims for the 9 areas in Thames Valley');
    const rollingTable = page.locator('table', { has: page.locator('caption', { hasText: 'Repeat victims, Buckinghamshire, rolling twelve months' }) });
    expect(await rollingTable.locator('tbody tr').count()).toBe(12);
    expect(await rollingTable.locator('tbody tr').last().locator('th').textContent()).toBe('12 months to Mar 2021 (Apr 2020–Mar 2021)');
    const compareTable = page.locator('table', { has: page.locator('caption', { hasText: 'areas in Thames Valley' }) });
    expect(await compareTable.locator('tbody tr').count()).toBe(10); // nine authorities and Thames Valley

    // The trend table downloads as CSV with a BOM, numbers rounded as shown, its unit in the heading.
    const [rolling] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV\W+Repeat victims, Buckinghamshire, rolling/ }).click()]);
    expect(rolling.suggestedFilename()).toBe('repeat-victim-rate-buckinghamshire-rolling-12-months.csv');
    const rollingText = await (await rolling.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(rollingText.startsWith('\uFEFFTwelve months to,Buckinghamshire value (%),Lower 95% limit')).toBe(true);
    expect(rollingText.trim().split('\r\n')).toHaveLength(13);

    // Quarters instead: labelled as quarters in the chart, the table and the download; the address keeps the choice.
    await page.getByLabel('Quarters', { exact: true }).check();
    await page.waitForURL(/trend=quarter/);
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Trend by quarter' }).count()).toBe(1);
    const quarterTable = page.locator('table', { has: page.locator('caption', { hasText: 'Repeat victims, Buckinghamshire, by quarter' }) });
    await expect.poll(() => quarterTable.locator('tbody tr').count()).toBe(12);
    expect(await quarterTable.locator('tbody tr').last().locator('th').textContent()).toBe('2020-21 Q4 (Jan–Mar 2021)');
    expect(await quarterTable.locator('thead').textContent()).toContain('Buckinghamshire value (% of victims in the quarter)');
    await expect.poll(() => page.locator('.app-chart').first().getAttribute('aria-label')).toContain('(per cent of victims in the quarter) for Buckinghamshire, each quarter');
    const [quarterly] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV\W+Repeat victims, Buckinghamshire, by quarter/ }).click()]);
    expect(quarterly.suggestedFilename()).toBe('repeat-victim-rate-buckinghamshire-by-quarter.csv');
    const quarterText = await (await quarterly.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(quarterText.startsWith('\uFEFFQuarter,Buckinghamshire value (% of victims in the quarter),Lower 95% limit')).toBe(true);

    // Revisions: the demo figures were each received once.
    await expect.poll(() => page.locator('section[aria-labelledby="revisions-heading"]').textContent()).toContain('None of these figures has been revised');
    await expectAccessible(page, 'indicator page');
    expect(journeyState.session.errors).toEqual([]);
  });

  it('opens an indicator without a period on the same latest twelve months as the overview', async () => {
    const { page } = journeyState.session;
    await page.goto(`/indicators/da-incident-rate?area=${BUCKINGHAMSHIRE}`);
    await settled(page);
    await expect.poll(() => page.locator('p.govuk-body-l').first().textContent()).toBe('12 months to Sep 2026 (Oct 2025–Sep 2026)');
    expect(await page.locator('.app-card__value').first().textContent()).toMatch(/^[\d.]+ per 1,000 people$/);
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe(LATEST_TWELVE_MONTHS);
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

  it('sees a figure flagged when it was sent, beside it on the card and the indicator page, in the tables, the download and the revisions', async () => {
    // The police data officer resends Buckinghamshire's latest quarter through the API, with more
    // charges than crimes: a warning, not an error, so the figures are stored as sent.
    const partner = journeyState.sessions[1].page;
    await signIn(partner, DEMO.partner);
    const { csrfToken } = (await (await partner.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const sent = await partner.request.post('/api/returns/police', {
      headers: { 'x-csrf-token': csrfToken },
      multipart: { file: { name: 'police-2026-27-q2.csv', mimeType: 'text/csv', buffer: flaggedPoliceFile() } },
    });
    const body = (await sent.json()) as { warnings: Array<{ code: string }> };
    expect(sent.status(), JSON.stringify(body)).toBe(201);
    expect(body.warnings.map((w) => w.code)).toContain('charges-more-than-crimes');

    // The board member's card for the quarter: 105.0%, and the flag beside it, in words without figures.
    const { page } = journeyState.session;
    const FLAG = 'Flagged when sent: When the police force sent these figures, a check found that charges were more than DA-related crimes. They were stored as sent.';
    await page.goto(`/overview?area=${BUCKINGHAMSHIRE}&period=${LATEST_QUARTER}`);
    await settled(page);
    const chargeCard = page.locator('li.app-card', { has: page.getByRole('link', { name: 'Crimes resulting in a charge', exact: true }) });
    expect(await chargeCard.locator('.app-card__value').textContent()).toBe('105.0%per cent of crimes in the quarter');
    const cardFlag = chargeCard.locator('.app-card__value + .govuk-warning-text');
    expect(await cardFlag.textContent()).toBe(`!Warning: ${FLAG}`);
    expect(await cardFlag.isVisible()).toBe(true);
    await expectAccessible(page, 'overview with a flagged figure');
    // Printed as a board paper, the flag is still beside the figure.
    await page.emulateMedia({ media: 'print' });
    expect(await cardFlag.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The latest twelve months hold the flagged quarter: the card says which quarter.
    await page.goto(`/overview?area=${BUCKINGHAMSHIRE}`);
    await settled(page);
    expect(await chargeCard.locator('.govuk-warning-text').textContent()).toBe(`!Warning: ${FLAG.replace('Flagged when sent:', 'Flagged when sent (Q2 2026-27):')}`);
    await expectAccessible(page, 'overview, latest twelve months with a flagged quarter');

    // The indicator page: beside the value, in the trend and compare-areas tables, and in the download.
    await chargeCard.getByRole('link').click();
    await page.waitForURL(/\/indicators\/charge-rate\?/);
    await settled(page);
    expect(await page.locator('.app-card__value + .govuk-warning-text').textContent()).toContain('Flagged when sent (Q2 2026-27): When the police force sent these figures');
    // In each table a flagged row has the warning in a line under it; the downloads have a Warnings column.
    const trendTable = page.locator('table', { has: page.locator('caption', { hasText: 'Crimes resulting in a charge, Buckinghamshire, rolling twelve months' }) });
    const flagsUnder = (row: ReturnType<typeof page.locator>) => row.locator('xpath=following-sibling::tr[1]');
    await expect.poll(() => trendTable.locator('tbody tr').count()).toBe(13); // twelve rows, one of them flagged
    const lastTwelveMonths = trendTable.locator('tbody tr', { has: page.getByRole('rowheader', { name: '12 months to Sep 2026 (Oct 2025–Sep 2026)' }) });
    expect(await flagsUnder(lastTwelveMonths).textContent()).toBe(`!Warning: ${FLAG.replace('Flagged when sent:', 'Flagged when sent (Q2 2026-27):')}`);
    expect(await trendTable.locator('thead').textContent()).not.toContain('Warnings');
    const compareTable = page.locator('table', { has: page.locator('caption', { hasText: 'areas in Thames Valley' }) });
    const bucksRow = compareTable.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Buckinghamshire' }) });
    expect(await flagsUnder(bucksRow).textContent()).toContain('Flagged when sent (Q2 2026-27): When the police force');
    // Thames Valley is summed from its authorities, so its figure carries the flag too, saying whose.
    const parentRow = compareTable.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Thames Valley' }) });
    expect(await flagsUnder(parentRow).textContent()).toContain('Flagged when sent (Buckinghamshire, Q2 2026-27): When the police force');
    expect(await compareTable.locator('tbody tr.app-data-table__flags').count()).toBe(2);

    const [trendDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV\W+Crimes resulting in a charge, Buckinghamshire, rolling/ }).click()]);
    const trendLines = (await downloadText(trendDownload)).trim().split('\r\n');
    expect(trendLines[0].endsWith(',Warnings')).toBe(true);
    expect(trendLines.at(-1)).toMatch(/^R12-2026-27Q2,.*,"?Flagged when sent \(Q2 2026-27\): When the police force sent these figures/);
    expect(trendLines[1].endsWith(',')).toBe(true); // an earlier row, unflagged: an empty cell
    const [compareDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV\W+Crimes resulting in a charge: areas in Thames Valley/ }).click()]);
    const compareLines = (await downloadText(compareDownload)).trim().split('\r\n');
    // (trim() has taken the byte order mark.)
    expect(compareLines[0]).toMatch(/^Area,Period,Value \(%\),.*,Warnings$/);
    expect(compareLines.find((l) => l.startsWith('Buckinghamshire,'))).toMatch(/^Buckinghamshire,R12-2026-27Q2,.*Flagged when sent \(Q2 2026-27\)/);

    // The revision that brought the warning says so.
    const revisions = page.locator('section[aria-labelledby="revisions-heading"] table');
    await expect.poll(() => revisions.locator('tbody tr').count()).toBe(1);
    expect(await revisions.locator('tbody td').last().textContent()).toBe(`crimes, charges!Warning: ${FLAG}`);
    await expectAccessible(page, 'indicator page with a flagged figure');
    expect(journeyState.session.errors).toEqual([]);
  });
});
