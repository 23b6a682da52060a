// Whether a strategy's measures and aims are on track: pure rules, tested as a table of known
// answers (status.test.ts). The same text is in the README ("Strategy statuses").
//
// Every judgement uses the 95% confidence interval of the latest figure, so that a change
// inside the interval is never counted as progress (DOMAIN.md 7). Figures are twelve-month
// periods (a financial year, a calendar year or twelve months to a quarter); time is counted in
// quarters between the periods' last quarters.
//
// A measure is not-assessable when its latest figure is not published (suppressed, no data,
// incomplete), or when the rule needs the baseline and the baseline figure is not published or
// the latest period does not end after the baseline period. Otherwise, by its kind of target:
//
// - A value by a date, with a direction (increase: at least the value; decrease: at most it).
//   The path is the straight line from the baseline value (at the baseline period) to the
//   target value (at the target period), and stays at the target after it. on-track when the
//   latest interval contains or beats the path's value at the latest period (increase: upper
//   limit ≥ path; decrease: lower limit ≤ path); at-risk when it misses the path but has moved
//   the right way significantly (increase: lower limit above the baseline value; decrease:
//   upper limit below it); off-track otherwise.
// - A direction only. on-track when the latest figure has moved the right way significantly
//   since the baseline (as above); off-track when it has moved the wrong way significantly;
//   at-risk when there is no significant change.
// - A reference range (either end may be open). on-track when the latest interval overlaps the
//   range; at-risk when it is wholly outside but has moved significantly towards the range
//   since the baseline; off-track otherwise.
// - Better than a benchmark. on-track when significantly better than the benchmark value (the
//   interval wholly on the better side, as Fingertips compares); at-risk when similar (the
//   interval contains the benchmark value); off-track when significantly worse;
//   not-assessable when the benchmark has no published value.
//
// An indicator without an interval (refuge occupancy, average stay) is judged on its value
// alone, as if its interval were that point.
//
// An aim's status is the worst status among its assessable measures (off-track, then at-risk,
// then on-track); an aim none of whose measures is assessable (or that has none) is
// not-assessable.
import type { Direction, MeasureStatus, Target } from '../../schemas/strategy-api';

export interface Estimate {
  status: 'ok' | 'no-data' | 'incomplete' | 'suppressed';
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** The quarter ordinal of the period's last quarter. */
  at: number;
}

export interface MeasureFacts {
  target: Target;
  baseline: Estimate;
  latest: Estimate;
  /** For a value target: the quarter ordinal of the target period's last quarter. */
  targetAt?: number | null;
  /** For a benchmark target: the benchmark's value, null when it has none published. */
  benchmarkValue?: number | null;
  /** For a benchmark target without a direction: the indicator's polarity. */
  polarity?: 'higher-better' | 'lower-better' | 'no-judgement';
}

export interface Assessment {
  status: MeasureStatus;
  reason: string;
  /** For a value target: the path's value at the latest period. */
  path: number | null;
}

const NOT_PUBLISHED: Record<Exclude<Estimate['status'], 'ok'>, string> = {
  suppressed: 'is suppressed (a small number)',
  'no-data': 'has no data',
  incomplete: 'is incomplete (not every quarter or area has reported)',
};

function limits(e: Estimate): { value: number; lower: number; upper: number } {
  const value = e.value!;
  return { value, lower: e.lower ?? value, upper: e.upper ?? value };
}

/** +1 when the latest figure is significantly above `reference`, −1 when significantly below, 0 when its interval contains it. */
function significantly(latest: Estimate, reference: number): 1 | -1 | 0 {
  const { lower, upper } = limits(latest);
  if (lower > reference) return 1;
  if (upper < reference) return -1;
  return 0;
}

const sign = (direction: Direction) => (direction === 'increase' ? 1 : -1);

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) >= 100 ? 0 : 1);
}

function notAssessable(reason: string): Assessment {
  return { status: 'not-assessable', reason, path: null };
}

