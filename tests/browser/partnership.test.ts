// A board member's partnership (issue 11): they sign in and land on it without choosing anything,
// read how many aims are off track and which, leave only those with the filter, open a measure's
// evidence (the indicator page for its area and period), read another year, and switch
// partnership; all of it with the keyboard alone too, on a 375 px screen, and printed: the
// partnership page as a compact summary on at most two A4 pages, the overview with a summary
// first and no page holding a single card, and the indicator page with its charts and tables
// inside the printable width. Every page is scanned with axe-core. What the pages show is
// checked against what the API says, not against numbers written here.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StrategyView } from '../../schemas/strategy-api';
import { DEMO, expectAccessible, settled, signIn, tabTo } from './support/browser';
import { journey } from './support/journey';

/** The demo data's latest complete twelve months at the journeys' fixed today (22 November 2026). */
const LATEST_TWELVE_MONTHS = 'R12-2026-27Q2';
const LATEST_LABEL = '12 months to Sep 2026 (Oct 2025–Sep 2026)';
const BUCKINGHAMSHIRE = 'E06000060';
/** A4 between the print stylesheet's 15 mm margins, in CSS pixels (lib/print.ts). */
const PRINTABLE_WIDTH = 680;
/**
 * The issue counted 12 A4 pages for the overview's 33 cards, one of them holding a single card:
 * 2.75 cards a page. The catalogue has grown since, so the test holds the density, not the count.
 */
const OVERVIEW_CARDS_PER_PAGE_BEFORE = 33 / 12;

const journeyState = journey();

const STATUS_TEXT = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'not-assessable': 'Not assessable' } as const;

