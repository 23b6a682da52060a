// What the API's refusal of a strategy means, on the field it is about. The route's own checks
// answer one sentence that starts with where ("Aim 2, measure 1: the target period (2020-21)
// must end after the baseline period (2021-22)."), which is shown as it is, on the field its
// words name; a refusal by the request schema lists paths and rules
// ("aims/0/measures/1/owner: Too small…"), which become words on the field the path names.
import { ApiError, type ProblemBody } from '../../lib/api-client';
import type { FieldRef, MeasureField, Problem, StrategyDraft } from './draft';

/** Which measure field a sentence from server/strategy/validate.ts is about. */
function measureFieldOf(sentence: string, target: { kind: string; benchmark: string }): MeasureField {
  if (/no indicator/i.test(sentence)) return 'indicator';
  if (/target period/i.test(sentence)) return 'target-by';
  if (/range needs/i.test(sentence)) return 'target-low';
  if (/low end .* above its high end/i.test(sentence)) return 'target-high';
  if (/own benchmark/i.test(sentence)) return 'target-benchmark';
  if (/no better direction/i.test(sentence)) return 'target-direction';
  if (/not an? area|not areas/i.test(sentence)) return target.kind === 'benchmark' && target.benchmark && sentence.includes(`"${target.benchmark}"`) ? 'target-benchmark' : 'area';
  return 'indicator';
}

const MEASURE_FIELD_NAMES: Record<string, { field: MeasureField; name: string }> = {
  indicator: { field: 'indicator', name: 'the indicator' },
  area: { field: 'area', name: 'the area' },
  baseline: { field: 'baseline', name: 'the baseline' },
  owner: { field: 'owner', name: 'the owner' },
  'target/kind': { field: 'target-kind', name: 'the kind of target' },
  'target/value': { field: 'target-value', name: 'the target value' },
  'target/by': { field: 'target-by', name: 'the target’s twelve months' },
  'target/direction': { field: 'target-direction', name: 'the direction' },
  'target/low': { field: 'target-low', name: 'the low end' },
  'target/high': { field: 'target-high', name: 'the high end' },
  'target/label': { field: 'target-label', name: 'the range’s wording' },
  'target/benchmark': { field: 'target-benchmark', name: 'the benchmark' },
};

function ruleInWords(name: string, rule: string): string {
  if (/too small.*>=\s*1 characters|required|received undefined/i.test(rule)) return `enter ${name}`;
  const max = /too big.*<=\s*(\d+)/i.exec(rule);
  if (max) return `${name} must be ${max[1]} characters or fewer`;
  return `${name}: ${rule.charAt(0).toLowerCase()}${rule.slice(1)}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One "path: rule" part of a schema refusal, as a problem on the draft's field. */
function schemaProblem(part: string, draft: StrategyDraft): Problem {
  const at = part.indexOf(': ');
  const path = at > 0 ? part.slice(0, at) : '';
  const rule = at > 0 ? part.slice(at + 2) : part;
  const strategyField = /^(title|from|to)$/.exec(path)?.[1] as 'title' | 'from' | 'to' | undefined;
  if (strategyField) {
    const names = { title: 'the title', from: 'the first year', to: 'the last year' };
    return { at: { scope: 'strategy', field: strategyField }, text: capitalise(ruleInWords(names[strategyField], rule)) };
  }
  const aimMatch = /^aims\/(\d+)\/(title|description)$/.exec(path);
  const aim = aimMatch ? draft.aims[Number(aimMatch[1])] : undefined;
  if (aimMatch && aim) {
    const field = aimMatch[2] as 'title' | 'description';
    return { at: { scope: 'aim', key: aim.key, field }, text: `Aim ${Number(aimMatch[1]) + 1}: ${ruleInWords(`the ${field}`, rule)}` };
  }
  const measureMatch = /^aims\/(\d+)\/measures\/(\d+)\/(.+)$/.exec(path);
  const measure = measureMatch ? draft.aims[Number(measureMatch[1])]?.measures[Number(measureMatch[2])] : undefined;
  const known = measureMatch ? MEASURE_FIELD_NAMES[measureMatch[3]] ?? (measureMatch[3].startsWith('target') ? MEASURE_FIELD_NAMES['target/kind'] : undefined) : undefined;
  if (measureMatch && measure && known) {
    return { at: { scope: 'measure', key: measure.key, field: known.field }, text: `Aim ${Number(measureMatch[1]) + 1}, measure ${Number(measureMatch[2]) + 1}: ${ruleInWords(known.name, rule)}` };
  }
  return { at: null, text: capitalise(`${path ? `${path}: ` : ''}${rule}`) };
}

/** The problems in the API's answer to a save, each on its field where it names one. `draft` is what was sent. */
export function problemsFromApi(error: unknown, draft: StrategyDraft): Problem[] {
  if (!(error instanceof ApiError)) return [{ at: null, text: 'Something went wrong, and nothing was saved. Try again.' }];
  const body = (error.body ?? {}) as ProblemBody;
  if (error.status === 409 && body.code === 'strategy-exists') return [{ at: { scope: 'strategy', field: 'from' }, text: error.message }];
  if (error.status === 400 && body.code === 'invalid-request' && typeof body.message === 'string') {
    return body.message
      .replace(/^The request is not valid:\s*/, '')
      .split('; ')
      .map((part) => schemaProblem(part, draft));
  }
  if (error.status === 400 && body.code === 'invalid-strategy') {
    const where = /^Aim (\d+), measure (\d+): /.exec(error.message);
    const measure = where ? draft.aims[Number(where[1]) - 1]?.measures[Number(where[2]) - 1] : undefined;
    if (measure) {
      const at: FieldRef = { scope: 'measure', key: measure.key, field: measureFieldOf(error.message, measure.target) };
      return [{ at, text: error.message }];
    }
    if (/starts .* after it ends/.test(error.message)) return [{ at: { scope: 'strategy', field: 'to' }, text: error.message }];
    return [{ at: null, text: error.message }];
  }
  if (error.status === 404) return [{ at: null, text: `${error.message} Nothing was saved.` }];
  return [{ at: null, text: `${error.message} Nothing was saved.` }];
}
