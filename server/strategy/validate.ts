// Checks on what administrators and analysts send that the request schemas cannot make: areas,
// benchmarks and indicators that exist, members who are board members or analysts, periods in
// order, targets that make sense for their indicator. Each answer is a sentence for the sender.
import { findIndicator, INDICATORS, type IndicatorDefinition } from '../../schemas/indicators';
import type { StrategyInput } from '../../schemas/strategy-api';
import type { AreaRegister } from '../engine/register';
import { periodEnd } from './assess';

export function areaProblems(register: AreaRegister, codes: string[], what = 'area'): string | null {
  const unknown = codes.filter((c) => !register.find(c));
  if (unknown.length === 0) return null;
  return `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length === 1 ? `is not an ${what} we know` : `are not ${what}s we know`}. GET /api/areas lists the areas and their codes, e.g. E09000004 for Bexley.`;
}

export function memberProblems(requested: number[], found: Array<{ id: number; role: string }>): string | null {
  const missing = requested.filter((id) => !found.some((u) => u.id === id));
  if (missing.length > 0) return `There is no user with the id ${missing.join(', ')}.`;
  const wrong = found.filter((u) => u.role !== 'board' && u.role !== 'analyst');
  if (wrong.length > 0) return `Only board members and analysts belong to a partnership; user ${wrong.map((u) => `${u.id} (${u.role})`).join(', ')} is not one.`;
  return null;
}

/**
 * `indicatorOf` finds a measure's indicator: the catalogue's, and the partnership's own measures
 * (local:<partnership id>:<measure id>), never another partnership's.
 */
export function strategyProblems(register: AreaRegister, input: StrategyInput, indicatorOf: (id: string) => IndicatorDefinition | undefined = findIndicator): string | null {
  if (periodEnd(input.from) > periodEnd(input.to)) return `The strategy starts (${input.from}) after it ends (${input.to}).`;
  for (const [a, aim] of input.aims.entries()) {
    for (const [m, measure] of aim.measures.entries()) {
      const where = `Aim ${a + 1}, measure ${m + 1}`;
      const indicator = indicatorOf(measure.indicator);
      if (!indicator) return `${where}: there is no indicator "${measure.indicator}". GET /api/indicators lists them, e.g. ${INDICATORS[0].id}.`;
      if (!register.find(measure.area)) return `${where}: ${areaProblems(register, [measure.area])}`;
      const target = measure.target;
      if (target.kind === 'value' && periodEnd(target.by) <= periodEnd(measure.baseline)) return `${where}: the target period (${target.by}) must end after the baseline period (${measure.baseline}).`;
      if (target.kind === 'range' && (target.low === null && target.high === null)) return `${where}: a range needs a low end, a high end or both.`;
      if (target.kind === 'range' && target.low !== null && target.high !== null && target.low > target.high) return `${where}: the range's low end (${target.low}) is above its high end (${target.high}).`;
      if (target.kind === 'benchmark') {
        if (target.benchmark && !register.find(target.benchmark)) return `${where}: ${areaProblems(register, [target.benchmark], 'area')}`;
        if (target.benchmark === measure.area) return `${where}: an area cannot be its own benchmark.`;
        if (!target.direction && indicator.polarity === 'no-judgement') return `${where}: ${indicator.id} has no better direction of its own; say which way is better (direction: increase or decrease).`;
      }
    }
  }
  return null;
}
