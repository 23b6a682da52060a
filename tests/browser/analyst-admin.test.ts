// An analyst sees the unsuppressed figure that a board member sees as "Suppressed", and the
// revisions of the figures; an administrator manages users, grants, tokens (shown once) and the
// sign-in settings, and reads the audit trail. Every page is scanned with axe-core.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, settled, signIn, type Session } from './support/browser';
import { journey } from './support/journey';

const DEMO_AREAS = ['E06000060', 'E10000025', 'E06000038', 'E06000039', 'E06000041', 'E09000004', 'E06000056'];
const QUARTERS = ['2026-27Q2', '2026-27Q1', '2025-26Q4', '2025-26Q3'];

const journeyState = journey(3);
let board: Session;
let analyst: Session;
let admin: Session;

async function cookieFor(app: FastifyInstance, who: { email: string; password: string }): Promise<string> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: who });
  expect(login.statusCode).toBe(204);
  return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

interface SummaryBody {
  aims: Array<{ indicators: Array<{ indicator: { id: string; title: string }; value: { status: string } }> }>;
}

/** An area, quarter and indicator that the board sees suppressed and the analyst sees. */
async function findSuppressed(app: FastifyInstance) {
  const [boardCookie, analystCookie] = await Promise.all([cookieFor(app, DEMO.board), cookieFor(app, DEMO.analyst)]);
  for (const period of QUARTERS) {
    for (const area of DEMO_AREAS) {
      const url = `/api/areas/${area}/summary?period=${period}`;
      const [b, a] = await Promise.all([app.inject({ url, headers: { cookie: boardCookie } }), app.inject({ url, headers: { cookie: analystCookie } })]);
      const analystValues = new Map((a.json() as SummaryBody).aims.flatMap((aim) => aim.indicators.map((i) => [i.indicator.id, i.value.status])));
      for (const item of (b.json() as SummaryBody).aims.flatMap((aim) => aim.indicators)) {
        if (item.value.status === 'suppressed' && analystValues.get(item.indicator.id) === 'ok') return { area, period, id: item.indicator.id, title: item.indicator.title };
      }
    }
  }
  throw new Error('The demo data has no value that is suppressed for the board and shown to analysts.');
}

beforeAll(() => {
  [board, analyst, admin] = journeyState.sessions;
});

describe('an analyst', () => {
  it('sees unsuppressed values that a board member sees as suppressed', async () => {
    const target = await findSuppressed(journeyState.server.app);
    const card = (s: Session) => s.page.locator('li.app-card', { has: s.page.getByRole('link', { name: target.title, exact: true }) });

    await signIn(board.page, DEMO.board);
    await board.page.goto(`/overview?area=${target.area}&period=${target.period}`);
    await settled(board.page);
    expect(await card(board).locator('.app-card__value').textContent()).toBe('Suppressed');
    expect(await card(board).textContent()).toContain("protect people's privacy");

    await signIn(analyst.page, DEMO.analyst);
    await analyst.page.goto(`/overview?area=${target.area}&period=${target.period}`);
    await settled(analyst.page);
    // (A quarter has a second inset saying its figures are for one quarter.)
    expect(await analyst.page.locator('.govuk-inset-text', { hasText: 'unsuppressed figures' }).count()).toBe(1);
    const value = await card(analyst).locator('.app-card__value').textContent();
    expect(value).not.toBe('Suppressed');
    expect(value).toMatch(/^[\d,]+(\.\d+)?/);
    await expectAccessible(analyst.page, 'overview (analyst)');

    // The indicator page shows analysts the revisions of the figures.
    await card(analyst).getByRole('link').click();
    await analyst.page.waitForURL(`**/indicators/${target.id}?**`);
    await settled(analyst.page);
    await expect.poll(() => analyst.page.getByRole('heading', { name: 'Revisions' }).count()).toBe(1);
    await expectAccessible(analyst.page, 'indicator page (analyst)');
    expect(analyst.errors).toEqual([]);
  });
});

