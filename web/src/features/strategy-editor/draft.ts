// A strategy version being edited, as the form holds it: aims in order, each with its measures,
// every value a string as its control holds it, and a key per aim and measure that survives
// moving them (field ids and focus follow the key, not the position). Built from the strategy as
// the API reads it, turned back into what PUT/POST take, and checked before sending; the checks
// the page can make say which field is wrong, in words. Pure functions: draft.test.ts.
import type { Direction, StrategyInput, StrategyView, Target } from '../../../../schemas/strategy-api';

export type TargetKind = Target['kind'];
export const TARGET_KINDS: readonly TargetKind[] = ['value', 'direction', 'range', 'benchmark'];

export interface TargetDraft {
  kind: TargetKind;
  /** value */
  value: string;
  /** value (required), direction (optional) */
  by: string;
  /** value, direction: 'increase' | 'decrease'; benchmark: '' for the indicator's polarity */
  direction: Direction | '';
  /** range */
  low: string;
  high: string;
  label: string;
  /** benchmark: '' for the partnership's benchmark */
  benchmark: string;
}

export interface MeasureDraft {
  key: string;
  id?: number;
  indicator: string;
  area: string;
  baseline: string;
  owner: string;
  target: TargetDraft;
}

export interface AimDraft {
  key: string;
  id?: number;
  title: string;
  description: string;
  measures: MeasureDraft[];
}

export interface StrategyDraft {
  title: string;
  from: string;
  to: string;
  aims: AimDraft[];
}

/** Limits as StrategyInputSchema sets them. */
export const LIMITS = { title: 300, aimTitle: 300, description: 2000, owner: 200, label: 300, aims: 30, measures: 50 } as const;

let lastKey = 0;
export function newKey(prefix: string): string {
  lastKey += 1;
  return `${prefix}${lastKey}`;
}

export function blankTarget(direction: Direction | '' = ''): TargetDraft {
  return { kind: 'value', value: '', by: '', direction, low: '', high: '', label: '', benchmark: '' };
}

export function blankMeasure(area: string): MeasureDraft {
  return { key: newKey('m'), indicator: '', area, baseline: '', owner: '', target: blankTarget() };
}

