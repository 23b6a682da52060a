// The demo's four partnerships read against the demo data: each strategy is valid, the demo
// board member and analyst belong to all four, and the statuses the data produces are varied.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyView } from '../../schemas/strategy-api';
import { DEMO_ACCOUNTS } from '../access/demo-accounts';
import { SHIPPED_REGISTER } from '../engine/register';
import { strategyProblems } from '../strategy/validate';
import { buildTestApp, TEST_NOW } from '../test/helpers';
import { loadDemoData } from './load';
import { DEMO_PARTNERSHIPS } from './strategies';

let app: FastifyInstance;

async function demoHeaders(role: 'board' | 'analyst') {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: account.email, password: account.password } });
  expect(login.statusCode).toBe(204);
  return { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

beforeAll(async () => {
  app = await buildTestApp();
  await loadDemoData(app.db, TEST_NOW);
}, 120_000);
afterAll(async () => {
  await app.close();
});

function summary(view: StrategyView): string[] {
  return view.aims.flatMap((aim) => [
    `  ${aim.status.padEnd(14)} ${aim.title}`,
    ...aim.measures.map((m) => `    ${m.status.padEnd(14)} ${m.indicator} ${m.baseline.period}=${m.baseline.value?.toFixed(1) ?? m.baseline.status} → ${m.latest.period}=${m.latest.value?.toFixed(1) ?? m.latest.status}: ${m.reason}`),
  ]);
}

describe('demo strategies', () => {
  it('are valid strategies', () => {
    for (const p of DEMO_PARTNERSHIPS) expect(strategyProblems(SHIPPED_REGISTER, p.strategy), p.name).toBeNull();
  });

  it('give the demo board member all four partnerships, with the seeds’ numbers of aims', async () => {
    const headers = await demoHeaders('board');
    const list = (await app.inject({ url: '/api/partnerships', headers })).json().partnerships as Array<{ id: number; name: string; areas: string[] }>;
    expect(list.map((p) => p.areas[0]).sort()).toEqual(['E06000056', 'E06000060', 'E09000004', 'E10000025']);
    const aims = new Map<string, number>();
    for (const p of list) {
      const view = (await app.inject({ url: `/api/partnerships/${p.id}/strategy`, headers })).json() as StrategyView;
      aims.set(p.areas[0], view.aims.length);
    }
    expect(Object.fromEntries(aims)).toEqual({ E06000060: 4, E06000056: 5, E10000025: 4, E09000004: 5 });
  });

  it('produce varied statuses, in the latest twelve months and at each strategy’s target year', async () => {
    const lines: string[] = [];
    const statuses = new Set<string>();
    const aimStatuses = new Set<string>();
    for (const role of ['board', 'analyst'] as const) {
      const headers = await demoHeaders(role);
      const list = (await app.inject({ url: '/api/partnerships', headers })).json().partnerships as Array<{ id: number; name: string; strategies: Array<{ to: string }> }>;
      expect(list).toHaveLength(4);
      if (role === 'analyst') continue;
      for (const p of list) {
        for (const period of [undefined, p.strategies[0].to]) {
          const response = await app.inject({ url: `/api/partnerships/${p.id}/strategy${period ? `?period=${period}` : ''}`, headers });
          expect(response.statusCode, response.body).toBe(200);
          const view = response.json() as StrategyView;
          lines.push(`${p.name}: ${view.strategy.title}, ${view.period.label} (${view.period.chosen})`, ...summary(view));
          for (const aim of view.aims) {
            aimStatuses.add(aim.status);
            for (const m of aim.measures) statuses.add(m.status);
          }
        }
      }
    }
    console.log(lines.join('\n'));
    expect(statuses.size).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain('on-track');
    expect(statuses).toContain('off-track');
    expect(aimStatuses.size).toBeGreaterThanOrEqual(2);
  });
});
