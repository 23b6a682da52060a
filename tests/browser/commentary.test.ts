// Commentary in real Chromium against the real server and demo data (issue 11, item 4). The demo
// analyst adds commentary on one of Bexley's aims with the keyboard alone (line breaks and all),
// then revises it: the page shows the revision with the first version kept behind a disclosure,
// as the API stores them. The demo board member reads the same commentary with no way to write,
// opens a measure's folded commentary, and prints the page with comments and without forms. On
// the indicator page the board member reads a note a partner wrote on their return beside the
// figure it explains. A revision saved by someone else in the meantime (409) is shown to the
// analyst before theirs is stored. Every state is scanned with axe-core, and used at 375 px wide.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Comment, PartnerNotes } from '../../schemas/commentary-api';
import type { StrategyView } from '../../schemas/strategy-api';
import { DEMO, expectAccessible, settled, signIn, tabTo } from './support/browser';
import { journey } from './support/journey';

/** The analyst's session, and the board member's. */
const journeyState = journey(2);

const BEXLEY = 'Bexley Domestic Abuse Strategic Partnership Board';
const BUCKINGHAMSHIRE_BOARD = 'Buckinghamshire Domestic Abuse Board';
const BUCKINGHAMSHIRE = 'E06000060';
const FIRST = 'Referrals from GP practices doubled after the training in the spring.\nThe next round starts in January.';
const REVISED = 'Referrals from GP practices doubled after the training in the spring.\nThe next round starts in January, and the pharmacies join it.';

async function partnershipId(page: Page, name: string): Promise<number> {
  const { partnerships } = (await (await page.request.get('/api/partnerships')).json()) as { partnerships: Array<{ id: number; name: string }> };
  return partnerships.find((p) => p.name === name)!.id;
}

async function strategy(page: Page, id: number): Promise<StrategyView> {
  return (await (await page.request.get(`/api/partnerships/${id}/strategy`)).json()) as StrategyView;
}

