// Why this exists: a hidden count is only protected if no combination of what is shown gives it
// back. This module is the attacker. Given the linear facts a reader can write down (published
// counts as sums of stored cells, the 1–4 range a "<5" marker implies) and the small counts to
// protect, it decides for each small count whether it is pinned, and says how:
//   - linear programming decides: with every cell a whole number ≥ 0, bound propagation fixes
//     what it can, cells in no remaining fact are free, and HiGHS minimises and maximises each
//     remaining count over its connected component; a count is pinned when one whole number
//     lies between (integrality by rounding);
//   - each pin is then explained, simplest first: "published" (the count itself is shown), or
//     "differencing" (a ± combination of shown counts: a year less its quarters, R12(t) −
//     R12(t−1) + Q(t−4), a parent less its children, all types less each type, denominator −
//     numerator), found by a bounded search that returns the combination; a pin with neither
//     needs the bounds and stays "linear-programming".
// It knows nothing about indicators or areas: tiny hand-made systems test it directly.
import loadHighs from 'highs';
import { combine, formKey, type Fact, type Form, type LinearSystem, type Meta, type Target } from './model';

export type AttackKind = 'published' | 'differencing' | 'linear-programming';

export interface Pin {
  target: Target;
  value: number;
  kind: AttackKind;
  /** For differencing: the shown counts combined, with their signs. */
  witness: Array<{ sign: 1 | -1; meta: Meta; value: number }>;
}

export interface AuditResult {
  checked: number;
  pins: Pin[];
  stats: {
    facts: number;
    bounds: number;
    fixedByPropagation: number;
    freeTargets: number;
    components: number;
    largestComponent: number;
    linearPrograms: number;
    milliseconds: number;
    differencingMilliseconds: number;
  };
  /** Signs that the model does not describe the data (an infeasible system, a pin that is not the truth). */
  errors: string[];
}

const EPS = 1e-6;

// ---------------------------------------------------------------------------------------
// Differencing

interface Row {
  vars: number[];
  coeffs: number[];
  lo: number;
  hi: number;
}

class Differencer {
  private readonly byKey = new Map<string, Fact>();
  private readonly byVar = new Map<number, Fact[]>();

  constructor(facts: readonly Fact[]) {
    for (const f of facts) {
      if (f.form.vars.length === 0) continue;
      this.byKey.set(f.key, f);
      for (const v of f.form.vars) {
        const list = this.byVar.get(v) ?? [];
        list.push(f);
        this.byVar.set(v, list);
      }
    }
  }

  published(form: Form): Fact | undefined {
    return this.byKey.get(formKey(form));
  }

  /** A ± combination of shown counts equal to `form`, or null. `depth` limits the "total less the rest" steps. */
  cover(form: Form, depth: number, budget: { left: number }): Array<[1 | -1, Fact]> | null {
    if (form.vars.length === 0) return [];
    if (--budget.left < 0) return null;
    const direct = this.byKey.get(formKey(form));
    if (direct) return [[1, direct]];
    if (form.coeffs.some((c) => c < 0)) {
      const positive = pick(form, (c) => c > 0);
      const negative = combine([[-1, pick(form, (c) => c < 0)]]);
      const a = this.cover(positive, depth, budget);
      const b = a && this.cover(negative, depth, budget);
      return a && b ? [...a, ...b.map(([s, f]): [1 | -1, Fact] => [s === 1 ? -1 : 1, f])] : null;
    }
    const have = new Map(form.vars.map((v, i) => [v, form.coeffs[i]]));
    const pivot = form.vars.reduce((best, v) => ((this.byVar.get(v)?.length ?? 0) < (this.byVar.get(best)?.length ?? 0) ? v : best));
    const candidates = this.byVar.get(pivot) ?? [];
    // Shown parts of the form, largest first: the form is a part plus the rest.
    const parts = candidates.filter((g) => g.form.vars.every((v, i) => (have.get(v) ?? 0) >= g.form.coeffs[i])).sort((a, b) => b.form.vars.length - a.form.vars.length);
    for (const g of parts.slice(0, 3)) {
      const rest = this.cover(combine([[1, form], [-1, g.form]]), depth, budget);
      if (rest) return [[1, g], ...rest];
    }
    if (depth === 0) return null;
    // Shown totals containing the form, smallest first: the form is the total less the rest.
    const totals = candidates
      .filter((g) => g.form.vars.length > form.vars.length && form.vars.every((v, i) => (g.form.coeffs[g.form.vars.indexOf(v)] ?? 0) >= form.coeffs[i]))
      .sort((a, b) => a.form.vars.length - b.form.vars.length);
    for (const g of totals.slice(0, 3)) {
      const rest = this.cover(combine([[1, g.form], [-1, form]]), depth - 1, budget);
      if (rest) return [[1, g], ...rest.map(([s, f]): [1 | -1, Fact] => [s === 1 ? -1 : 1, f])];
    }
    return null;
  }
}

