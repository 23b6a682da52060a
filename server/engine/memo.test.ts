// The memos' budget forgets the least recently used entry first, one at a time, across every
// memo that shares it; dropping stale entries frees their room.
import { describe, expect, it } from 'vitest';
import { CacheBudget, Memo3 } from './memo';

function counting() {
  let made = 0;
  return { make: (v: string) => () => (made++, v), made: () => made };
}

describe('Memo3 on a CacheBudget', () => {
  it('computes once and remembers', () => {
    const memo = new Memo3<string>();
    const c = counting();
    expect(memo.get('i', 'A', 'Q1', c.make('x'))).toBe('x');
    expect(memo.get('i', 'A', 'Q1', c.make('y'))).toBe('x');
    expect(c.made()).toBe(1);
    expect(memo.budget.size).toBe(1);
  });

  it('forgets the least recently used entry, across the memos that share a budget', () => {
    const budget = new CacheBudget(3);
    const values = new Memo3<string>(budget);
    const trends = new Memo3<string>(budget);
    values.get('i', 'A', 'Q1', () => 'v1');
    trends.get('i', 'A', 'Q1', () => 't1');
    values.get('i', 'A', 'Q2', () => 'v2');
    values.get('i', 'A', 'Q1', () => 'again'); // used: now the newest
    trends.get('i', 'A', 'Q2', () => 't2'); // over the cap: the oldest, trend Q1, goes
    expect(budget.size).toBe(3);
    expect(budget.evictions).toBe(1);
    expect(trends.peek('i', 'A', 'Q1')).toBeUndefined();
    expect(values.peek('i', 'A', 'Q1')).toBe('v1');
    expect(values.peek('i', 'A', 'Q2')).toBe('v2');
    expect(trends.peek('i', 'A', 'Q2')).toBe('t2');
    values.get('i', 'B', 'Q1', () => 'v3'); // next oldest: value Q2
    expect(values.peek('i', 'A', 'Q2')).toBeUndefined();
    expect(budget.size).toBe(3);
  });

  it('drops the entries an update names, by the sources declared for their key, and frees their room', () => {
    const memo = new Memo3<string>(new CacheBudget(10));
    for (const key of ['police-ind', 'marac-ind']) {
      memo.declare(key, () => [key.split('-')[0]]);
      for (const area of ['A', 'B']) for (const period of ['Q1', 'Q2']) memo.get(key, area, period, () => `${key} ${area} ${period}`);
    }
    const dropped = memo.drop((sources) => (sources?.includes('police') ? new Map([['A', (period: string) => period === 'Q2']]) : null));
    expect(dropped).toBe(1);
    expect(memo.peek('police-ind', 'A', 'Q2')).toBeUndefined();
    expect(memo.peek('police-ind', 'A', 'Q1')).toBe('police-ind A Q1');
    expect(memo.peek('police-ind', 'B', 'Q2')).toBe('police-ind B Q2');
    expect(memo.peek('marac-ind', 'A', 'Q2')).toBe('marac-ind A Q2');
    expect(memo.budget.size).toBe(7);
  });

  it('drops everything under a key whose sources were never declared', () => {
    const memo = new Memo3<string>();
    memo.get('undeclared', 'A', 'Q1', () => 'x');
    expect(memo.drop((sources) => (sources === undefined ? 'all' : null))).toBe(1);
    expect(memo.budget.size).toBe(0);
  });

  it('refuses a budget with no room', () => {
    expect(() => new CacheBudget(0)).toThrow(/at least one entry/);
  });
});
