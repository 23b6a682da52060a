// Why this exists: to attack a published table, the auditor must know how each published count
// is made from the stored cells, so that figures published in different places (a quarter and
// its year, a parent and its children, a type and the all-types total, a numerator and its
// denominator) can be combined. This module writes every count the dashboard shows as a linear
// form over base variables, one per stored cell: (return, local authority, quarter,
// accommodation type or '', column). It turns a published table into linear facts (equalities,
// and the bounds a "<5" marker gives away) and the analyst's table into the sensitive forms: the
// small counts that must not be pinned. The rules follow DOMAIN.md sections 4–8.
import type { AreaEntry, CatalogueEntry, GatheredValue, PeriodInfo, Status } from './gather';
import { isTyped } from './gather';

/** A linear form Σ coeff × variable, variables ascending, no zero coefficients. */
export interface Form {
  vars: number[];
  coeffs: number[];
}

export type Side = 'numerator' | 'denominator' | 'complement';

/** Where a form was published or found: enough to say which attack used it. */
export interface Meta {
  indicator: string;
  side: Side;
  area: string;
  period: string;
  periodKind: PeriodInfo['kind'];
  type: string | null;
}

export interface Fact {
  form: Form;
  key: string;
  value: number;
  meta: Meta;
}

/** lo ≤ form ≤ hi: what a "<5" marker tells a reader who knows which count it must be. */
export interface Bound {
  form: Form;
  key: string;
  lo: number;
  hi: number;
  meta: Meta;
}

export interface Target {
  form: Form;
  key: string;
  truth: number;
  meta: Meta;
}

export interface LinearSystem {
  variables: string[];
  facts: Fact[];
  bounds: Bound[];
  targets: Target[];
}

/** A table of values as published: the board's view, or the analyst's with some rule applied. */
export interface TableValue {
  indicator: string;
  area: string;
  period: string;
  type: string | null;
  numerator: number | null;
  denominator: number | null;
  status: Status;
  source: GatheredValue['source'];
}

export const formKey = (f: Form) => f.vars.map((v, i) => `${v}:${f.coeffs[i]}`).join(',');

function fromMap(map: Map<number, number>): Form {
  const vars = [...map.keys()].filter((v) => map.get(v) !== 0).sort((a, b) => a - b);
  return { vars, coeffs: vars.map((v) => map.get(v)!) };
}

export function combine(terms: Array<[number, Form]>): Form {
  const map = new Map<number, number>();
  for (const [sign, form] of terms) form.vars.forEach((v, i) => map.set(v, (map.get(v) ?? 0) + sign * form.coeffs[i]));
  return fromMap(map);
}

export const isSmall = (n: number, threshold: number) => n >= 1 && n < threshold;

export interface ModelContext {
  indicators: ReadonlyMap<string, CatalogueEntry>;
  areas: ReadonlyMap<string, AreaEntry>;
  periods: ReadonlyMap<string, PeriodInfo>;
  /** Every accommodation type a refuge value can be asked for. */
  accommodationTypes: readonly string[];
  /** The analyst's values: the ground truth, and each value's source. */
  truth: ReadonlyMap<string, TableValue>;
  threshold: number;
}

/** The suffix of a person column's twelve-month count (DOMAIN.md 5.1). */
const TWELVE_MONTHS = '_12m';

/**
 * Builds forms over a growing table of base variables. Forms are remembered: the same count is
 * published by many indicators (crimes under the arrest, charge and crime rates).
 */
export class FormBuilder {
  readonly variables: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly memo = new Map<string, Form>();

  constructor(private readonly ctx: ModelContext) {}