/**
 * Says how each pin can be had: the count itself shown, or a ± combination of shown counts
 * (searched with the simplest first: parts only, then one total less parts, then two); else it
 * takes the bounds, and the pin stays a linear-programming one. Counts shown as zero are left
 * out of the search: zero is shown, so their cells are known to be zero.
 */
function explainPins(facts: readonly Fact[], pins: readonly Pin[]): Pin[] {
  const zero = new Set<number>();
  for (const f of facts) if (f.value === 0 && f.form.coeffs.every((c) => c > 0)) f.form.vars.forEach((v) => zero.add(v));
  const strip = (form: Form): Form => pick(form, () => true, (v) => !zero.has(v));
  const differencer = new Differencer(facts.map((f) => ({ ...f, form: strip(f.form), key: formKey(strip(f.form)) })));
  return pins.map((pin) => {
    const form = strip(pin.target.form);
    const shown = differencer.published(form);
    if (shown) return { ...pin, kind: 'published', witness: [{ sign: 1, meta: shown.meta, value: shown.value }] };
    let combination: Array<[1 | -1, Fact]> | null = null;
    for (let depth = 0; depth <= 2 && !combination; depth++) combination = simplify(differencer.cover(form, depth, { left: 300 }));
    if (!combination) return pin;
    const value = combination.reduce((sum, [sign, f]) => sum + sign * f.value, 0);
    return { ...pin, value, kind: 'differencing', witness: combination.map(([sign, f]) => ({ sign, meta: f.meta, value: f.value })) };
  });
}

/** Drops a count that the search added and took away again. */
function simplify(combination: Array<[1 | -1, Fact]> | null): Array<[1 | -1, Fact]> | null {
  if (!combination) return null;
  const net = new Map<Fact, number>();
  for (const [sign, f] of combination) net.set(f, (net.get(f) ?? 0) + sign);
  const out: Array<[1 | -1, Fact]> = [];
  for (const [f, times] of net) for (let i = 0; i < Math.abs(times); i++) out.push([times > 0 ? 1 : -1, f]);
  return out.sort((a, b) => b[0] - a[0]);
}

function pick(form: Form, keep: (c: number) => boolean, keepVar: (v: number) => boolean = () => true): Form {
  const vars: number[] = [];
  const coeffs: number[] = [];
  form.vars.forEach((v, i) => {
    if (keep(form.coeffs[i]) && keepVar(v)) {
      vars.push(v);
      coeffs.push(form.coeffs[i]);
    }
  });
  return { vars, coeffs };
}

// ---------------------------------------------------------------------------------------
// Bound propagation (integral, every cell ≥ 0)

class Bounds {
  readonly lo: Float64Array;
  readonly hi: Float64Array;

  constructor(n: number) {
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n).fill(Infinity);
  }

  fixed(v: number): boolean {
    return this.lo[v] === this.hi[v];
  }

  /** Tightens a variable to whole numbers within [lo, hi]; returns whether anything changed. */
  tighten(v: number, lo: number, hi: number, errors: string[]): boolean {
    const l = Math.max(this.lo[v], Math.ceil(lo - EPS));
    const h = Math.min(this.hi[v], Math.floor(hi + EPS));
    if (l > h) {
      if (errors.length < 20) errors.push(`no whole number fits variable ${v}: [${l}, ${h}]`);
      return false;
    }
    const changed = l !== this.lo[v] || h !== this.hi[v];
    this.lo[v] = l;
    this.hi[v] = h;
    return changed;
  }

  range(form: Form, skip = -1): [number, number] {
    let lo = 0;
    let hi = 0;
    form.vars.forEach((v, i) => {
      if (v === skip) return;
      const c = form.coeffs[i];
      lo += c > 0 ? c * this.lo[v] : c * this.hi[v];
      hi += c > 0 ? c * this.hi[v] : c * this.lo[v];
    });
    return [lo, hi];
  }
}

