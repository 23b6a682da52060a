// The board paper (issue 11, item 5) in real Chromium against the real server and demo data: a
// board member opens it from their partnership's "Board paper" tab (keyboard alone), reads its
// sections in the order a board reads them, finds the measures off track in the exceptions,
// takes the Word document, and prints it: the summary on at most two A4 pages for every demo
// partnership, the other sections after it, no navigation or buttons. The period chosen goes
// with the reader from tab to tab; an ended strategy says so; at 375 px nothing scrolls
// sideways but the tables' own regions. An analyst sees their copy is not for circulation and
// records the paper as issued. Every state is scanned with axe-core; what the page shows is
// checked against what the API says, not against numbers written here.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BoardPaper } from '../../schemas/board-paper-api';
import { DEMO, expectAccessible, settled, signIn, tabTo } from './support/browser';
import { journey } from './support/journey';

/** The board member's session, and the analyst's. */
const journeyState = journey(2);

const SECTIONS = ['1 Summary', '2 Exceptions', '3 Commentary', '4 Actions overdue and due soon', '5 Data notes'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CENTRAL_BEDFORDSHIRE = 'Central Bedfordshire Domestic Abuse Partnership';
/** A status as its tag reads, symbol first, as on the partnership page. */
const STATUS_TAG = { 'on-track': '✓On track', 'at-risk': '!At risk', 'off-track': '✕Off track', 'not-assessable': '?Not assessable' } as const;
/** The summary's promise: at most two A4 pages. */
const SUMMARY_PAGES = 2;

async function partnerships(page: Page): Promise<Array<{ id: number; name: string }>> {
  return ((await (await page.request.get('/api/partnerships')).json()) as { partnerships: Array<{ id: number; name: string }> }).partnerships;
}

async function paperFor(page: Page, id: number, period?: string): Promise<BoardPaper> {
  const response = await page.request.get(`/api/partnerships/${id}/board-paper${period ? `?period=${period}` : ''}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as BoardPaper;
}

async function openPaper(page: Page, id: number, query = '') {
  await page.goto(`/partnerships/${id}/paper${query}`);
  await settled(page);
  await page.locator('.app-paper-summary').waitFor();
}

/**
 * The links on each page of a PDF, in page order (as partnership.test.ts reads them: Chromium
 * writes page and annotation dictionaries uncompressed).
 */
function pdfPageLinks(pdf: Buffer): string[][] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1], m[2]);
  const refs = (s: string) => [...s.matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
  const catalog = [...objects.values()].find((body) => /\/Type\s*\/Catalog/.test(body));
  const root = catalog && /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  if (!root) throw new Error('no page tree in the PDF');
  const pages: string[] = [];
  const walk = (id: string) => {
    const body = objects.get(id) ?? '';
    if (/\/Type\s*\/Pages/.test(body)) for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '')) walk(kid);
    else pages.push(body);
  };
  walk(root);
  return pages.map((page) => {
    const annotations = refs(/\/Annots\s*\[([^\]]*)\]/.exec(page)?.[1] ?? '');
    const uris = annotations.map((a) => /\/URI\s*\(([^)]*)\)/.exec(objects.get(a) ?? '')?.[1]).filter((u): u is string => u !== undefined);
    // A link broken over two lines is one link.
    return [...new Set(uris)];
  });
}

/** A spine where it helps: the measure has a figure and at least two areas of its group do. */
const spinesExpected = (paper: BoardPaper) =>
  paper.summary.aims.flatMap((a) => a.measures).filter((m) => m.latest.status === 'ok' && m.spine.areasCompared >= 2 && m.spine.lowest && m.spine.highest).length;

const h2s = (page: Page) => page.locator('main h2').allTextContents();

describe('a board member and the board paper', () => {
  it('opens the paper from the partnership’s tab with the keyboard, and reads its sections in order', async () => {
    const { page } = journeyState.sessions[0];
    await signIn(page, DEMO.board);
    await page.waitForURL(/\/partnerships\/\d+$/);
    await settled(page);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const tabs = page.getByRole('navigation', { name: 'Partnership sections' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['Aims and measures', 'Delivery plan', 'Board paper']);
    expect(await tabs.getByRole('link', { name: 'Aims and measures' }).getAttribute('aria-current')).toBe('page');

    await tabTo(page, tabs.getByRole('link', { name: 'Board paper' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/partnerships/${id}/paper`);
    await settled(page);
    await page.locator('.app-paper-summary').waitFor();
    expect(await tabs.getByRole('link', { name: 'Board paper' }).getAttribute('aria-current')).toBe('page');
    expect(await tabs.getByRole('link', { name: 'Aims and measures' }).getAttribute('aria-current')).toBeNull();
    // Focus starts the new page at its heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    const paper = await paperFor(page, id);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Board paper');
    expect(await page.locator('.app-paper-period').textContent()).toBe(paper.period.label);
    expect(await h2s(page)).toEqual(SECTIONS);
    expect(await page.locator('.app-paper-sentence').textContent()).toBe(paper.summary.sentence);
    // Every measure in the summary, aim by aim, with its status in words.
    const measures = paper.summary.aims.flatMap((a) => a.measures);
    expect(await page.locator('tr.app-paper-measure th[scope="row"] a').allTextContents()).toEqual(measures.map((m) => m.indicatorTitle));
    expect(await page.locator('tr.app-paper-measure .app-status').allTextContents()).toEqual(measures.map((m) => STATUS_TAG[m.status]));
    expect(await page.locator('svg.app-spine').count()).toBe(spinesExpected(paper));
    expect(await page.getByText('Not for circulation').count()).toBe(0);
    await expectAccessible(page, 'the board paper');
  });

  it('lists each measure the API says is off track in the exceptions, with its reason, and draws the spines that help', async () => {
    const { page } = journeyState.sessions[0];
    const list = await partnerships(page);
    const withOffTrack = [];
    for (const p of list) {
      const paper = await paperFor(page, p.id);
      if (paper.exceptions.offTrack.length > 0) withOffTrack.push({ p, paper });
    }
    expect(withOffTrack.length).toBeGreaterThan(0);
    let spinesDrawn = 0;
    for (const { p, paper } of withOffTrack) {
      await openPaper(page, p.id);
      // A spine where it helps, each with its sentence.
      const spines = page.locator('svg.app-spine');
      expect(await spines.count(), p.name).toBe(spinesExpected(paper));
      for (const label of await spines.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label') ?? ''))) expect(label).toMatch(/areas range from .+ to .+\.$/);
      spinesDrawn += await spines.count();
      const items = await page.getByRole('list', { name: 'Measures off track' }).getByRole('listitem').allTextContents();
      expect(items).toHaveLength(paper.exceptions.offTrack.length);
      for (const [i, m] of paper.exceptions.offTrack.entries()) {
        expect(items[i]).toContain(m.indicatorTitle);
        expect(items[i]).toContain(m.valueText);
        expect(items[i]).toContain(m.reason);
      }
      // The same measures carry "Off track" in the summary.
      const summaryOffTrack = await page.locator('tr.app-paper-measure--off-track th a').allTextContents();
      expect(summaryOffTrack).toEqual(paper.exceptions.offTrack.map((m) => m.indicatorTitle));
    }
    expect(spinesDrawn).toBeGreaterThan(0);
  });

  it('carries the period chosen from tab to tab, and says when the strategy ran out before it', async () => {
    const { page } = journeyState.sessions[0];
    const bedfordshire = (await partnerships(page)).find((p) => p.name === CENTRAL_BEDFORDSHIRE)!;
    await page.goto(`/partnerships/${bedfordshire.id}`);
    await settled(page);
    const notice = 'This strategy ran to 2019-20; its targets are read against later figures until a new strategy is added.';
    expect(await page.locator('.app-strategy-ended').textContent()).toBe(notice);

    await page.getByLabel('Type of period').selectOption('financial-year');
    await page.getByLabel('Twelve months', { exact: true }).selectOption('2018-19');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/period=2018-19/);
    await settled(page);
    // Inside the strategy's years: no notice.
    expect(await page.locator('.app-strategy-ended').count()).toBe(0);

    await page.getByRole('navigation', { name: 'Partnership sections' }).getByRole('link', { name: 'Board paper' }).click();
    await page.waitForURL(`**/partnerships/${bedfordshire.id}/paper?period=2018-19`);
    await settled(page);
    await page.locator('.app-paper-summary').waitFor();
    const paper = await paperFor(page, bedfordshire.id, '2018-19');
    expect(await page.locator('.app-paper-period').textContent()).toBe(paper.period.label);
    expect(await page.locator('.app-paper-sentence').textContent()).toBe(paper.summary.sentence);
    expect(await page.locator('.app-strategy-ended').count()).toBe(0);

    // And on to the delivery plan, under the same header, still for 2018-19.
    await page.getByRole('navigation', { name: 'Partnership sections' }).getByRole('link', { name: 'Delivery plan' }).click();
    await page.waitForURL(`**/partnerships/${bedfordshire.id}/plan?period=2018-19`);
    await settled(page);
    expect(await page.getByRole('navigation', { name: 'Partnership sections' }).getByRole('link', { name: 'Delivery plan' }).getAttribute('aria-current')).toBe('page');

    // The latest twelve months are after the strategy's end: the paper says so.
    await openPaper(page, bedfordshire.id);
    expect(await page.locator('.app-strategy-ended').textContent()).toBe(notice);
    await expectAccessible(page, 'the board paper of an ended strategy');
  });

  it('offers the Word document as a plain link that answers with a Word file', async () => {
    const { page } = journeyState.sessions[0];
    const id = (await partnerships(page))[0].id;
    await openPaper(page, id, '?period=2025-26');
    const link = page.getByRole('link', { name: 'Download Word document (.docx)' });
    const address = (await link.getAttribute('href'))!;
    expect(address).toBe(`/api/partnerships/${id}/board-paper.docx?period=2025-26`);
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), zip: String.fromCharCode(bytes[0], bytes[1]) };
    }, address);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe(DOCX_TYPE);
    expect(answer.disposition).toMatch(/^attachment; filename=".+\.docx"$/);
    // A .docx is a zip file.
    expect(answer.zip).toBe('PK');
  });

  it('at 375 px wide: the page never scrolls sideways; the tables scroll in their own named regions', async () => {
    const { page } = journeyState.sessions[0];
    const oxfordshire = (await partnerships(page)).find((p) => p.name.startsWith('Oxfordshire'))!;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await openPaper(page, oxfordshire.id);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
      const region = page.getByRole('region', { name: 'Summary of aims and measures (scrolls sideways)' });
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await tabTo(page, region);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await expectAccessible(page, 'the board paper at 375 px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('printing the paper', () => {
  it('prints the summary on at most two A4 pages for every demo partnership, the other sections after it', async () => {
    const { page } = journeyState.sessions[0];
    for (const p of await partnerships(page)) {
      await openPaper(page, p.id);
      const paper = await paperFor(page, p.id);
      expect(await page.locator('tr.app-paper-measure').count()).toBe(paper.summary.aims.reduce((n, a) => n + a.measures.length, 0));
      const shown = new Set(await page.locator('tr.app-paper-measure th a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)));
      const pages = pdfPageLinks(await page.pdf({ format: 'A4' }));
      const evidence = pages.map((links) => links.filter((u) => u.includes('/indicators/')).length);
      // Every measure's link to its evidence is on the paper, all of them within the first two pages.
      expect(new Set(pages.slice(0, SUMMARY_PAGES).flat().filter((u) => u.includes('/indicators/'))), p.name).toEqual(shown);
      expect(evidence.slice(SUMMARY_PAGES).every((n) => n === 0), `${p.name}: ${JSON.stringify(evidence)}`).toBe(true);
      // The sections after the summary start on a page of their own.
      expect(pages.length, p.name).toBeGreaterThan(evidence.findLastIndex((n) => n > 0) + 1);
    }

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 680, height: 1000 });
    try {
      for (const hidden of ['.govuk-service-navigation', '.app-sections', 'form.app-partnership-switcher', 'form.app-filters', '.app-paper-buttons', '.govuk-button']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      // Laid out as on A4 paper: every table and its last column inside the page, header rows repeated on each page.
      const layout = await page.evaluate(() => ({
        right: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('table')].map((t) => ({
          caption: t.caption?.textContent ?? '',
          right: t.getBoundingClientRect().right,
          lastColumnRight: Math.max(...[...t.querySelectorAll('thead th:last-child, tbody td:last-child')].map((c) => c.getBoundingClientRect().right)),
          head: getComputedStyle(t.tHead!).display,
        })),
        headingsKeptWithNext: [...document.querySelectorAll('main h2, main h3')].every((h) => getComputedStyle(h).breakAfter === 'avoid'),
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.right);
      expect(layout.tables.length).toBeGreaterThan(0);
      for (const table of layout.tables) {
        expect(table.right, table.caption).toBeLessThanOrEqual(layout.right);
        expect(table.lastColumnRight, table.caption).toBeLessThanOrEqual(table.right + 0.5);
        expect(table.head, table.caption).toBe('table-header-group');
      }
      expect(layout.headingsKeptWithNext).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(journeyState.sessions[0].errors).toEqual([]);
  });
});

describe('an analyst and the board paper', () => {
  it('sees that their copy is not for circulation, and records the paper as issued', async () => {
    const { page } = journeyState.sessions[1];
    await signIn(page, DEMO.analyst);
    const oxfordshire = (await partnerships(page)).find((p) => p.name.startsWith('Oxfordshire'))!;
    await openPaper(page, oxfordshire.id);
    expect(await page.locator('.app-paper-unsuppressed').textContent()).toContain('Not for circulation.');
    const before = await paperFor(page, oxfordshire.id);
    expect(before.lastIssued).toBeNull();
    expect(await page.getByText('No paper has been recorded as issued yet, so there is nothing to compare with.').count()).toBe(1);

    await page.getByRole('button', { name: 'Record this paper as issued' }).click();
    // A confirmation first, which takes focus; cancelling records nothing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, record it as issued');
    await expectAccessible(page, 'recording the paper, confirmation');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await paperFor(page, oxfordshire.id)).lastIssued).toBeNull();

    await page.getByRole('button', { name: 'Record this paper as issued' }).click();
    await page.getByRole('button', { name: 'Yes, record it as issued' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Paper recorded as issued' });
    await banner.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('paper-issued-result');
    const { papers } = (await (await page.request.get(`/api/partnerships/${oxfordshire.id}/board-papers`)).json()) as { papers: Array<{ period: string; issuedBy: string; figures: number }> };
    expect(papers).toHaveLength(1);
    expect(papers[0].period).toBe(before.period.id);
    expect(await banner.textContent()).toContain(`recorded as issued by ${papers[0].issuedBy}`);
    expect(await banner.textContent()).toContain(`${papers[0].figures} figures`);

    // The paper now compares with the one just issued.
    await expect.poll(() => page.locator('.app-paper-facts').textContent()).toContain(`recorded by ${papers[0].issuedBy}`);
    expect(await page.getByText(/^No figure shown in the paper issued on .+ has changed since\.$/).count()).toBe(1);
    await expectAccessible(page, 'after recording the paper as issued');
    expect(journeyState.sessions[1].errors).toEqual([]);
  });

  it('is not offered to a board member', async () => {
    const { page } = journeyState.sessions[0];
    await openPaper(page, (await partnerships(page))[0].id);
    expect(await page.getByRole('button', { name: 'Record this paper as issued' }).count()).toBe(0);
  });
});