export function assessMeasure(facts: MeasureFacts): Assessment {
  const { target, baseline, latest } = facts;
  if (latest.status !== 'ok' || latest.value === null) return notAssessable(`The latest figure ${NOT_PUBLISHED[latest.status === 'ok' ? 'no-data' : latest.status]}.`);

  const needsBaseline = target.kind === 'value' || target.kind === 'direction';
  const baselineUsable = baseline.status === 'ok' && baseline.value !== null;
  if (needsBaseline && !baselineUsable) return notAssessable(`The baseline figure ${NOT_PUBLISHED[baseline.status === 'ok' ? 'no-data' : baseline.status]}.`);
  if (needsBaseline && latest.at <= baseline.at) return notAssessable('There is no figure after the baseline yet.');

  switch (target.kind) {
    case 'value': {
      const b = baseline.value!;
      const targetAt = facts.targetAt ?? baseline.at;
      const share = targetAt <= baseline.at ? 1 : Math.min(1, (latest.at - baseline.at) / (targetAt - baseline.at));
      const path = b + share * (target.value - b);
      const s = sign(target.direction);
      const { lower, upper } = limits(latest);
      const reaches = s > 0 ? upper >= path : lower <= path;
      const beats = s > 0 ? latest.value >= path : latest.value <= path;
      const goal = share >= 1 ? `the target of ${fmt(target.value)} (by ${target.by})` : `the path to ${fmt(target.value)} by ${target.by} (${fmt(path)} by now)`;
      if (reaches) {
        const how = share >= 1 ? (beats ? 'meets' : 'is not significantly short of') : beats ? 'is on or ahead of' : 'is not significantly behind';
        return { status: 'on-track', path, reason: `The latest figure ${how} ${goal}.` };
      }
      const short = share >= 1 ? 'is short of' : 'is behind';
      if (significantly(latest, b) === s) {
        return { status: 'at-risk', path, reason: `The latest figure ${short} ${goal}, though it has moved significantly the right way since the baseline.` };
      }
      return { status: 'off-track', path, reason: `The latest figure ${short} ${goal}, and has not moved significantly the right way since the baseline.` };
    }
    case 'direction': {
      const moved = significantly(latest, baseline.value!);
      const word = target.direction === 'increase' ? 'an increase' : 'a decrease';
      if (moved === sign(target.direction)) return { status: 'on-track', path: null, reason: `A significant ${target.direction} since the baseline, as the strategy aims.` };
      if (moved === 0) return { status: 'at-risk', path: null, reason: `No significant change since the baseline; the strategy aims for ${word}.` };
      return { status: 'off-track', path: null, reason: `A significant change the wrong way since the baseline; the strategy aims for ${word}.` };
    }
    case 'range': {
      const { lower, upper } = limits(latest);
      const low = target.low ?? -Infinity;
      const high = target.high ?? Infinity;
      const range = target.label ?? `${target.low === null ? 'up to ' : fmt(target.low)}${target.low !== null && target.high !== null ? '–' : ''}${target.high === null ? ' or more' : fmt(target.high)}`;
      if (upper >= low && lower <= high) {
        const inside = latest.value >= low && latest.value <= high;
        return { status: 'on-track', path: null, reason: `The latest figure is ${inside ? 'within' : 'not significantly outside'} the range (${range}).` };
      }
      const towards = upper < low ? 1 : -1;
      if (baselineUsable && latest.at > baseline.at && significantly(latest, baseline.value!) === towards) {
        return { status: 'at-risk', path: null, reason: `The latest figure is outside the range (${range}) but has moved significantly towards it since the baseline.` };
      }
      return { status: 'off-track', path: null, reason: `The latest figure is significantly ${towards > 0 ? 'below' : 'above'} the range (${range}).` };
    }
    case 'benchmark': {
      if (facts.benchmarkValue === null || facts.benchmarkValue === undefined) return notAssessable('The benchmark has no published figure for this period.');
      const direction: Direction | null = target.direction ?? (facts.polarity === 'higher-better' ? 'increase' : facts.polarity === 'lower-better' ? 'decrease' : null);
      if (direction === null) return notAssessable('The indicator has no better direction, and the target does not say which way is better.');
      const versus = significantly(latest, facts.benchmarkValue);
      if (versus === 0) return { status: 'at-risk', path: null, reason: 'Similar to the benchmark, not yet better than it.' };
      if (versus === sign(direction)) return { status: 'on-track', path: null, reason: 'Significantly better than the benchmark.' };
      return { status: 'off-track', path: null, reason: 'Significantly worse than the benchmark.' };
    }
  }
}

const SEVERITY: Record<MeasureStatus, number> = { 'not-assessable': -1, 'on-track': 0, 'at-risk': 1, 'off-track': 2 };

/** The worst status among the assessable measures; not-assessable when none is. */
export function aimStatus(measures: readonly MeasureStatus[]): MeasureStatus {
  let worst: MeasureStatus = 'not-assessable';
  for (const s of measures) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}
