// SQLite only: the auditor attacks what the engine publishes, which is the same arithmetic on either engine; it takes
// minutes, and engines-agree.test.ts finds every figure of the demo data identical on PostgreSQL.
// The disclosure auditor (DOMAIN.md section 8): a board member reads every figure the dashboard
// publishes for the demo data, writes each as a sum of stored cells, and combines them all, by
// subtraction and by linear programming. The test fails if any small count (1–4) is pinned to one
// value. A negative control runs the same attacks on the analyst's figures with primary
// suppression only, to show the auditor finds what it should; hand-made tables test the attacks.
// Modules: server/test/disclosure-audit/{gather,model,attack,report}.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOMMODATION_TYPES } from '../../schemas/returns/refuge';
import { loadDemoData } from '../demo/load';
import { buildTestApp, TEST_NOW } from '../test/helpers';
import { audit, crossCheck, type AuditResult, type Pin } from '../test/disclosure-audit/attack';
import { gather, type Gathered } from '../test/disclosure-audit/gather';
import {
  buildSystem,
  checkModel,
  contextOf,
  formKey,
  FormBuilder,
  isBaseCell,
  primarySuppression,
  sensitiveTargets,
  type Bound,
  type Fact,
  type Form,
  type LinearSystem,
  type Meta,
  type ModelContext,
  type SystemNotes,
  type Target,
} from '../test/disclosure-audit/model';
import { explain, formatReport, pinsByTag, suppressionShares } from '../test/disclosure-audit/report';
import { DEFAULT_DISCLOSURE_THRESHOLD } from './disclosure';

const THRESHOLD = DEFAULT_DISCLOSURE_THRESHOLD;