describe('an administrator', () => {
  it('adds a user', async () => {
    const { page } = admin;
    await signIn(page, DEMO.admin);
    await page.goto('/admin');
    await expectAccessible(page, 'administration');
    await page.getByRole('link', { name: 'Users' }).click();
    await settled(page);
    expect(await page.getByRole('rowheader', { name: /Demo board member/ }).count()).toBe(1);
    await expectAccessible(page, 'users');

    await page.getByLabel('Name', { exact: true }).fill('New board member');
    await page.getByLabel('Email address').fill('new.board@example.test');
    await page.getByLabel('Role').selectOption('board');
    await page.getByLabel('First password').fill('a long enough first password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('New board member can now sign in as a board member');
    await expect.poll(() => page.getByRole('rowheader', { name: /New board member/ }).count()).toBe(1);
  });

  it('changes an organisation’s grants', async () => {
    const { page } = admin;
    await page.goto('/admin/organisations');
    await settled(page);
    await page.getByRole('button', { name: /Change grants for Thames Valley Police/ }).click();
    const box = page.getByRole('checkbox', { name: 'MARAC return for Reading' });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expectAccessible(page, 'grants editor');
    await page.getByRole('button', { name: 'Save grants' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Thames Valley Police/ }).textContent()).toContain('MARAC return: Reading');
  });

  it('creates an API token, shown once, and revokes it', async () => {
    const { page } = admin;
    await page.goto('/admin/tokens');
    await settled(page);
    await page.getByLabel('Organisation').selectOption({ label: 'Thames Valley Police (demo)' });
    await page.getByLabel('Name', { exact: true }).fill('Nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.locator('.govuk-panel__title').textContent()).toBe('Token created: Nightly export');
    const token = (await page.locator('.app-token').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    await expectAccessible(page, 'token created');

    // The token works for the partner's own system.
    const check = await journeyState.server.app.inject({ url: '/api/submissions?limit=1', headers: { authorization: `Bearer ${token}` } });
    expect(check.statusCode).toBe(200);

    // Leaving the page loses it: it is never shown again.
    await page.goto('/admin/tokens');
    await settled(page);
    expect(await page.locator('.app-token').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke Nightly export' }).click();
    await page.getByRole('button', { name: 'Yes, revoke Nightly export' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Nightly export/ }).textContent()).toContain('Revoked');
    const after = await journeyState.server.app.inject({ url: '/api/submissions?limit=1', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('changes the sign-in settings, within their bounds', async () => {
    const { page } = admin;
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Sign-in settings' }).click();
    await page.waitForURL('**/admin/sign-in');
    await settled(page);
    const idle = page.getByLabel('Idle timeout');
    const values = () =>
      Promise.all(['Idle timeout', 'Longest session', 'Failed sign-ins before a pause', 'Longest pause'].map((label) => page.getByLabel(label).inputValue()));
    expect(await values()).toEqual(['30', '12', '5', '15']);
    expect(await page.getByText('Between 5 and 240 minutes', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'sign-in settings');

    // Too short: the error summary takes focus, says what to do and links to the field.
    await idle.fill('2');
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Enter a number of minutes between 5 and 240');
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('#sign-in-idle-minutes-error').textContent()).toContain('Enter a number of minutes between 5 and 240');
    expect(await page.locator('.govuk-notification-banner').count()).toBe(0);
    await expectAccessible(page, 'sign-in settings with an error');
    await summary.getByRole('link', { name: 'Enter a number of minutes between 5 and 240' }).click();
    expect(await idle.evaluate((el) => el === document.activeElement)).toBe(true);

    // Within bounds, submitted from the keyboard: saved, and still there after a reload.
    await idle.fill('20');
    await idle.press('Enter');
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('Sign-in settings saved');
    expect(await summary.count()).toBe(0);
    await expectAccessible(page, 'sign-in settings saved');
    await page.reload();
    await settled(page);
    expect(await values()).toEqual(['20', '12', '5', '15']);

    // Back to the default, so the rest of the journey runs under the usual settings.
    await idle.fill('30');
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('Sign-in settings saved');
    await page.reload();
    await settled(page);
    expect(await idle.inputValue()).toBe('30');
  });

  it('reads the audit trail', async () => {
    const { page } = admin;
    await page.goto('/admin/audit');
    await settled(page);
    await page.getByLabel('Action').selectOption('token-create');
    await settled(page);
    await expect.poll(() => page.getByRole('table').textContent()).toContain('token-create');
    await expectAccessible(page, 'audit trail');
    // Each change of the sign-in settings is recorded too.
    await page.getByLabel('Action').selectOption('sign-in-settings-update');
    await settled(page);
    await expect.poll(() => page.getByRole('table').textContent()).toContain('sign-in-settings-update');
    expect(await page.getByText(/newest first/).textContent()).toBe('2 events, newest first.');
    await page.goto('/account');
    await expectAccessible(page, 'your account');
    expect(admin.errors).toEqual([]);
  });
});
