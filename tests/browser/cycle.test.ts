// The quarter's cycle in the browser (DOMAIN.md 5.8): an analyst reads every return's status and
// approves a quarter; the demo police data officer sees their organisation's returns received
// (the demo data is credited to the demo organisations) and signs one off; a board member sees
// on the overview what is overdue and late, and follows the notice to the statuses. Every page
// is scanned with axe-core.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, settled, signIn, type Session } from './support/browser';
import { journey } from './support/journey';

const BEXLEY = 'E09000004';
/** At the journeys' fixed today (22 November 2026) the window is Q3 2025-26 to Q3 2026-27. */
/** The grid's period columns: a yearly return's financial year follows the quarter that ends it. */
const COLUMNS = ['Q3 2025-26', 'Q4 2025-26', '2025-26', 'Q1 2026-27', 'Q2 2026-27', 'Q3 2026-27'];
const POLICE = 'Police domestic abuse return';

const journeyState = journey(3);
let analyst: Session;
let partner: Session;
let board: Session;

beforeAll(() => {
  [analyst, partner, board] = journeyState.sessions;
});

function row(page: Page, returnTitle: string, area: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: area, exact: true }) }).filter({ has: page.getByRole('cell', { name: returnTitle, exact: true }) });
}

/** The status cell of a row for a quarter (the first cell is the return's name). */
function statusCell(r: Locator, quarter: string): Locator {
  return r.getByRole('cell').nth(1 + COLUMNS.indexOf(quarter));
}

describe('an analyst', () => {
  it('sees each return’s status and deadline, and approves a quarter', async () => {
    const page = analyst.page;
    await signIn(page, DEMO.analyst);
    await page.goto(`/quarter?area=${BEXLEY}`);
    await settled(page);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Return', 'Area', ...COLUMNS]);

    const idva = row(page, 'IDVA service return', 'Bexley');
    expect(await statusCell(idva, 'Q2 2026-27').textContent()).toBe('OverdueDue 30 October 2026');
    expect(await statusCell(idva, 'Q3 2026-27').textContent()).toBe('Not due yetDue 30 January 2027');
    expect(await statusCell(row(page, 'Safe accommodation return', 'Bexley'), 'Q1 2026-27').textContent()).toBe('Received lateDue 30 July 2026Received 14 August 2026Approve Safe accommodation return, Bexley, Q1 2026-27');
    const police = row(page, POLICE, 'Bexley');
    expect(await statusCell(police, 'Q2 2026-27').textContent()).toContain('ReceivedDue 30 October 2026Received 15 October 2026');
    await expectAccessible(page, 'quarter’s returns (analyst)');

    await page.getByRole('button', { name: `Approve ${POLICE}, Bexley, Q2 2026-27` }).click();
    await expect.poll(() => statusCell(police, 'Q2 2026-27').textContent()).toMatch(/^ApprovedDue 30 October 2026Received 15 October 2026Approved by (Demo analyst|analyst@demo.invalid), 22 November 2026$/);
    expect(await page.getByRole('alert').textContent()).toContain(`Approved: ${POLICE}, Bexley, Q2 2026-27. Corrections to it now need a reason.`);
    await expectAccessible(page, 'quarter’s returns after approving');
    expect(analyst.errors).toEqual([]);
  });
});

describe('the demo partner', () => {
  it('sees its returns received, on the completeness page and the returns page, and signs one off', async () => {
    const page = partner.page;
    await signIn(page, DEMO.partner);
    await page.goto('/completeness');
    await settled(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Quarter’s returns');
    // Only its grants: the police return for the nine Thames Valley authorities, each received.
    const rows = page.getByRole('row').filter({ has: page.getByRole('cell', { name: POLICE, exact: true }) });
    expect(await rows.count()).toBe(9);
    for (const quarter of ['Q3 2025-26', 'Q4 2025-26', 'Q1 2026-27', 'Q2 2026-27']) {
      for (const r of await rows.all()) expect(await statusCell(r, quarter).textContent(), quarter).toMatch(/^ReceivedDue .*Received \d+ \w+ 20\d\dSign off/);
    }
    expect(await page.getByText('Overdue').count()).toBe(1); // only in the key of statuses
    await expectAccessible(page, 'completeness (partner)');

    const reading = row(page, POLICE, 'Reading');
    await page.getByRole('button', { name: `Sign off ${POLICE}, Reading, Q2 2026-27` }).click();
    await expect.poll(() => statusCell(reading, 'Q2 2026-27').textContent()).toMatch(/^Signed offDue 30 October 2026Received 12 October 2026Signed off by (Demo police data officer|police@demo.invalid), 22 November 2026$/);
    expect(await page.getByRole('alert').textContent()).toContain(`Signed off: ${POLICE}, Reading, Q2 2026-27.`);
    await expectAccessible(page, 'completeness after signing off');

    await page.goto('/returns');
    await settled(page);
    expect(await page.getByText('No returns have been received yet.').count()).toBe(0);
    expect(await page.getByText(/^34 returns, newest first\./).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Upload a police return' }).count()).toBe(1);
    await expectAccessible(page, 'returns (partner)');
    expect(partner.errors).toEqual([]);
  });
});

describe('a board member', () => {
  it('sees on the overview what is overdue and late, and follows the notice to the statuses', async () => {
    const page = board.page;
    await signIn(page, DEMO.board);
    await page.goto(`/overview?area=${BEXLEY}`);
    await settled(page);
    const notice = page.getByRole('region', { name: 'Important' });
    await notice.waitFor();
    expect(await notice.locator('.govuk-notification-banner__heading').allTextContents()).toEqual(['1 return is overdue for Bexley:', '1 return came in late for Bexley:']);
    expect(await notice.getByRole('listitem').allTextContents()).toEqual([
      'IDVA service return, Q2 2026-27 (due 30 October 2026)',
      'Safe accommodation return, Q1 2026-27 (due 30 July 2026, received 14 August 2026)',
    ]);
    await expectAccessible(page, 'overview with the notice');

    await notice.getByRole('link', { name: 'See every return’s status and deadline' }).click();
    await page.waitForURL((url) => url.pathname === '/quarter' && url.searchParams.get('area') === BEXLEY);
    await settled(page);
    expect(await statusCell(row(page, 'IDVA service return', 'Bexley'), 'Q2 2026-27').textContent()).toBe('OverdueDue 30 October 2026');
    // What the analyst approved is approved for the board too.
    expect(await statusCell(row(page, POLICE, 'Bexley'), 'Q2 2026-27').textContent()).toMatch(/^Approved/);
    expect(await page.getByRole('button', { name: /^(Approve|Sign off)/ }).count()).toBe(0);
    await expectAccessible(page, 'quarter’s returns (board)');

    // An area where everything arrived on time has no notice.
    await page.goto('/overview?area=E06000038');
    await settled(page);
    expect(await page.getByRole('region', { name: 'Important' }).count()).toBe(0);
    expect(board.errors).toEqual([]);
  });
});