describe('disclosure audit of the demo data', () => {
  let gathered: Gathered;
  let ctx: ModelContext;
  let builder: FormBuilder;
  let targets: Target[];
  let board: { system: LinearSystem; notes: SystemNotes };
  let boardResult: AuditResult;
  let control: { system: LinearSystem; notes: SystemNotes };
  let controlResult: AuditResult;

  beforeAll(async () => {
    const started = Date.now();
    const app = await buildTestApp();
    try {
      await loadDemoData(app.db, TEST_NOW);
      gathered = await gather(app);
    } finally {
      await app.close();
    }
    ctx = contextOf(gathered, ACCOMMODATION_TYPES, THRESHOLD);
    builder = new FormBuilder(ctx);
    targets = sensitiveTargets(ctx, builder);
    // Under the product's rule a stored cell is hidden only for being small; a total may be hidden for its parts.
    board = buildSystem(ctx, builder, gathered.board.values(), { hiddenMeansSmall: (forms) => isBaseCell(builder, forms) });
    boardResult = await audit(board.system, targets);
    control = buildSystem(ctx, builder, primarySuppression(ctx), { hiddenMeansSmall: () => true });
    controlResult = await audit(control.system, targets);
    console.log(
      [
        formatReport('disclosure audit: what a board member can pin', suppressionShares(gathered.board, gathered.analyst, gathered.periods, gathered.areas), boardResult, board.notes),
        formatReport('negative control: primary suppression only', null, controlResult, control.notes, 1),
        `  quarters pinned by linear programming though every quarter of a shown year is hidden: ${shownYearsOverHiddenQuarters(controlResult.pins, control.system, ctx, builder).length}`,
        `gathered ${gathered.board.size} values per view in ${gathered.requests} requests (${gathered.milliseconds.values} ms values, ${gathered.milliseconds.revisions} ms revisions); whole audit ${Date.now() - started} ms`,
      ].join('\n'),
    );
  }, 240_000);

  it('reads every figure through the API, and revisions carry none', () => {
    expect(gathered.board.size).toBeGreaterThan(0);
    expect([...gathered.board.keys()].sort()).toEqual([...gathered.analyst.keys()].sort());
    expect(gathered.revisionRequests).toBeGreaterThan(0);
    expect(gathered.revisionNumbers).toEqual([]);
    // A rate shown without its counts would be a count too (rate × population): only imported rates may be.
    const ratesWithoutCounts = [...gathered.board.values()].filter((v) => v.value !== null && v.numerator === null && v.source !== 'imported');
    expect(ratesWithoutCounts.slice(0, 5)).toEqual([]);
  });

  it('models every count as the sums the analyst sees', () => {
    const check = checkModel(ctx, builder);
    expect(check.checked).toBeGreaterThan(1000);
    expect(check.mismatches.slice(0, 10)).toEqual([]);
    expect(board.notes.conflicts.slice(0, 10)).toEqual([]);
    expect(boardResult.errors).toEqual([]);
    expect(controlResult.errors).toEqual([]);
    expect(targets.length).toBeGreaterThan(0);
  });

  it('agrees with HiGHS alone, without the auditor’s presolve, on a sample of verdicts', async () => {
    expect(await crossCheck(board.system, boardResult, targets, 15)).toEqual([]);
    expect(await crossCheck(control.system, controlResult, targets, 15)).toEqual([]);
  });

  it('shows a benchmark value only where the benchmark area’s own figure is shown', () => {
    const leaks: string[] = [];
    for (const v of gathered.board.values()) {
      if (v.benchmarkValue === null || v.benchmarkArea === null) continue;
      const own = gathered.board.get(`${v.indicator}|${v.type ?? ''}|${v.benchmarkArea}|${v.period}`);
      if (own?.status !== 'ok' || own.value !== v.benchmarkValue) leaks.push(`${v.indicator} ${v.area} ${v.period}: benchmark ${v.benchmarkArea} ${v.benchmarkValue}`);
    }
    expect(leaks.slice(0, 10)).toEqual([]);
  });

  it('pins no small count, whatever a board member combines', () => {
    const byTag = Object.fromEntries([...pinsByTag(boardResult.pins)].map(([tag, pins]) => [tag, pins.length]));
    expect({ checked: boardResult.checked, pinned: boardResult.pins.length, byTag, examples: boardResult.pins.slice(0, 8).map(explain) }).toEqual({
      checked: boardResult.checked,
      pinned: 0,
      byTag: {},
      examples: [],
    });
  });

  it('negative control: primary suppression alone leaks, by the known attacks', () => {
    const byTag = pinsByTag(controlResult.pins);
    expect(controlResult.pins.length).toBeGreaterThan(0);
    expect(byTag.get('rolling-year differencing')?.length ?? 0).toBeGreaterThan(0);
    expect(byTag.get('year − quarters')?.length ?? 0).toBeGreaterThan(0);
    expect(byTag.get('all types − types')?.length ?? 0).toBeGreaterThan(0);
    expect(byTag.get('parent − children')?.length ?? 0).toBeGreaterThan(0);
    expect(byTag.get('linear-programming')?.length ?? 0).toBeGreaterThan(0);
    // A shown year whose quarters are all hidden, yet the bounds pin one of them.
    expect(shownYearsOverHiddenQuarters(controlResult.pins, control.system, ctx, builder).length).toBeGreaterThan(0);
  });
});

/** Linear-programming pins of a quarter whose year is shown while every quarter of it is hidden. */
function shownYearsOverHiddenQuarters(pins: readonly Pin[], system: LinearSystem, ctx: ModelContext, builder: FormBuilder): Pin[] {
  const shown = new Set(system.facts.map((f) => f.key));
  const isShown = (form: Form | null) => form !== null && shown.has(formKey(form));
  return pins.filter((p) => {
    const m = p.target.meta;
    if (p.kind !== 'linear-programming' || m.periodKind !== 'quarter' || m.side === 'complement') return false;
    const indicator = ctx.indicators.get(m.indicator)!;
    return [...ctx.periods.values()].some((period) => {
      if (period.kind === 'quarter' || !period.quarters.includes(m.period)) return false;
      const year = builder.form(indicator, m.side as 'numerator' | 'denominator', m.area, period.id, m.type);
      return isShown(year) && period.quarters.every((q) => !isShown(builder.form(indicator, m.side as 'numerator' | 'denominator', m.area, q, m.type)));
    });
  });
}