  variable(source: string, area: string, quarter: string, type: string, column: string): number {
    const name = `${source}|${area}|${quarter}|${type}|${column}`;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.variables.length;
      this.variables.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  /** The columns a side adds up, or null for a population denominator (a public constant). */
  private columns(indicator: CatalogueEntry, side: 'numerator' | 'denominator'): string[] | null {
    if (side === 'numerator') return indicator.numerator;
    return indicator.denominator.kind === 'columns' ? indicator.denominator.columns : null;
  }

  /**
   * The form of one side of a value, or null when the count is not made of stored cells (an
   * imported figure, or a population).
   */
  form(indicator: CatalogueEntry, side: 'numerator' | 'denominator', area: string, period: string, type: string | null): Form | null {
    const columns = this.columns(indicator, side);
    if (columns === null) return null;
    const source = this.ctx.truth.get(`${indicator.id}|${type ?? ''}|${area}|${period}`)?.source;
    if (source === 'imported') return null;
    const key = `${indicator.source}|${indicator.counts}|${columns.join('+')}|${area}|${period}|${type ?? '*'}`;
    let form = this.memo.get(key);
    if (!form) {
      const map = new Map<number, number>();
      this.addArea(map, indicator, columns, area, this.ctx.periods.get(period)!, type);
      form = fromMap(map);
      this.memo.set(key, form);
    }
    return form;
  }

  /** An area computed from its children is the sum of theirs, for any period (DOMAIN.md 7). */
  private addArea(map: Map<number, number>, indicator: CatalogueEntry, columns: string[], area: string, period: PeriodInfo, type: string | null) {
    const entry = this.ctx.areas.get(area)!;
    if (entry.computedFromChildren && entry.children.length > 0) {
      for (const child of entry.children) this.addArea(map, indicator, columns, child, period, type);
      return;
    }
    if (period.quarters.length === 1) return this.addQuarter(map, indicator, columns, area, period.quarters[0], type);
    if (indicator.counts === 'people') {
      // People are counted once: a year takes the twelve-month count of its last quarter.
      const last = period.quarters[period.quarters.length - 1];
      return this.addQuarter(map, indicator, columns.map((c) => `${c}${TWELVE_MONTHS}`), area, last, type);
    }
    for (const q of period.quarters) this.addQuarter(map, indicator, columns, area, q, type);
  }

  /** A quarter is one stored row; refuge with no type chosen, the sum over the types. */
  private addQuarter(map: Map<number, number>, indicator: CatalogueEntry, columns: string[], area: string, quarter: string, type: string | null) {
    const types = isTyped(indicator) ? (type === null ? this.ctx.accommodationTypes : [type]) : [''];
    for (const t of types) {
      for (const c of columns) {
        const v = this.variable(indicator.source, area, quarter, t, c);
        map.set(v, (map.get(v) ?? 0) + 1);
      }
    }
  }
}

/** The model's view of what was gathered. */
export function contextOf(
  gathered: { indicators: CatalogueEntry[]; areas: ReadonlyMap<string, AreaEntry>; periods: ReadonlyMap<string, PeriodInfo>; analyst: ReadonlyMap<string, TableValue> },
  accommodationTypes: readonly string[],
  threshold: number,
): ModelContext {
  return {
    indicators: new Map(gathered.indicators.map((i) => [i.id, i])),
    areas: gathered.areas,
    periods: gathered.periods,
    accommodationTypes,
    truth: gathered.analyst,
    threshold,
  };
}

/**
 * The negative control's table: the ground truth with primary suppression only. A value is
 * hidden when its numerator, column denominator or complement is small; everything else shows.
 */
export function primarySuppression(ctx: ModelContext): TableValue[] {
  return [...ctx.truth.values()].map((v) => {
    const indicator = ctx.indicators.get(v.indicator)!;
    const small =
      (v.numerator !== null && isSmall(v.numerator, ctx.threshold)) ||
      (v.denominator !== null && indicator.denominator.kind === 'columns' && isSmall(v.denominator, ctx.threshold)) ||
      (indicator.numeratorWithinDenominator && v.numerator !== null && v.denominator !== null && isSmall(v.denominator - v.numerator, ctx.threshold));
    return small ? { ...v, numerator: null, denominator: null, status: 'suppressed' as const } : v;
  });
}

function metaOf(v: TableValue, side: Side, periods: ReadonlyMap<string, PeriodInfo>): Meta {
  return { indicator: v.indicator, side, area: v.area, period: v.period, periodKind: periods.get(v.period)!.kind, type: v.type };
}

/** Whether every variable of the forms lies in one stored row: a count with no parts to hide behind. */
export function isBaseCell(builder: FormBuilder, forms: readonly Form[]): boolean {
  const rows = new Set<string>();
  for (const f of forms) for (const v of f.vars) rows.add(builder.variables[v].split('|').slice(0, 4).join('|'));
  return rows.size <= 1;
}

export interface SystemNotes {
  /** Two published facts on the same form with different values: the model is wrong. */
  conflicts: string[];
  /** Hidden values whose small count could be one of several forms (a disjunction, not modelled). */
  ambiguousHidden: number;
  /** Hidden values where no candidate count is small in the ground truth (hidden for another reason). */
  hiddenNotSmall: number;
}

export interface BuildOptions {
  /**
   * Which hidden values a reader may take to hide a small count. Under the product's rule only
   * a stored cell is hidden for being small (a total may be hidden for its parts); under
   * primary suppression, every hidden value is.
   */
  hiddenMeansSmall: (forms: Form[]) => boolean;
}

/**
 * The linear system a reader of `published` can write down, with the small counts of the
 * ground truth as targets.
 */
export function buildSystem(ctx: ModelContext, builder: FormBuilder, published: Iterable<TableValue>, options: BuildOptions): { system: LinearSystem; notes: SystemNotes } {
  const facts = new Map<string, Fact>();
  const notes: SystemNotes = { conflicts: [], ambiguousHidden: 0, hiddenNotSmall: 0 };
  const hidden: TableValue[] = [];

  const addFact = (form: Form | null, value: number, meta: Meta) => {
    if (form === null) return;
    const key = formKey(form);
    const existing = facts.get(key);
    if (existing && existing.value !== value) notes.conflicts.push(`${describe(existing.meta)} = ${existing.value} but ${describe(meta)} = ${value}`);
    if (!existing) facts.set(key, { form, key, value, meta });
  };

  for (const v of published) {
    const indicator = ctx.indicators.get(v.indicator)!;
    if (v.status === 'suppressed') hidden.push(v);
    // Any number shown is a fact, whatever the status beside it (a no-data value over a zero denominator shows both counts).
    if (v.numerator !== null) addFact(builder.form(indicator, 'numerator', v.area, v.period, v.type), v.numerator, metaOf(v, 'numerator', ctx.periods));
    if (v.denominator !== null) addFact(builder.form(indicator, 'denominator', v.area, v.period, v.type), v.denominator, metaOf(v, 'denominator', ctx.periods));
  }

  // A "<5" marker: when the reader can tell which count is the small one, that count is 1 to 4.
  const bounds = new Map<string, Bound>();
  const known = (form: Form | null): number | null => (form === null ? null : (facts.get(formKey(form))?.value ?? null));
  for (const v of hidden) {
    const indicator = ctx.indicators.get(v.indicator)!;
    const num = builder.form(indicator, 'numerator', v.area, v.period, v.type);
    const den = builder.form(indicator, 'denominator', v.area, v.period, v.type);
    if (num === null || !options.hiddenMeansSmall([num, ...(den ? [den] : [])])) continue;
    const truth = ctx.truth.get(`${v.indicator}|${v.type ?? ''}|${v.area}|${v.period}`);
    const candidates: Array<{ form: Form; side: Side; shown: number | null; truth: number | null }> = [
      { form: num, side: 'numerator', shown: known(num), truth: truth?.numerator ?? null },
    ];
    if (den) candidates.push({ form: den, side: 'denominator', shown: known(den), truth: truth?.denominator ?? null });
    if (den && indicator.numeratorWithinDenominator) {
      const [n, d] = [known(num), known(den)];
      const t = truth?.numerator != null && truth?.denominator != null ? truth.denominator - truth.numerator : null;
      candidates.push({ form: combine([[1, den], [-1, num]]), side: 'complement', shown: n !== null && d !== null ? d - n : null, truth: t });
    }
    const open = candidates.filter((c) => c.shown === null || isSmall(c.shown, ctx.threshold));
    if (open.length !== 1) {
      if (open.length > 1) notes.ambiguousHidden++;
      continue;
    }
    const [c] = open;
    // The reader's inference holds only if the rule really hides this cell for being small.
    if (c.truth === null || !isSmall(c.truth, ctx.threshold)) {
      notes.hiddenNotSmall++;
      continue;
    }
    const key = formKey(c.form);
    if (!bounds.has(key) && c.form.vars.length > 0) bounds.set(key, { form: c.form, key, lo: 1, hi: ctx.threshold - 1, meta: metaOf(v, c.side, ctx.periods) });
  }

  return { system: { variables: builder.variables, facts: [...facts.values()], bounds: [...bounds.values()], targets: [] }, notes };
}

/**
 * Every small count in the ground truth: numerators and column denominators of every value,
 * and denominator − numerator where the numerator counts some of the denominator.
 */
export function sensitiveTargets(ctx: ModelContext, builder: FormBuilder): Target[] {
  const targets = new Map<string, Target>();
  const add = (form: Form | null, truth: number, v: TableValue, side: Side) => {
    if (form === null || form.vars.length === 0 || !isSmall(truth, ctx.threshold)) return;
    const key = formKey(form);
    if (!targets.has(key)) targets.set(key, { form, key, truth, meta: metaOf(v, side, ctx.periods) });
  };
  for (const v of ctx.truth.values()) {
    const indicator = ctx.indicators.get(v.indicator)!;
    const num = v.numerator === null ? null : builder.form(indicator, 'numerator', v.area, v.period, v.type);
    const den = v.denominator === null ? null : builder.form(indicator, 'denominator', v.area, v.period, v.type);
    if (num) add(num, v.numerator!, v, 'numerator');
    if (den) add(den, v.denominator!, v, 'denominator');
    if (num && den && indicator.numeratorWithinDenominator) add(combine([[1, den], [-1, num]]), v.denominator! - v.numerator!, v, 'complement');
  }
  return [...targets.values()];
}

export function describe(meta: Meta): string {
  return `${meta.indicator} ${meta.side} · ${meta.area} · ${meta.period}${meta.type ? ` · ${meta.type}` : ''}`;
}

/**
 * Checks the model against the ground truth: every analyst value that is a sum (a year, a
 * parent, all types) must equal its form evaluated on the analyst's stored cells. Cells known
 * one by one are those a single-column count publishes at the level of one row.
 */
export function checkModel(ctx: ModelContext, builder: FormBuilder): { checked: number; mismatches: string[] } {
  const cell = new Map<number, number>();
  const sums: Array<[Form, number, TableValue]> = [];
  const mismatches: string[] = [];
  for (const v of ctx.truth.values()) {
    const indicator = ctx.indicators.get(v.indicator)!;
    const area = ctx.areas.get(v.area)!;
    if (v.source === 'computed' && !area.computedFromChildren) mismatches.push(`${v.area} is computed for ${v.indicator} ${v.period} but not marked computedFromChildren`);
    for (const side of ['numerator', 'denominator'] as const) {
      const n = v[side];
      const form = n === null ? null : builder.form(indicator, side, v.area, v.period, v.type);
      if (form && form.vars.length === 1 && form.coeffs[0] === 1) cell.set(form.vars[0], n!);
      else if (form) sums.push([form, n!, v]);
    }
  }
  let checked = 0;
  for (const [form, n, v] of sums) {
    if (!form.vars.every((x) => cell.has(x))) continue;
    checked++;
    const total = form.vars.reduce((s, x, i) => s + form.coeffs[i] * cell.get(x)!, 0);
    if (total !== n) mismatches.push(`${v.indicator} ${v.area} ${v.period}${v.type ? ` ${v.type}` : ''}: the model sums to ${total}, the analyst sees ${n}`);
  }
  return { checked, mismatches };
}