export function blankAim(): AimDraft {
  return { key: newKey('a'), title: '', description: '', measures: [] };
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function targetDraft(target: Target): TargetDraft {
  const draft = blankTarget();
  switch (target.kind) {
    case 'value':
      return { ...draft, kind: 'value', value: text(target.value), by: target.by, direction: target.direction };
    case 'direction':
      return { ...draft, kind: 'direction', direction: target.direction, by: target.by ?? '' };
    case 'range':
      return { ...draft, kind: 'range', low: text(target.low), high: text(target.high), label: target.label ?? '' };
    case 'benchmark':
      return { ...draft, kind: 'benchmark', benchmark: target.benchmark ?? '', direction: target.direction ?? '' };
  }
}

/**
 * The version as the editor starts it. `keepIds` false makes a copy for a new version: the same
 * aims and measures, none of them tied to the old version's.
 */
export function draftFromView(view: Pick<StrategyView, 'strategy' | 'aims'>, keepIds = true): StrategyDraft {
  return {
    title: view.strategy.title,
    from: view.strategy.from,
    to: view.strategy.to,
    aims: view.aims.map((aim) => ({
      key: newKey('a'),
      ...(keepIds ? { id: aim.id } : {}),
      title: aim.title,
      description: aim.description ?? '',
      measures: aim.measures.map((m) => ({
        key: newKey('m'),
        ...(keepIds ? { id: m.id } : {}),
        indicator: m.indicator,
        area: m.area,
        baseline: m.baseline.period,
        owner: m.owner,
        target: targetDraft(m.target),
      })),
    })),
  };
}

/** Moves the item at `from` by one place (-1 up, +1 down); out of range, nothing moves. */
export function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** A field of the form: the strategy's own, an aim's or a measure's (by key). */
export type FieldRef =
  | { scope: 'strategy'; field: 'title' | 'from' | 'to' }
  | { scope: 'aim'; key: string; field: 'title' | 'description' }
  | { scope: 'measure'; key: string; field: MeasureField };

export type MeasureField = 'indicator' | 'area' | 'baseline' | 'owner' | 'target-kind' | 'target-value' | 'target-by' | 'target-direction' | 'target-low' | 'target-high' | 'target-label' | 'target-benchmark';

/** The id of a field's control, which an error summary links to. */
export function fieldId(ref: FieldRef): string {
  if (ref.scope === 'strategy') return `strategy-${ref.field}`;
  if (ref.scope === 'aim') return `aim-${ref.key}-${ref.field}`;
  return `measure-${ref.key}-${ref.field}`;
}

export interface Problem {
  /** null: about the form as a whole. */
  at: FieldRef | null;
  text: string;
}

/** "12.5" → 12.5; blank or not a number → null. Commas as thousands separators are allowed. */
export function parseNumber(value: string): number | null {
  const cleaned = value.trim().replace(/,/g, '');
  if (cleaned === '' || !/^-?\d*\.?\d+$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The periods' order, for "ends after": a financial year id's start year; other ids are compared by the server. */
function startYear(id: string): number | null {
  const m = /^(\d{4})-\d{2}$/.exec(id);
  return m ? Number(m[1]) : null;
}

function targetProblems(key: string, where: string, target: TargetDraft, polarityKnown: boolean): Problem[] {
  const at = (field: MeasureField): FieldRef => ({ scope: 'measure', key, field });
  const problems: Problem[] = [];
  switch (target.kind) {
    case 'value':
      if (parseNumber(target.value) === null) problems.push({ at: at('target-value'), text: `${where}: enter the target value as a number, for example 25` });
      if (!target.by) problems.push({ at: at('target-by'), text: `${where}: choose the twelve months by which the target should be reached` });
      if (!target.direction) problems.push({ at: at('target-direction'), text: `${where}: choose whether the figure should be at least or at most the target` });
      break;
    case 'direction':
      if (!target.direction) problems.push({ at: at('target-direction'), text: `${where}: choose whether the figure should go up or down` });
      break;
    case 'range': {
      const low = target.low.trim() === '' ? null : parseNumber(target.low);
      const high = target.high.trim() === '' ? null : parseNumber(target.high);
      if (target.low.trim() !== '' && low === null) problems.push({ at: at('target-low'), text: `${where}: enter the low end as a number, or leave it blank` });
      else if (target.high.trim() !== '' && high === null) problems.push({ at: at('target-high'), text: `${where}: enter the high end as a number, or leave it blank` });
      else if (low === null && high === null) problems.push({ at: at('target-low'), text: `${where}: enter a low end, a high end or both` });
      else if (low !== null && high !== null && low > high) problems.push({ at: at('target-high'), text: `${where}: the high end must not be below the low end` });
      if (target.label.length > LIMITS.label) problems.push({ at: at('target-label'), text: `${where}: the range’s wording must be ${LIMITS.label} characters or fewer` });
      break;
    }
    case 'benchmark':
      if (!target.direction && !polarityKnown) problems.push({ at: at('target-direction'), text: `${where}: this indicator has no better direction of its own; choose whether higher or lower is better` });
      break;
  }
  return problems;
}

/**
 * What the page can tell is wrong before sending, in the order of the form. `polarityOf` says
 * whether an indicator has a better direction (a benchmark target without one needs a direction).
 */
export function draftProblems(draft: StrategyDraft, polarityOf: (indicator: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  const strategy = (field: 'title' | 'from' | 'to'): FieldRef => ({ scope: 'strategy', field });
  if (draft.title.trim() === '') problems.push({ at: strategy('title'), text: 'Enter the strategy’s title' });
  else if (draft.title.trim().length > LIMITS.title) problems.push({ at: strategy('title'), text: `The title must be ${LIMITS.title} characters or fewer` });
  if (!draft.from) problems.push({ at: strategy('from'), text: 'Choose the financial year the strategy starts' });
  if (!draft.to) problems.push({ at: strategy('to'), text: 'Choose the financial year the strategy ends' });
  const from = startYear(draft.from);
  const to = startYear(draft.to);
  if (from !== null && to !== null && to < from) problems.push({ at: strategy('to'), text: 'The strategy must end in or after the year it starts' });
  if (draft.aims.length > LIMITS.aims) problems.push({ at: null, text: `A strategy can have at most ${LIMITS.aims} aims` });
  draft.aims.forEach((aim, a) => {
    const aimAt = (field: 'title' | 'description'): FieldRef => ({ scope: 'aim', key: aim.key, field });
    if (aim.title.trim() === '') problems.push({ at: aimAt('title'), text: `Aim ${a + 1}: enter its title` });
    else if (aim.title.trim().length > LIMITS.aimTitle) problems.push({ at: aimAt('title'), text: `Aim ${a + 1}: the title must be ${LIMITS.aimTitle} characters or fewer` });
    if (aim.description.length > LIMITS.description) problems.push({ at: aimAt('description'), text: `Aim ${a + 1}: the description must be ${LIMITS.description} characters or fewer` });
    aim.measures.forEach((m, i) => {
      const where = `Aim ${a + 1}, measure ${i + 1}`;
      const at = (field: MeasureField): FieldRef => ({ scope: 'measure', key: m.key, field });
      if (!m.indicator) problems.push({ at: at('indicator'), text: `${where}: choose the indicator` });
      if (!m.area) problems.push({ at: at('area'), text: `${where}: choose the area` });
      if (!m.baseline) problems.push({ at: at('baseline'), text: `${where}: choose the baseline’s twelve months` });
      if (m.owner.trim() === '') problems.push({ at: at('owner'), text: `${where}: enter who owns the measure` });
      else if (m.owner.trim().length > LIMITS.owner) problems.push({ at: at('owner'), text: `${where}: the owner must be ${LIMITS.owner} characters or fewer` });
      problems.push(...targetProblems(m.key, where, m.target, m.indicator ? polarityOf(m.indicator) : true));
    });
  });
  return problems;
}

export function targetInput(target: TargetDraft): Target {
  switch (target.kind) {
    case 'value':
      return { kind: 'value', value: parseNumber(target.value) ?? Number.NaN, by: target.by, direction: target.direction || 'increase' };
    case 'direction':
      return { kind: 'direction', direction: target.direction || 'increase', ...(target.by ? { by: target.by } : {}) };
    case 'range':
      return {
        kind: 'range',
        low: target.low.trim() === '' ? null : parseNumber(target.low),
        high: target.high.trim() === '' ? null : parseNumber(target.high),
        ...(target.label.trim() ? { label: target.label.trim() } : {}),
      };
    case 'benchmark':
      return { kind: 'benchmark', benchmark: target.benchmark || null, ...(target.direction ? { direction: target.direction } : {}) };
  }
}

/** What PUT/POST take: aims in the form's order, each keeping its id when it had one. */
export function strategyInput(draft: StrategyDraft): StrategyInput {
  return {
    title: draft.title.trim(),
    from: draft.from,
    to: draft.to,
    aims: draft.aims.map((aim) => ({
      ...(aim.id !== undefined ? { id: aim.id } : {}),
      title: aim.title.trim(),
      description: aim.description.trim() === '' ? null : aim.description.trim(),
      measures: aim.measures.map((m) => ({
        ...(m.id !== undefined ? { id: m.id } : {}),
        indicator: m.indicator,
        area: m.area,
        baseline: m.baseline,
        target: targetInput(m.target),
        owner: m.owner.trim(),
      })),
    })),
  };
}