// ---------------------------------------------------------------------------------------
// The attacks on hand-made tables. Cells are named; a form is a list of names, '-' for minus.

function tinySystem(cells: string[]) {
  const index = new Map(cells.map((c, i) => [c, i]));
  const form = (names: string[]): Form => {
    const pairs = names.map((n) => (n.startsWith('-') ? [index.get(n.slice(1))!, -1] : [index.get(n)!, 1])).sort((a, b) => a[0] - b[0]);
    return { vars: pairs.map((p) => p[0]), coeffs: pairs.map((p) => p[1]) };
  };
  const meta = (label: string, periodKind: Meta['periodKind'] = 'quarter', area = 'A', type: string | null = null): Meta => ({ indicator: 't', side: 'numerator', area, period: label, periodKind, type });
  const system: LinearSystem = { variables: cells, facts: [], bounds: [], targets: [] };
  const targets: Target[] = [];
  return {
    /** A shown count. */
    shown(names: string[], value: number, m: Meta = meta(names.join('+'))) {
      const f = form(names);
      system.facts.push({ form: f, key: formKey(f), value, meta: m } satisfies Fact);
    },
    /** A count shown as "<5": 1 to 4. */
    hidden(names: string[]) {
      const f = form(names);
      system.bounds.push({ form: f, key: formKey(f), lo: 1, hi: THRESHOLD - 1, meta: meta(names.join('+')) } satisfies Bound);
    },
    target(names: string[], truth: number, m: Meta = meta(names.join('+'))) {
      const f = form(names);
      targets.push({ form: f, key: formKey(f), truth, meta: m });
    },
    meta,
    run: () => audit(system, targets),
  };
}

const pinnedValues = (result: AuditResult) => Object.fromEntries(result.pins.map((p) => [p.target.meta.period, p.value]));

