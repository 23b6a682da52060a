// The status rules as a table of known answers (server/strategy/status.ts states them).
import { describe, expect, it } from 'vitest';
import type { MeasureStatus, Target } from '../../schemas/strategy-api';
import { aimStatus, assessMeasure, type Estimate, type MeasureFacts } from './status';

/** A figure at quarter ordinal `at` (baseline at 0; by default a year later, 4). */
const fig = (value: number, lower: number, upper: number, at = 4): Estimate => ({ status: 'ok', value, lower, upper, at });
const hidden = (status: Estimate['status'], at: number): Estimate => ({ status, value: null, lower: null, upper: null, at });

const BASE = fig(30, 28, 32, 0);
const down: Target = { kind: 'value', value: 20, by: '2023-24', direction: 'decrease' };
const up: Target = { kind: 'value', value: 50, by: '2023-24', direction: 'increase' };
// Baseline at quarter 0, target at quarter 12: the path for `down` is 30 → 20, so 26.67 after a year (4 quarters), 23.33 after two.

const cases: Array<[string, MeasureFacts, MeasureStatus, number | null]> = [
  // value by a date, decrease
  ['decrease: interval reaches the path → on-track', { target: down, baseline: BASE, latest: fig(27.5, 26, 29), targetAt: 12 }, 'on-track', 30 - 10 / 3],
  ['decrease: point beats the path → on-track', { target: down, baseline: BASE, latest: fig(24, 22, 26, 4), targetAt: 12 }, 'on-track', 30 - 10 / 3],
  ['decrease: misses the path, significantly down → at-risk', { target: down, baseline: BASE, latest: fig(27, 26.7, 27.3, 8), targetAt: 12 }, 'at-risk', 30 - 20 / 3],
  ['decrease: misses the path, change inside the interval → off-track', { target: down, baseline: BASE, latest: fig(29, 27, 31, 8), targetAt: 12 }, 'off-track', 30 - 20 / 3],
  ['decrease: moved up → off-track', { target: down, baseline: BASE, latest: fig(33, 32, 34, 8), targetAt: 12 }, 'off-track', 30 - 20 / 3],
  ['decrease: after the target date the path is the target', { target: down, baseline: BASE, latest: fig(21, 19.5, 22.5, 20), targetAt: 12 }, 'on-track', 20],
  ['decrease: after the target date, short of it but down → at-risk', { target: down, baseline: BASE, latest: fig(23, 22, 24, 20), targetAt: 12 }, 'at-risk', 20],
  // value by a date, increase
  ['increase: upper limit reaches the path → on-track', { target: up, baseline: BASE, latest: fig(34, 33, 36.7, 4), targetAt: 12 }, 'on-track', 30 + 20 / 3],
  ['increase: short of the path, significantly up → at-risk', { target: up, baseline: BASE, latest: fig(34, 33, 35, 4), targetAt: 12 }, 'at-risk', 30 + 20 / 3],
  ['increase: no significant change → off-track', { target: up, baseline: BASE, latest: fig(31, 29, 33, 4), targetAt: 12 }, 'off-track', 30 + 20 / 3],
  // not assessable
  ['latest suppressed', { target: up, baseline: BASE, latest: hidden('suppressed', 4), targetAt: 12 }, 'not-assessable', null],
  ['latest no data', { target: up, baseline: BASE, latest: hidden('no-data', 4), targetAt: 12 }, 'not-assessable', null],
  ['latest incomplete', { target: up, baseline: BASE, latest: hidden('incomplete', 4), targetAt: 12 }, 'not-assessable', null],
  ['baseline no data', { target: up, baseline: hidden('no-data', 0), latest: fig(40, 39, 41, 4), targetAt: 12 }, 'not-assessable', null],
  ['latest is the baseline period', { target: up, baseline: BASE, latest: fig(30, 28, 32, 0), targetAt: 12 }, 'not-assessable', null],
  // a point without an interval (refuge occupancy) is judged on its value
  ['no interval: value on the path', { target: up, baseline: { status: 'ok', value: 30, lower: null, upper: null, at: 0 }, latest: { status: 'ok', value: 37, lower: null, upper: null, at: 4 }, targetAt: 12 }, 'on-track', 30 + 20 / 3],
  ['no interval: value short of the path but up', { target: up, baseline: { status: 'ok', value: 30, lower: null, upper: null, at: 0 }, latest: { status: 'ok', value: 31, lower: null, upper: null, at: 4 }, targetAt: 12 }, 'at-risk', 30 + 20 / 3],
  // direction only
  ['direction: significantly the right way → on-track', { target: { kind: 'direction', direction: 'increase' }, baseline: BASE, latest: fig(35, 33, 37, 4) }, 'on-track', null],
  ['direction: inside the interval → at-risk', { target: { kind: 'direction', direction: 'increase' }, baseline: BASE, latest: fig(31, 29, 33, 4) }, 'at-risk', null],
  ['direction: significantly the wrong way → off-track', { target: { kind: 'direction', direction: 'decrease' }, baseline: BASE, latest: fig(35, 33, 37, 4) }, 'off-track', null],
  // range (SafeLives 28–40% repeat MARAC cases)
  ['range: interval overlaps → on-track', { target: { kind: 'range', low: 28, high: 40 }, baseline: BASE, latest: fig(26, 24, 28.5, 4) }, 'on-track', null],
  ['range: below, moved significantly towards it → at-risk', { target: { kind: 'range', low: 28, high: 40 }, baseline: fig(15, 13, 17, 0), latest: fig(22, 20, 24, 4) }, 'at-risk', null],
  ['range: below, no significant move → off-track', { target: { kind: 'range', low: 28, high: 40 }, baseline: fig(20, 18, 22, 0), latest: fig(21, 19, 23, 4) }, 'off-track', null],
  ['range: above → off-track', { target: { kind: 'range', low: 28, high: 40 }, baseline: hidden('no-data', 0), latest: fig(45, 42, 48, 4) }, 'off-track', null],
  ['range: open-ended (at least 40) → on-track', { target: { kind: 'range', low: 40, high: null }, baseline: BASE, latest: fig(41, 39, 43, 4) }, 'on-track', null],
  // better than benchmark
  ['benchmark: significantly better (lower-better) → on-track', { target: { kind: 'benchmark' }, baseline: BASE, latest: fig(25, 23, 27, 4), benchmarkValue: 30, polarity: 'lower-better' }, 'on-track', null],
  ['benchmark: similar → at-risk', { target: { kind: 'benchmark' }, baseline: BASE, latest: fig(29, 27, 31, 4), benchmarkValue: 30, polarity: 'lower-better' }, 'at-risk', null],
  ['benchmark: significantly worse → off-track', { target: { kind: 'benchmark' }, baseline: BASE, latest: fig(35, 33, 37, 4), benchmarkValue: 30, polarity: 'lower-better' }, 'off-track', null],
  ['benchmark: direction given overrides polarity', { target: { kind: 'benchmark', direction: 'increase' }, baseline: BASE, latest: fig(35, 33, 37, 4), benchmarkValue: 30, polarity: 'no-judgement' }, 'on-track', null],
  ['benchmark: no benchmark figure', { target: { kind: 'benchmark' }, baseline: BASE, latest: fig(35, 33, 37, 4), benchmarkValue: null, polarity: 'higher-better' }, 'not-assessable', null],
  ['benchmark: no better direction', { target: { kind: 'benchmark' }, baseline: BASE, latest: fig(35, 33, 37, 4), benchmarkValue: 30, polarity: 'no-judgement' }, 'not-assessable', null],
];

describe('measure status rules', () => {
  it.each(cases)('%s', (_, facts, status, path) => {
    const result = assessMeasure(facts);
    expect(result.status).toBe(status);
    if (path === null) expect(result.path).toBeNull();
    else expect(result.path).toBeCloseTo(path, 9);
    expect(result.reason).toMatch(/\.$/);
  });
});

describe('aim status rule', () => {
  it.each<[MeasureStatus[], MeasureStatus]>([
    [[], 'not-assessable'],
    [['not-assessable', 'not-assessable'], 'not-assessable'],
    [['on-track', 'not-assessable'], 'on-track'],
    [['on-track', 'at-risk', 'not-assessable'], 'at-risk'],
    [['at-risk', 'off-track', 'on-track'], 'off-track'],
  ])('%j → %s', (measures, status) => {
    expect(aimStatus(measures)).toBe(status);
  });
});
