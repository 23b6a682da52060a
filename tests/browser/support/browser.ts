// Real Chromium for the journeys: Debian's /usr/bin/chromium driven by playwright-core (no
// browser is ever downloaded). Each page records Content-Security-Policy violations and page
// errors, and can be scanned with axe-core; serious and critical violations fail the test.
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { JOURNEY_NOW } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const DEMO = {
  board: { email: 'board@demo.invalid', password: 'demo-board-2026' },
  analyst: { email: 'analyst@demo.invalid', password: 'demo-analyst-2026' },
  partner: { email: 'police@demo.invalid', password: 'demo-partner-2026' },
  admin: { email: 'admin@demo.invalid', password: 'demo-admin-2026' },
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page. */
  errors: string[];
}

/** A fresh browser context (its own cookies) with the clock at the journeys' fixed "today". */
export async function openSession(browser: Browser, baseUrl: string): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  await context.clock.setFixedTime(JOURNEY_NOW);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window.__cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
}

/**
 * Presses Tab until the element is focused, proving it can be reached from the keyboard alone.
 * Fails if it is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, max = 150) {
  await target.waitFor({ state: 'visible' });
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    // The locator is looked up afresh each time: the page may have re-rendered the element.
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} cannot be reached with the Tab key`);
}

/** Waits until no "Loading …" status is left on the page. */
export async function settled(page: Page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((el) => el.textContent?.startsWith('Loading')), undefined, { timeout: 20_000 });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Scans the page with axe-core (WCAG 2.2 A and AA rules and best practice); fails on serious or critical violations. */
export async function expectAccessible(page: Page, label: string) {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
  expect(await cspViolations(page), `${label}: Content-Security-Policy violations`).toEqual([]);
}