async function strategyFor(page: Page, id: number, period?: string): Promise<StrategyView> {
  const response = await page.request.get(`/api/partnerships/${id}/strategy${period ? `?period=${period}` : ''}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StrategyView;
}

async function partnerships(page: Page): Promise<Array<{ id: number; name: string }>> {
  return ((await (await page.request.get('/api/partnerships')).json()) as { partnerships: Array<{ id: number; name: string }> }).partnerships;
}

/** Each aim shown, as "title: status", in the page's order. */
async function aimsShown(page: Page): Promise<string[]> {
  return page.locator('section.app-strategy-aim').evaluateAll((sections) =>
    sections.map((s) => `${s.querySelector('.app-strategy-aim__title')?.textContent?.replace(/^Aim \d+: /, '')}: ${s.querySelector('.app-strategy-aim__head .app-status')?.textContent?.slice(1)}`),
  );
}

const expected = (view: StrategyView, only?: (status: string) => boolean) => view.aims.filter((a) => !only || only(a.status)).map((a) => `${a.title}: ${STATUS_TEXT[a.status]}`);

/**
 * The links on each page of a PDF, in page order. Chromium writes a PDF's page and annotation
 * dictionaries uncompressed, so each page's links can be read from its /Annots without a PDF
 * library; a link broken over two lines is one link.
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
    return [...new Set(uris)];
  });
}

describe('a board member and their partnership', () => {
  it('signs in and lands on their partnership’s latest twelve months, the aims off track named at the top', async () => {
    const { page } = journeyState.session;
    await signIn(page, DEMO.board);
    await page.waitForURL(/\/partnerships\/\d+$/);
    await settled(page);
    const mine = await partnerships(page);
    expect(mine.length).toBeGreaterThan(1);
    // The first they belong to, without choosing anything.
    expect(new URL(page.url()).pathname).toBe(`/partnerships/${mine[0].id}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(mine[0].name);
    expect(await page.locator('.app-strategy-period').textContent()).toBe(LATEST_LABEL);
    expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Our strategy' }).getAttribute('aria-current')).toBe('page');

    const view = await strategyFor(page, mine[0].id);
    expect(view.period.id).toBe(LATEST_TWELVE_MONTHS);
    expect(await aimsShown(page)).toEqual(expected(view));
    // The counts, in numbers and words, add up to the aims.
    for (const [status, text] of Object.entries(STATUS_TEXT)) {
      const tile = page.locator(`.app-status-count--${status}`);
      expect(await tile.locator('.app-status-count__number').textContent()).toBe(String(view.aims.filter((a) => a.status === status).length));
      expect(await tile.locator('.app-status-count__label').textContent()).toMatch(new RegExp(`${text}$`));
    }
    // Every measure has a status and a reason in a sentence.
    const reasons = await page.locator('.app-measure__reason').allTextContents();
    expect(reasons).toHaveLength(view.aims.reduce((n, a) => n + a.measures.length, 0));
    for (const reason of reasons) expect(reason).toMatch(/^[A-Z].{15,}\.$/);
    await expectAccessible(page, 'partnership page');
  });

  it('switches to another partnership and leaves only the aims off track or at risk', async () => {
    const { page } = journeyState.session;
    const mine = await partnerships(page);
    const bucks = mine.find((p) => p.name.startsWith('Buckinghamshire'))!;
    await page.getByLabel('Partnership', { exact: true }).selectOption(String(bucks.id));
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.waitForURL(`**/partnerships/${bucks.id}`);
    await settled(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(bucks.name);
    const view = await strategyFor(page, bucks.id);
    expect(view.aims.some((a) => a.status === 'off-track')).toBe(true);
    expect(view.aims.some((a) => a.status === 'on-track')).toBe(true);

    // The aims needing attention are named at the top, off track first.
    const named = await page.getByRole('list', { name: 'Aims off track or at risk' }).getByRole('link').allTextContents();
    expect(named).toEqual([...view.aims.filter((a) => a.status === 'off-track'), ...view.aims.filter((a) => a.status === 'at-risk')].map((a) => a.title));

    await page.getByRole('checkbox', { name: 'Show only aims off track or at risk' }).check();
    await page.waitForURL(/show=attention/);
    const attention = (s: string) => s === 'off-track' || s === 'at-risk';
    expect(await aimsShown(page)).toEqual(expected(view, attention));
    expect(await page.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toBe(`Showing ${expected(view, attention).length} of ${view.aims.length} aims: those off track or at risk.`);
    await expectAccessible(page, 'partnership page, aims off track or at risk');

    // A reload keeps the filter: it is in the address.
    await page.reload();
    await settled(page);
    expect(await aimsShown(page)).toEqual(expected(view, attention));
    await page.getByRole('checkbox', { name: 'Show only aims off track or at risk' }).uncheck();
    expect(await aimsShown(page)).toEqual(expected(view));
  });

  it('opens a measure’s evidence: the indicator page for its area and the same twelve months, with the same figure', async () => {
    const { page } = journeyState.session;
    const bucks = (await partnerships(page)).find((p) => p.name.startsWith('Buckinghamshire'))!;
    const view = await strategyFor(page, bucks.id);
    const measure = view.aims.find((a) => a.status === 'off-track')!.measures.find((m) => m.status === 'off-track')!;
    const row = page.locator('tr.app-measure', { has: page.getByRole('link', { name: measure.indicatorTitle, exact: true }) }).first();
    const latest = (await row.locator('.app-measure__value').textContent())!;
    await row.getByRole('link', { name: measure.indicatorTitle, exact: true }).click();
    await page.waitForURL(`**/indicators/${measure.indicator}?**`);
    await settled(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('area')).toBe(measure.area);
    expect(url.searchParams.get('period')).toBe(LATEST_TWELVE_MONTHS);
    expect(url.searchParams.get('benchmark')).toBe(measure.latest.benchmark?.area ?? null);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(measure.indicatorTitle);
    expect(await page.locator('p.govuk-body-l').first().textContent()).toBe(LATEST_LABEL);
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe(measure.area);
    expect(await page.locator('.app-card__value').first().textContent()).toBe(latest);
    await page.goBack();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe(`/partnerships/${bucks.id}`);
  });

  it('reads the strategy against another year with the period picker', async () => {
    const { page } = journeyState.session;
    const bucks = (await partnerships(page)).find((p) => p.name.startsWith('Buckinghamshire'))!;
    await page.getByLabel('Type of period').selectOption('financial-year');
    await page.getByLabel('Twelve months', { exact: true }).selectOption('2023-24');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/period=2023-24/);
    await settled(page);
    const view = await strategyFor(page, bucks.id, '2023-24');
    expect(await page.locator('.app-strategy-period').textContent()).toBe(view.period.label);
    expect(view.period.label).toContain('2023-24');
    expect(await aimsShown(page)).toEqual(expected(view));
    // The evidence follows the period shown.
    expect(await page.locator('tr.app-measure a').first().getAttribute('href')).toContain('period=2023-24');
    expect(journeyState.session.errors).toEqual([]);
  });

  it('with the keyboard alone: skips to the content, tabs through it in reading order, filters, opens the rules and the evidence', async () => {
    const { page } = journeyState.session;
    const bucks = (await partnerships(page)).find((p) => p.name.startsWith('Buckinghamshire'))!;
    await page.goto(`/partnerships/${bucks.id}`);
    await settled(page);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    // Every stop from the skip link to the first measure, in the order they are read.
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return label ?? el.textContent?.trim() ?? '';
      });
      stops.push(stop);
      if (await page.evaluate(() => document.activeElement?.closest('tr.app-measure') !== null)) break;
      // Focus is always visible: GOV.UK draws a yellow focus state or an outline.
      const visible = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
      });
      expect(visible, `focus visible on "${stop}"`).toBe(true);
    }
    const order = ['Partnership', 'Switch', 'Aims and measures', 'Type of period', 'Twelve months', 'Show', 'Show only aims off track or at risk', 'How statuses are decided', 'Print a board summary'];
    const positions = order.map((name) => stops.indexOf(name));
    expect(positions.every((p) => p >= 0), JSON.stringify(stops)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(await page.evaluate(() => document.activeElement?.closest('tr.app-measure') !== null)).toBe(true);

    // The filter with Space; the rules with Enter.
    await tabTo(page, page.getByRole('checkbox', { name: 'Show only aims off track or at risk' }));
    await page.keyboard.press('Space');
    await page.waitForURL(/show=attention/);
    await tabTo(page, page.locator('summary', { hasText: 'How statuses are decided' }));
    await page.keyboard.press('Enter');
    expect(await page.locator('details.app-status-rules').getAttribute('open')).not.toBeNull();

    // An aim named at the top takes the reader to its measures, and on to the evidence.
    const view = await strategyFor(page, bucks.id);
    const offTrack = view.aims.find((a) => a.status === 'off-track')!;
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, page.getByRole('list', { name: 'Aims off track or at risk' }).getByRole('link', { name: offTrack.title }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`aim-${offTrack.id}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(offTrack.measures[0].indicatorTitle);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/indicators/${offTrack.measures[0].indicator}?**`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('at 375 px wide: no sideways scrolling, each measure stacked with its column names', async () => {
    const { page } = journeyState.session;
    const bucks = (await partnerships(page)).find((p) => p.name.startsWith('Buckinghamshire'))!;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      for (const path of [`/partnerships/${bucks.id}`, '/partnerships', `/overview?area=${BUCKINGHAMSHIRE}`, `/indicators/repeat-victim-rate?area=${BUCKINGHAMSHIRE}`]) {
        await page.goto(path);
        await settled(page);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        expect(scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(client);
      }
      // The list of partnerships names each one the board member belongs to.
      await page.goto('/partnerships');
      await settled(page);
      expect(await page.locator('tbody th[scope="row"]').allTextContents()).toEqual((await partnerships(page)).map((p) => p.name));
      await expectAccessible(page, 'partnerships list at 375 px');

      await page.goto(`/partnerships/${bucks.id}`);
      await settled(page);
      const row = page.locator('tr.app-measure').first();
      expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
      expect((await row.boundingBox())!.width).toBeLessThanOrEqual(375);
      expect(await row.locator('.app-stack-label').allTextContents()).toEqual(['Measure', 'Area', 'Baseline', 'Target', 'Latest (95% interval)', 'Compared with benchmark', 'Status']);
      expect(await row.locator('.app-stack-label').first().isVisible()).toBe(true);
      await expectAccessible(page, 'partnership page at 375 px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('printing', () => {
  it('prints each partnership as a compact summary on at most two A4 pages, without navigation or controls', async () => {
    const { page } = journeyState.session;
    for (const p of await partnerships(page)) {
      await page.goto(`/partnerships/${p.id}`);
      await settled(page);
      const pages = pdfPageLinks(await page.pdf({ format: 'A4' }));
      expect(pages.length, `${p.name} prints on ${pages.length} pages`).toBeLessThanOrEqual(2);
      // Every measure is on the paper: one link to its evidence each.
      const measures = (await strategyFor(page, p.id)).aims.reduce((n, a) => n + a.measures.length, 0);
      expect(pages.flat().filter((u) => u.includes('/indicators/')).length).toBe(measures);
    }
    await page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of ['.govuk-service-navigation', '.app-sections', 'form.app-partnership-switcher', 'form.app-filters', '#only-attention']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      expect(await page.locator('.app-print-only').first().textContent()).toMatch(/^Board summary: .+, read against 12 months to Sep 2026/);
      expect(await page.locator('.app-status-counts').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });

  it('prints the overview with a summary of every indicator first, and no page holding a single card', async () => {
    const { page } = journeyState.session;
    await page.goto(`/overview?area=${BUCKINGHAMSHIRE}&period=2020-21`);
    await settled(page);
    const cards = await page.locator('li.app-card').count();
    const pages = pdfPageLinks(await page.pdf({ format: 'A4' }));
    const cardsPerPage = pages.map((links) => links.filter((u) => u.includes('/indicators/')).length);
    const pagesWithCards = cardsPerPage.filter((n) => n > 0).length;
    expect(cards / pagesWithCards, `cards per page: ${JSON.stringify(cardsPerPage)}`).toBeGreaterThan(1.5 * OVERVIEW_CARDS_PER_PAGE_BEFORE);
    // The summary comes first: the first page holds no card.
    expect(cardsPerPage[0]).toBe(0);
    expect(cardsPerPage.reduce((a, b) => a + b, 0)).toBe(cards);
    for (const [i, count] of cardsPerPage.entries()) expect(count === 0 || count > 1, `page ${i + 1} holds a single card: ${JSON.stringify(cardsPerPage)}`).toBe(true);

    await page.emulateMedia({ media: 'print' });
    try {
      const summary = page.locator('.app-print-summary');
      expect(await summary.isVisible()).toBe(true);
      expect(await summary.locator('tbody tr th[scope="row"]').count()).toBe(cards);
      // Before the first card.
      expect(await summary.evaluate((s) => Boolean(s.compareDocumentPosition(document.querySelector('li.app-card')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });

  it('prints the indicator page with its charts resized to the printable width and no table cut off', async () => {
    const { page } = journeyState.session;
    await page.goto(`/indicators/repeat-victim-rate?area=${BUCKINGHAMSHIRE}&period=2020-21`);
    await settled(page);
    await expect.poll(() => page.locator('.app-chart svg').count()).toBe(2);
    const chartWidths = () => page.locator('.app-chart svg').evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute('width'))));
    expect(Math.min(...(await chartWidths()))).toBeGreaterThan(PRINTABLE_WIDTH);

    // The browser says it is about to print: the charts are redrawn to fit the paper, then back.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await chartWidths()).toEqual([PRINTABLE_WIDTH, PRINTABLE_WIDTH]);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(Math.min(...(await chartWidths()))).toBeGreaterThan(PRINTABLE_WIDTH);

    // Laid out as on A4 paper: nothing wider than the page, every column and every axis label on it.
    await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    try {
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const layout = await page.evaluate(() => {
        const right = document.documentElement.clientWidth;
        return {
          right,
          scrollWidth: document.documentElement.scrollWidth,
          tables: [...document.querySelectorAll('table')].map((t) => ({
            caption: t.caption?.textContent ?? '',
            right: t.getBoundingClientRect().right,
            lastColumnRight: Math.max(...[...t.querySelectorAll('thead th:last-child, tbody td:last-child')].map((c) => c.getBoundingClientRect().right)),
          })),
          charts: [...document.querySelectorAll('.app-chart')].map((chart) => {
            const box = chart.getBoundingClientRect();
            const svg = chart.querySelector('svg')!.getBoundingClientRect();
            const labels = [...chart.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
            return {
              box: [box.left, box.top, box.right, box.bottom],
              svg: [svg.left, svg.top, svg.right, svg.bottom],
              labelsOutside: labels.filter((r) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1).length,
              labels: labels.length,
            };
          }),
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.right);
      expect(layout.tables.length).toBeGreaterThanOrEqual(2);
      for (const table of layout.tables) {
        expect(table.right, table.caption).toBeLessThanOrEqual(layout.right);
        expect(table.lastColumnRight, table.caption).toBeLessThanOrEqual(table.right + 0.5);
      }
      expect(layout.charts).toHaveLength(2);
      for (const chart of layout.charts) {
        expect(chart.svg[2]).toBeLessThanOrEqual(layout.right);
        // The drawing is inside its box (nothing cropped), and so is every axis label.
        expect(chart.svg[3]).toBeLessThanOrEqual(chart.box[3] + 0.5);
        expect(chart.svg[2]).toBeLessThanOrEqual(chart.box[2] + 0.5);
        expect(chart.labels).toBeGreaterThan(5);
        expect(chart.labelsOutside).toBe(0);
      }
    } finally {
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(journeyState.session.errors).toEqual([]);
  });
});