async function commentsOn(page: Page, id: number, subject: string, period: string): Promise<Comment[]> {
  const response = await page.request.get(`/api/partnerships/${id}/commentary?period=${period}&subject=${subject}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { commentary: Comment[] }).commentary;
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', tag: document.activeElement?.tagName ?? '' }));

describe('commentary on the partnership page', () => {
  it('an analyst adds commentary on an aim with the keyboard alone, then revises it; both versions are kept', async () => {
    const { page } = journeyState.sessions[0];
    await signIn(page, DEMO.analyst);
    const id = await partnershipId(page, BEXLEY);
    const view = await strategy(page, id);
    const aim = view.aims[0];
    const label = `Aim 1: ${aim.title}`;
    await page.goto(`/partnerships/${id}`);
    await settled(page);

    const section = page.getByRole('region', { name: `Commentary on ${label}` });
    await section.waitFor();
    expect(await section.getByRole('article').count()).toBe(0);
    await tabTo(page, section.getByRole('button', { name: `Add commentary on ${label}` }));
    await page.keyboard.press('Enter');
    const textarea = page.getByRole('textbox', { name: `Commentary on ${label}` });
    await expect.poll(() => textarea.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await section.locator('.govuk-character-count__message').textContent()).toBe('You have 5,000 characters remaining');
    await expectAccessible(page, 'the form to add commentary');

    // Saved empty: the problem in words, linked to the field.
    await tabTo(page, section.getByRole('button', { name: 'Save commentary' }));
    await page.keyboard.press('Enter');
    expect(await section.getByRole('alert').textContent()).toContain('Write the commentary before saving it');
    await expectAccessible(page, 'the form with an error');

    await tabTo(page, textarea);
    await page.keyboard.type(FIRST);
    expect(await section.locator('.govuk-character-count__message').textContent()).toBe(`You have ${(5000 - FIRST.length).toLocaleString('en-GB')} characters remaining`);
    await tabTo(page, section.getByRole('button', { name: 'Save commentary' }));
    await page.keyboard.press('Enter');

    // Focus moves to the comment saved, which reads as written, signed by the analyst today.
    const article = section.getByRole('article');
    await expect.poll(async () => (await focused(page)).tag).toBe('ARTICLE');
    expect(await article.locator('.app-comment__body').textContent()).toBe(FIRST);
    expect(await article.locator('.app-comment__body').evaluate((el) => el.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(el).lineHeight) - 1)).toBe(true);
    expect(await article.locator('.app-comment__byline').textContent()).toBe('Demo analyst, 22 November 2026');
    expect(await section.getByRole('status').textContent()).toBe('Commentary added.');

    // Revised: the new text shown, the first kept as an earlier version.
    await tabTo(page, article.getByRole('button', { name: /^Revise the commentary by Demo analyst/ }));
    await page.keyboard.press('Enter');
    const revision = article.getByRole('textbox', { name: 'Revised commentary' });
    await expect.poll(() => revision.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await revision.inputValue()).toBe(FIRST);
    await revision.fill(REVISED);
    await article.getByRole('button', { name: 'Save the revision' }).click();
    await expect.poll(() => article.locator('.app-comment__body').textContent()).toBe(REVISED);
    expect(await article.locator('.app-comment__byline').textContent()).toBe('Demo analyst, 22 November 2026 Revised');
    await article.locator('summary', { hasText: 'Earlier version' }).click();
    expect(await article.locator('.app-comment__version-body').allTextContents()).toEqual([FIRST]);

    // As the API stores it: two versions on the aim, for the period the page shows.
    const [stored] = await commentsOn(page, id, `aim:${aim.id}`, view.period.id);
    expect(stored.history.map((v) => v.body)).toEqual([FIRST, REVISED]);
    expect(stored.version).toBe(2);
    await expectAccessible(page, 'the revised commentary');
    expect(journeyState.sessions[0].errors).toEqual([]);
  });

  it('a board member reads it with no way to write, opens a measure’s commentary, and prints the comments without the forms', async () => {
    const { page } = journeyState.sessions[1];
    await signIn(page, DEMO.board);
    const id = await partnershipId(page, BEXLEY);
    const label = `Aim 1: ${(await strategy(page, id)).aims[0].title}`;
    await page.goto(`/partnerships/${id}`);
    await settled(page);
    const section = page.getByRole('region', { name: `Commentary on ${label}` });
    await expect.poll(() => section.locator('.app-comment__body').allTextContents()).toEqual([REVISED]);
    expect(await page.getByRole('button', { name: /^(Add commentary|Revise)/ }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await section.locator('summary', { hasText: 'Earlier version' }).click();
    expect(await section.locator('.app-comment__version-body').allTextContents()).toEqual([FIRST]);
    await expectAccessible(page, 'commentary as a board member reads it');

    // Buckinghamshire's demo commentary on a measure, folded under its row until opened.
    const bucks = await partnershipId(page, BUCKINGHAMSHIRE_BOARD);
    const view = await strategy(page, bucks);
    await page.goto(`/partnerships/${bucks}`);
    await settled(page);
    const measures = view.aims.flatMap((a) => a.measures);
    const withComment: Array<{ measure: (typeof measures)[number]; comments: Comment[] }> = [];
    for (const measure of measures) {
      const comments = await commentsOn(page, bucks, `measure:${measure.id}`, view.period.id);
      if (comments.some((c) => c.subject.kind === 'measure' && c.subject.measure === measure.id)) withComment.push({ measure, comments: comments.filter((c) => c.subject.measure === measure.id) });
    }
    expect(withComment.length).toBeGreaterThan(0);
    const { measure, comments } = withComment[0];
    const toggle = page.getByRole('button', { name: `Commentary (${comments.length}) on ${measure.indicatorTitle}, ${measure.areaName}` });
    await tabTo(page, toggle);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const folded = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    expect(await folded.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await folded.locator('.app-comment__body').allTextContents()).toEqual(comments.map((c) => c.body));
    await expectAccessible(page, 'a measure’s commentary opened');
    await page.keyboard.press('Enter');
    expect(await folded.isVisible()).toBe(false);

    // On paper: the folded comments too, no buttons or forms.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await folded.isVisible()).toBe(true);
      expect(await folded.locator('.app-comment__body').first().isVisible()).toBe(true);
      expect(await toggle.isVisible()).toBe(false);
      expect(await page.locator('.app-comment__history').first().isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: null });
    }
    expect(journeyState.sessions[1].errors).toEqual([]);
  });

  it('prints the analyst’s page with the comments and no form or button', async () => {
    const { page } = journeyState.sessions[0];
    const id = await partnershipId(page, BEXLEY);
    const label = `Aim 1: ${(await strategy(page, id)).aims[0].title}`;
    await page.goto(`/partnerships/${id}`);
    await settled(page);
    const section = page.getByRole('region', { name: `Commentary on ${label}` });
    await section.getByRole('button', { name: /^Revise/ }).click();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await section.locator('.app-comment__body').isVisible()).toBe(true);
      expect(await section.locator('form').isVisible()).toBe(false);
      expect(await page.locator('.app-commentary__add').first().isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });
});

describe('notes from the returns on the indicator page', () => {
  it('a board member reads a partner’s note beside the figure it explains, with its return, quarter and organisation', async () => {
    const { page } = journeyState.sessions[1];
    const bucks = await partnershipId(page, BUCKINGHAMSHIRE_BOARD);
    const response = await page.request.get(`/api/partnerships/${bucks}/partner-notes?indicator=da-incident-rate&area=${BUCKINGHAMSHIRE}&period=2020-21`);
    expect(response.status()).toBe(200);
    const notes = (await response.json()) as PartnerNotes;
    // The demo police return for the first lockdown's quarter carries a note.
    expect(notes.notes.map((n) => n.note)).toContain('First national lockdown from 23 March 2020: more incidents reported from April.');

    await page.goto(`/indicators/da-incident-rate?area=${BUCKINGHAMSHIRE}&period=2020-21`);
    await settled(page);
    const region = page.getByRole('region', { name: 'Notes from the returns' });
    await region.waitFor();
    expect(await region.locator('.app-partner-note__text').allTextContents()).toEqual(notes.notes.map((n) => n.note));
    expect(await region.locator('.app-partner-note__source').allTextContents()).toEqual(notes.notes.map((n) => `${n.returnTitle}, ${n.quarterLabel}, ${n.organisation ?? 'loaded by an analyst'}`));
    // Beside the figure: after the headline value, before the indicator's definition.
    expect(await region.evaluate((el) => Boolean(document.querySelector('.app-card__value')!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await page.getByRole('region', { name: 'Commentary' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Add commentary/ }).count()).toBe(0);
    await expectAccessible(page, 'the indicator page with notes from the returns');
  });

  it('an analyst may add commentary on the figure there', async () => {
    const { page } = journeyState.sessions[0];
    await page.goto(`/indicators/da-incident-rate?area=${BUCKINGHAMSHIRE}&period=2020-21`);
    await settled(page);
    await page.getByRole('button', { name: /^Add commentary on / }).click();
    await page.getByRole('textbox', { name: /^Commentary on / }).fill('Lockdown moved reporting from April.');
    await page.getByRole('button', { name: 'Save commentary' }).click();
    const region = page.getByRole('region', { name: 'Commentary' });
    await expect.poll(() => region.locator('.app-comment__body').allTextContents()).toEqual(['Lockdown moved reporting from April.']);
    const bucks = await partnershipId(page, BUCKINGHAMSHIRE_BOARD);
    const stored = await commentsOn(page, bucks, `figure:da-incident-rate:${BUCKINGHAMSHIRE}`, '2020-21');
    expect(stored.map((c) => [c.subject.kind, c.period, c.body])).toEqual([['figure', '2020-21', 'Lockdown moved reporting from April.']]);
    await expectAccessible(page, 'commentary on a figure');
  });
});

describe('at 375 px wide', () => {
  it('the commentary, its form and the notes fit without sideways scrolling', async () => {
    const { page } = journeyState.sessions[0];
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      const id = await partnershipId(page, BEXLEY);
      await page.goto(`/partnerships/${id}`);
      await settled(page);
      await page.locator('.app-comment').first().waitFor();
      await page.getByRole('button', { name: /^Add commentary on Aim 2/ }).click();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const textarea = page.getByRole('textbox', { name: /^Commentary on Aim 2/ });
      expect((await textarea.boundingBox())!.width).toBeLessThanOrEqual(375);
      await expectAccessible(page, 'the partnership page with a form open at 375 px');

      await page.goto(`/indicators/da-incident-rate?area=${BUCKINGHAMSHIRE}&period=2020-21`);
      await settled(page);
      await page.getByRole('region', { name: 'Notes from the returns' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'the indicator page with notes at 375 px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('two analysts revising the same commentary', () => {
  it('the one who saves second is told, sees the other’s version, keeps their own text, and saves on top of it knowingly', async () => {
    const { page } = journeyState.sessions[0];
    const id = await partnershipId(page, BEXLEY);
    const view = await strategy(page, id);
    const aim = view.aims[2];
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const created = await page.request.post(`/api/partnerships/${id}/commentary`, { headers, data: { subject: { kind: 'aim', aim: aim.id }, period: view.period.id, body: 'Written first.' } });
    expect(created.status()).toBe(201);
    const comment = (await created.json()) as Comment;

    await page.goto(`/partnerships/${id}`);
    await settled(page);
    const section = page.getByRole('region', { name: `Commentary on Aim 3: ${aim.title}` });
    await section.getByRole('button', { name: /^Revise the commentary/ }).click();
    await section.getByRole('textbox', { name: 'Revised commentary' }).fill('My revision.');

    // Meanwhile, someone else's revision is stored.
    const theirs = await page.request.put(`/api/partnerships/${id}/commentary/${comment.id}`, { headers, data: { body: 'Their revision.', version: 1 } });
    expect(theirs.status()).toBe(200);

    await section.getByRole('button', { name: 'Save the revision' }).click();
    const alert = section.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Demo analyst revised this commentary on 22 November 2026 at 12:00 while you were writing. Their version (version 2) is now shown above');
    await expect.poll(() => section.locator('.app-comment__body').textContent()).toBe('Their revision.');
    expect(await section.getByRole('textbox', { name: 'Revised commentary' }).inputValue()).toBe('My revision.');
    await expectAccessible(page, 'a revision refused because of another');

    await section.getByRole('button', { name: 'Save the revision' }).click();
    await expect.poll(() => section.locator('.app-comment__body').textContent()).toBe('My revision.');
    const [stored] = await commentsOn(page, id, `aim:${aim.id}`, view.period.id);
    expect(stored.history.map((v) => v.body)).toEqual(['Written first.', 'Their revision.', 'My revision.']);
  });
});