describe('the attacks on hand-made tables', () => {
  it('pins four hidden quarters of 4 under a shown year of 16 ("<5" means at most 4)', async () => {
    const t = tinySystem(['q1', 'q2', 'q3', 'q4']);
    t.shown(['q1', 'q2', 'q3', 'q4'], 16, t.meta('year', 'financial-year'));
    for (const q of ['q1', 'q2', 'q3', 'q4']) {
      t.hidden([q]);
      t.target([q], 4);
    }
    const result = await t.run();
    expect(pinnedValues(result)).toEqual({ q1: 4, q2: 4, q3: 4, q4: 4 });
    expect(result.pins.every((p) => p.kind === 'linear-programming')).toBe(true);
  });

  it('does not pin two hidden quarters summing to 5, nor quarters under a year of 16 without the "<5" bound', async () => {
    const five = tinySystem(['q1', 'q2', 'q3', 'q4']);
    five.shown(['q1', 'q2', 'q3', 'q4'], 25);
    five.shown(['q1'], 10);
    five.shown(['q2'], 10);
    five.hidden(['q3']);
    five.hidden(['q4']);
    five.target(['q3'], 2);
    five.target(['q4'], 3);
    expect((await five.run()).pins).toEqual([]);

    const unbounded = tinySystem(['q1', 'q2', 'q3', 'q4']);
    unbounded.shown(['q1', 'q2', 'q3', 'q4'], 16);
    unbounded.target(['q1'], 4);
    expect((await unbounded.run()).pins).toEqual([]);
  });

  it('pins two hidden quarters summing to 2: each is at least 1', async () => {
    const t = tinySystem(['q1', 'q2']);
    t.shown(['q1', 'q2'], 2);
    t.hidden(['q1']);
    t.hidden(['q2']);
    t.target(['q1'], 1);
    expect(pinnedValues(await t.run())).toEqual({ q1: 1 });
  });

  it('finds a year less its shown quarters, and names the counts it combined', async () => {
    const t = tinySystem(['q1', 'q2', 'q3', 'q4']);
    t.shown(['q1', 'q2', 'q3', 'q4'], 40, t.meta('2019-20', 'financial-year'));
    t.shown(['q1'], 12, t.meta('Q1'));
    t.shown(['q3'], 15, t.meta('Q3'));
    t.shown(['q4'], 10, t.meta('Q4'));
    t.target(['q2'], 3, t.meta('Q2'));
    const [pin] = (await t.run()).pins;
    expect(pin).toMatchObject({ kind: 'differencing', value: 3 });
    expect(explain(pin)).toBe('t numerator · A · Q2 = 3: t numerator · A · 2019-20 (40) − t numerator · A · Q1 (12) − t numerator · A · Q3 (15) − t numerator · A · Q4 (10)');
  });

  it('finds a quarter from two rolling years and the quarter a year before: R12(t) − R12(t−1) + Q(t−4)', async () => {
    const t = tinySystem(['q0', 'q1', 'q2', 'q3', 'q4']);
    t.shown(['q1', 'q2', 'q3', 'q4'], 30, t.meta('R12-t', 'rolling-year'));
    t.shown(['q0', 'q1', 'q2', 'q3'], 33, t.meta('R12-t-1', 'rolling-year'));
    t.shown(['q0'], 6, t.meta('Q(t-4)'));
    t.target(['q4'], 3, t.meta('Q(t)'));
    const [pin] = (await t.run()).pins;
    expect(pin).toMatchObject({ kind: 'differencing', value: 3 });
    expect(pin.witness.map((w) => `${w.sign}${w.meta.period}`).sort()).toEqual(['-1R12-t-1', '1Q(t-4)', '1R12-t']);
  });

  it('finds a child less its shown siblings, a type less the other types, and denominator − numerator', async () => {
    const t = tinySystem(['a', 'b', 'c', 'refuge', 'dispersed', 'num', 'den']);
    t.shown(['a', 'b', 'c'], 50, t.meta('parent', 'quarter', 'P'));
    t.shown(['b'], 20, t.meta('b', 'quarter', 'B'));
    t.shown(['c'], 28, t.meta('c', 'quarter', 'C'));
    t.target(['a'], 2, t.meta('a', 'quarter', 'A'));
    t.shown(['refuge', 'dispersed'], 9, t.meta('all types'));
    t.shown(['dispersed'], 6, t.meta('dispersed', 'quarter', 'A', 'dispersed'));
    t.target(['refuge'], 3, t.meta('refuge', 'quarter', 'A', 'refuge'));
    t.shown(['num'], 97, t.meta('num'));
    t.shown(['den'], 100, t.meta('den'));
    t.target(['den', '-num'], 3, { ...t.meta('complement'), side: 'complement' });
    const pins = pinsByTag((await t.run()).pins);
    expect(pins.get('parent − children')?.map((p) => p.value)).toEqual([2]);
    expect(pins.get('all types − types')?.map((p) => p.value)).toEqual([3]);
    expect(pins.get('denominator − numerator')?.map((p) => p.value)).toEqual([3]);
  });

  it('pins by linear programming what neither subtraction nor bound propagation finds', async () => {
    // x + y = 3, y + z = 3, x + z = 2 give x = 1 only by halving a combination.
    const t = tinySystem(['x', 'y', 'z']);
    t.shown(['x', 'y'], 3);
    t.shown(['y', 'z'], 3);
    t.shown(['x', 'z'], 2);
    t.target(['x'], 1, t.meta('x'));
    const result = await t.run();
    expect(result.pins).toMatchObject([{ kind: 'linear-programming', value: 1 }]);
    expect(result.stats.linearPrograms).toBeGreaterThan(0);
  });

  it('leaves a count that appears in no shown figure free', async () => {
    const t = tinySystem(['x', 'y']);
    t.shown(['y'], 7);
    t.target(['x'], 2);
    const result = await t.run();
    expect(result.pins).toEqual([]);
    expect(result.stats.freeTargets).toBe(1);
  });
});
