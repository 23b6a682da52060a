// The demo's four partnerships read against the demo data: each strategy is valid, the demo
// board member and analyst belong to all four, and the statuses the data produces are varied.
// Oxfordshire's and Bexley's delivery plans follow their appendices, link to their aims and
// measures, and show actions complete, on track and overdue.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyView } from '../../schemas/strategy-api';
import { DEMO_ACCOUNTS } from '../access/demo-accounts';
import { SHIPPED_REGISTER } from '../engine/register';
import { strategyProblems } from '../strategy/validate';
import { buildTestApp, TEST_NOW } from '../test/helpers';
import { loadDemoData } from './load';
import type { DeliveryPlan } from '../../schemas/actions-api';
import { isOverdue, parseTimescale } from '../strategy/actions-timescale';
import { DEMO_DELIVERY_PLANS } from './delivery-plans';
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

describe('demo delivery plans', () => {
  async function plans() {
    const headers = await demoHeaders('board');
    const list = (await app.inject({ url: '/api/partnerships', headers })).json().partnerships as Array<{ id: number; areas: string[]; strategies: Array<{ from: string }> }>;
    const out = new Map<string, { plan: DeliveryPlan; from: string }>();
    for (const p of list) {
      const response = await app.inject({ url: `/api/partnerships/${p.id}/actions`, headers });
      expect(response.statusCode, response.body).toBe(200);
      out.set(p.areas[0], { plan: response.json() as DeliveryPlan, from: p.strategies[0].from });
    }
    return out;
  }

  it('give Oxfordshire and Bexley their appendices’ plans, every action under an aim, and the others none', async () => {
    const all = await plans();
    expect([...all].filter(([, p]) => p.plan.actions.length > 0).map(([area]) => area).sort()).toEqual(['E09000004', 'E10000025']);
    for (const [area, demo] of DEMO_DELIVERY_PLANS) {
      const { plan, from } = all.get(area)!;
      expect(plan.actions.map((a) => a.title)).toEqual(demo.map((a) => a.title));
      for (const [i, action] of plan.actions.entries()) {
        expect(action.aim?.number, action.title).toBe(demo[i].aim);
        expect(action.measure?.indicator, action.title).toBe(demo[i].measure);
        expect(action.leadAgency, action.title).toBeTruthy();
        // The timescale as the document writes it, read into the due date as an import reads it.
        expect(action.timescale).toBe(demo[i].timescale);
        expect(action.due, action.timescale!).toBe(parseTimescale(action.timescale, from));
        for (const u of action.updates) expect(u.on <= plan.today).toBe(true);
      }
      expect(plan.actions.filter((a) => a.measure !== null).length).toBeGreaterThanOrEqual(3);
      expect(plan.actions.filter((a) => a.updates.length > 0).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('show actions complete, on track and overdue, on the test day and in December 2026', async () => {
    for (const { plan } of (await plans()).values()) {
      if (plan.actions.length === 0) continue;
      for (const today of [plan.today, '2026-12-15']) {
        const overdue = plan.actions.filter((a) => isOverdue(a, today));
        expect(overdue.length, `${plan.partnership.name} on ${today}`).toBeGreaterThanOrEqual(2);
        expect(plan.actions.some((a) => a.status === 'complete')).toBe(true);
        expect(plan.actions.some((a) => a.status === 'on-track' && !isOverdue(a, today))).toBe(true);
        // Some work with a date still ahead, not only open-ended work.
        expect(plan.actions.some((a) => a.status !== 'complete' && a.due !== null && a.due > today)).toBe(true);
      }
      expect(plan.summary.overdue).toBe(plan.actions.filter((a) => a.overdue).length);
    }
  });

  it('reach the strategy view: overdue actions with their latest update', async () => {
    const headers = await demoHeaders('board');
    const oxfordshire = ((await app.inject({ url: '/api/partnerships', headers })).json().partnerships as Array<{ id: number; areas: string[] }>).find((p) => p.areas[0] === 'E10000025')!;
    const view = (await app.inject({ url: `/api/partnerships/${oxfordshire.id}/strategy`, headers })).json() as StrategyView;
    const overdue = view.actions.filter((a) => a.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    for (const a of overdue) expect(a.latestUpdate?.author).toBe('Demo analyst');
    expect(view.actions.every((a) => a.lead === [a.leadAgency, a.leadPerson].filter(Boolean).join(' — '))).toBe(true);
  });
});