/** Interval propagation over the rows until nothing changes: each variable within what the others leave. */
function propagate(rows: readonly Row[], bounds: Bounds, byVar: Map<number, number[]>, errors: string[]) {
  const queued = new Uint8Array(rows.length).fill(1);
  const queue = rows.map((_, i) => i);
  let steps = 0;
  while (queue.length > 0 && steps++ < 2_000_000) {
    const r = queue.pop()!;
    queued[r] = 0;
    const row = rows[r];
    // The row's activity range, its infinite parts counted apart so one variable can be taken out.
    let lo = 0;
    let hi = 0;
    let loInfinite = 0;
    let hiInfinite = 0;
    const contribution = (i: number): [number, number] => {
      const v = row.vars[i];
      const c = row.coeffs[i];
      return c > 0 ? [c * bounds.lo[v], c * bounds.hi[v]] : [c * bounds.hi[v], c * bounds.lo[v]];
    };
    for (let i = 0; i < row.vars.length; i++) {
      const [a, b] = contribution(i);
      if (Number.isFinite(a)) lo += a;
      else loInfinite++;
      if (Number.isFinite(b)) hi += b;
      else hiInfinite++;
    }
    for (let i = 0; i < row.vars.length; i++) {
      const v = row.vars[i];
      if (bounds.fixed(v)) continue;
      const c = row.coeffs[i];
      const [a, b] = contribution(i);
      const othersLo = Number.isFinite(a) ? (loInfinite > 0 ? -Infinity : lo - a) : loInfinite > 1 ? -Infinity : lo;
      const othersHi = Number.isFinite(b) ? (hiInfinite > 0 ? Infinity : hi - b) : hiInfinite > 1 ? Infinity : hi;
      // row.lo ≤ c·v + others ≤ row.hi
      const x = (row.lo - othersHi) / c;
      const y = (row.hi - othersLo) / c;
      const [vlo, vhi] = c > 0 ? [x, y] : [y, x];
      if (bounds.tighten(v, vlo, vhi, errors)) {
        for (const other of byVar.get(v) ?? []) {
          if (other !== r && !queued[other]) {
            queued[other] = 1;
            queue.push(other);
          }
        }
        // The row's own range changed with v: look at it again.
        if (!queued[r]) {
          queued[r] = 1;
          queue.push(r);
        }
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// The audit

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(a: number): number {
    while (this.parent[a] !== a) {
      this.parent[a] = this.parent[this.parent[a]];
      a = this.parent[a];
    }
    return a;
  }
  union(a: number, b: number) {
    this.parent[this.find(a)] = this.find(b);
  }
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsInstance: Promise<Highs> | null = null;
/** HiGHS compiled to WebAssembly, loaded once from the package (no network). */
export function highs(): Promise<Highs> {
  highsInstance ??= loadHighs();
  return highsInstance;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const oneWholeNumber = (lo: number, hi: number) => Math.ceil(lo - EPS) === Math.floor(hi + EPS);

export async function audit(system: LinearSystem, targets: readonly Target[]): Promise<AuditResult> {
  const started = Date.now();
  const errors: string[] = [];
  const pins: Pin[] = [];
  const n = system.variables.length;

  // Propagation, then linear programming per connected component, over every target; those
  // pinned are then explained (published, or a combination found by differencing).
  const rows: Row[] = [
    ...system.facts.filter((f) => f.form.vars.length > 0).map((f) => ({ vars: f.form.vars, coeffs: f.form.coeffs, lo: f.value, hi: f.value })),
    ...system.bounds.map((b) => ({ vars: b.form.vars, coeffs: b.form.coeffs, lo: b.lo, hi: b.hi })),
  ];
  const rowsByVar = new Map<number, number[]>();
  rows.forEach((row, r) => row.vars.forEach((v) => pushTo(rowsByVar, v, r)));
  const bounds = new Bounds(n);
  propagate(rows, bounds, rowsByVar, errors);
  let fixedByPropagation = 0;
  for (let v = 0; v < n; v++) if (bounds.fixed(v)) fixedByPropagation++;

  // Rows that still tie two or more unknown cells together.
  const live = rows.filter((row) => row.vars.filter((v) => !bounds.fixed(v)).length >= 2);
  const uf = new UnionFind(n);
  const inLive = new Uint8Array(n);
  for (const row of live) {
    const free = row.vars.filter((v) => !bounds.fixed(v));
    free.forEach((v) => (inLive[v] = 1));
    for (let i = 1; i < free.length; i++) uf.union(free[0], free[i]);
  }

  let freeTargets = 0;
  const byComponent = new Map<number, Target[]>();
  for (const t of targets) {
    const [lo, hi] = bounds.range(t.form);
    if (t.truth < lo - EPS || t.truth > hi + EPS) errors.push(`${t.key}: the truth ${t.truth} is outside [${lo}, ${hi}]`);
    if (oneWholeNumber(lo, hi)) {
      pins.push({ target: t, value: Math.round(lo), kind: 'linear-programming', witness: [] });
      continue;
    }
    const unknown = t.form.vars.filter((v) => !bounds.fixed(v));
    // A cell in no remaining row moves on its own over at least two whole numbers: the count is not pinned.
    if (unknown.some((v) => !inLive[v] && bounds.hi[v] - bounds.lo[v] >= 1)) {
      freeTargets++;
      continue;
    }
    // Parts in different components are minimised separately; one component is the common case.
    const roots = new Set(unknown.map((v) => uf.find(v)));
    const root = roots.size === 1 ? [...roots][0] : -1;
    pushTo(byComponent, root, t);
  }

  let largestComponent = 0;
  let linearPrograms = 0;
  if (byComponent.size > 0) {
    const solver = await highs();
    const components = new Map<number, number[]>();
    for (let v = 0; v < n; v++) {
      if (!inLive[v] || bounds.fixed(v)) continue;
      pushTo(components, uf.find(v), v);
    }
    const liveByRoot = new Map<number, Row[]>();
    for (const row of live) {
      const root = uf.find(row.vars.find((v) => !bounds.fixed(v))!);
      pushTo(liveByRoot, root, row);
    }
    for (const [root, componentTargets] of byComponent) {
      // Targets spread over several components (rare) are solved over their union.
      const roots = root === -1 ? [...new Set(componentTargets.flatMap((t) => t.form.vars.filter((v) => !bounds.fixed(v)).map((v) => uf.find(v))))] : [root];
      const cols = roots.flatMap((r) => components.get(r) ?? []);
      const rowsHere = roots.flatMap((r) => liveByRoot.get(r) ?? []);
      largestComponent = Math.max(largestComponent, cols.length);
      const result = solveComponent(solver, cols, rowsHere, bounds, componentTargets, errors);
      linearPrograms += result.linearPrograms;
      for (const [t, value] of result.pinned) pins.push({ target: t, value, kind: 'linear-programming', witness: [] });
    }
  }

  const lpMilliseconds = Date.now() - started;
  const explained = explainPins(system.facts, pins);

  for (const p of explained) if (p.value !== p.target.truth && errors.length < 40) errors.push(`${p.target.key}: pinned at ${p.value} by ${p.kind} but the truth is ${p.target.truth}`);
  return {
    checked: targets.length,
    pins: explained,
    stats: {
      facts: system.facts.length,
      bounds: system.bounds.length,
      fixedByPropagation,
      freeTargets,
      components: byComponent.size,
      largestComponent,
      linearPrograms,
      milliseconds: Date.now() - started,
      differencingMilliseconds: Date.now() - started - lpMilliseconds,
    },
    errors,
  };
}

/**
 * Minimises and maximises each target over one component. Any solution is a point the reader
 * cannot rule out, so a target whose value there is a whole number or more from its truth is
 * not pinned, and needs no program of its own.
 */
function solveComponent(solver: Highs, cols: number[], rows: Row[], bounds: Bounds, targets: Target[], errors: string[]) {
  const index = new Map(cols.map((v, i) => [v, i]));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const row of rows) {
    let constant = 0;
    row.vars.forEach((v, i) => {
      const j = index.get(v);
      if (j === undefined) constant += row.coeffs[i] * bounds.lo[v];
      else {
        indices.push(j);
        values.push(row.coeffs[i]);
      }
    });
    starts.push(indices.length);
    rowLower.push(row.lo - constant);
    rowUpper.push(row.hi - constant);
  }
  const inf = solver.infinity;
  const model = solver.createModel({
    numCols: cols.length,
    numRows: rows.length,
    colCost: new Float64Array(cols.length),
    colLower: cols.map((v) => bounds.lo[v]),
    colUpper: cols.map((v) => (Number.isFinite(bounds.hi[v]) ? bounds.hi[v] : inf)),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: rows.length, numCols: cols.length, starts, indices, values },
  });
  const pinned: Array<[Target, number]> = [];
  let linearPrograms = 0;
  try {
    model.options.set({ output_flag: false });
    const undecided = new Set(targets);
    const valueAt = (t: Target, x: ArrayLike<number>) => t.form.vars.reduce((s, v, i) => s + t.form.coeffs[i] * (index.has(v) ? x[index.get(v)!] : bounds.lo[v]), 0);
    const rule = (x: ArrayLike<number>) => {
      for (const t of undecided) if (Math.abs(valueAt(t, x) - t.truth) >= 1 - EPS) undecided.delete(t);
    };
    const optimise = (t: Target, sense: 'minimize' | 'maximize'): number | null => {
      const cost = new Float64Array(cols.length);
      t.form.vars.forEach((v, i) => index.has(v) && (cost[index.get(v)!] = t.form.coeffs[i]));
      model.changeColsCost({ kind: 'range', from: 0, to: cols.length - 1 }, cost);
      model.changeObjectiveSense(solver.constants.objectiveSense[sense]);
      linearPrograms++;
      model.run();
      const status = model.getModelStatus();
      if (status === solver.constants.modelStatus.optimal) {
        const x = model.getSolution().colValue;
        rule(x);
        return valueAt(t, x);
      }
      if (status === solver.constants.modelStatus.infeasible) errors.push(`component of ${cols.length} cells is infeasible: the model does not fit the data`);
      return null; // unbounded (or a failure): not pinned
    };
    for (const t of targets) {
      if (!undecided.has(t)) continue;
      const lo = optimise(t, 'minimize');
      if (lo === null || !undecided.has(t)) continue;
      const hi = optimise(t, 'maximize');
      if (hi === null || !undecided.has(t)) continue;
      if (oneWholeNumber(lo, hi)) pinned.push([t, Math.round(lo)]);
      undecided.delete(t);
    }
  } finally {
    model.dispose();
  }
  return { pinned, linearPrograms };
}

/**
 * A second opinion on a sample of verdicts, from HiGHS alone on the whole connected part of the
 * system (no presolve of ours): a pin must be the only whole-number solution of the integer
 * program, and a count left unpinned must not be pinned by the plain linear program.
 */
export async function crossCheck(system: LinearSystem, result: AuditResult, targets: readonly Target[], sample: number): Promise<string[]> {
  const solver = await highs();
  const rows: Row[] = [
    ...system.facts.filter((f) => f.form.vars.length > 0).map((f) => ({ vars: f.form.vars, coeffs: f.form.coeffs, lo: f.value, hi: f.value })),
    ...system.bounds.map((b) => ({ vars: b.form.vars, coeffs: b.form.coeffs, lo: b.lo, hi: b.hi })),
  ];
  const byVar = new Map<number, number[]>();
  rows.forEach((row, r) => row.vars.forEach((v) => pushTo(byVar, v, r)));
  const pinned = new Map(result.pins.map((p) => [p.target.key, p.value]));
  const every = <T>(list: T[], n: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
  const chosen = [...every(targets.filter((t) => pinned.has(t.key)), sample), ...every(targets.filter((t) => !pinned.has(t.key)), sample)];
  const disagreements: string[] = [];
  for (const t of chosen) {
    const cols = new Set(t.form.vars);
    const rowSet = new Set<number>();
    const queue = [...cols];
    while (queue.length > 0) {
      for (const r of byVar.get(queue.pop()!) ?? []) {
        if (rowSet.has(r)) continue;
        rowSet.add(r);
        for (const w of rows[r].vars) if (!cols.has(w)) (cols.add(w), queue.push(w));
      }
    }
    const colList = [...cols];
    const index = new Map(colList.map((v, i) => [v, i]));
    const rowList = [...rowSet].map((r) => rows[r]);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of rowList) {
      row.vars.forEach((v, i) => (indices.push(index.get(v)!), values.push(row.coeffs[i])));
      starts.push(indices.length);
    }
    const integer = pinned.has(t.key);
    const range: number[] = [];
    for (const sense of ['minimize', 'maximize'] as const) {
      const cost = new Float64Array(colList.length);
      t.form.vars.forEach((v, i) => (cost[index.get(v)!] = t.form.coeffs[i]));
      const model = solver.createModel({
        numCols: colList.length,
        numRows: rowList.length,
        sense: solver.constants.objectiveSense[sense],
        colCost: cost,
        colLower: new Float64Array(colList.length),
        colUpper: new Float64Array(colList.length).fill(solver.infinity),
        rowLower: rowList.map((r) => r.lo),
        rowUpper: rowList.map((r) => r.hi),
        matrix: { format: 'csr', numRows: rowList.length, numCols: colList.length, starts, indices, values },
        integrality: new Int32Array(colList.length).fill(integer ? 1 : 0),
      });
      try {
        model.options.set({ output_flag: false });
        model.run();
        const optimal = model.getModelStatus() === solver.constants.modelStatus.optimal;
        range.push(optimal ? model.getObjectiveValue() : sense === 'minimize' ? -Infinity : Infinity);
      } finally {
        model.dispose();
      }
    }
    const one = oneWholeNumber(range[0], range[1]);
    if (integer ? !one || Math.round(range[0]) !== pinned.get(t.key) : one) {
      disagreements.push(`${t.key}: audit ${integer ? `pinned ${pinned.get(t.key)}` : 'not pinned'}, HiGHS alone [${range[0]}, ${range[1]}]`);
    }
  }
  return disagreements;
}
