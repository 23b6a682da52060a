// Why this exists: an auditor that only says "pinned" is hard to act on. This module says what
// the disclosure rule costs (the share of figures a board member cannot see, by kind of period
// and for parent areas) and what it leaks (how many small counts were checked, how many were
// pinned, by which attack, with a few worked examples), in one short block for the test log.
import type { AuditResult, Pin } from './attack';
import type { AreaEntry, GatheredValue, PeriodInfo } from './gather';
import { describe as describeMeta, type SystemNotes } from './model';

export interface Share {
  values: number;
  suppressed: number;
}

/**
 * Of the values that have a figure for the analyst, how many the board sees suppressed: overall,
 * by kind of period, and for parent areas.
 */
export function suppressionShares(board: ReadonlyMap<string, GatheredValue>, analyst: ReadonlyMap<string, GatheredValue>, periods: ReadonlyMap<string, PeriodInfo>, areas: ReadonlyMap<string, AreaEntry>) {
  const shares = new Map<string, Share>();
  const count = (group: string, suppressed: boolean) => {
    const s = shares.get(group) ?? { values: 0, suppressed: 0 };
    s.values++;
    if (suppressed) s.suppressed++;
    shares.set(group, s);
  };
  for (const [key, truth] of analyst) {
    if (truth.status !== 'ok') continue;
    const suppressed = board.get(key)?.status === 'suppressed';
    count('all', suppressed);
    count(periods.get(truth.period)!.kind, suppressed);
    if ((areas.get(truth.area)?.children.length ?? 0) > 0) count('parent areas', suppressed);
  }
  return shares;
}

/** The kinds of combination a differencing pin used, read off the counts it combined. */
export function attackTags(pin: Pin): string[] {
  if (pin.kind !== 'differencing') return [pin.kind];
  const t = pin.target.meta;
  const tags = new Set<string>();
  const sides = new Set(pin.witness.map((w) => w.meta.side));
  if (t.side === 'complement' || sides.size > 1) tags.add('denominator − numerator');
  const others = pin.witness.map((w) => w.meta);
  if (others.some((m) => m.area !== t.area)) tags.add('parent − children');
  // A type from the total over types, or a total from two or more types.
  if ((t.type !== null && others.some((m) => m.type === null)) || (t.type === null && new Set(others.filter((m) => m.type !== null).map((m) => m.type)).size > 1)) tags.add('all types − types');
  for (const m of others) {
    if (m.periodKind === 'rolling-year' && m.period !== t.period) tags.add('rolling-year differencing');
    if ((m.periodKind === 'financial-year' || m.periodKind === 'calendar-year') && m.period !== t.period) tags.add('year − quarters');
  }
  if (tags.size === 0) tags.add('other differencing');
  return [...tags];
}

/** A pin written out: the small count, its value, and how it was found. */
export function explain(pin: Pin, maxTerms = 6): string {
  const terms = pin.witness.slice(0, maxTerms).map((w, i) => `${i === 0 ? (w.sign < 0 ? '−' : '') : w.sign < 0 ? ' − ' : ' + '}${describeMeta(w.meta)} (${w.value})`);
  if (pin.witness.length > maxTerms) terms.push(` … (${pin.witness.length - maxTerms} more counts)`);
  const how = pin.kind === 'linear-programming' ? 'only one whole number fits (every cell ≥ 0, "<5" means 1–4)' : terms.join('');
  return `${describeMeta(pin.target.meta)} = ${pin.value}: ${how}`;
}

export function pinsByTag(pins: readonly Pin[]): Map<string, Pin[]> {
  const byTag = new Map<string, Pin[]>();
  for (const p of pins) for (const tag of attackTags(p)) byTag.set(tag, [...(byTag.get(tag) ?? []), p]);
  return byTag;
}

const percent = (s: Share) => `${((100 * s.suppressed) / Math.max(1, s.values)).toFixed(1)}% of ${s.values}`;

export function formatReport(title: string, shares: Map<string, Share> | null, result: AuditResult, notes: SystemNotes, examplesPerTag = 2): string {
  const lines = [`── ${title}`];
  if (shares) {
    const order = ['all', 'quarter', 'financial-year', 'calendar-year', 'rolling-year', 'parent areas'];
    lines.push(`suppressed for the board: ${order.filter((k) => shares.has(k)).map((k) => `${k} ${percent(shares.get(k)!)}`).join('; ')}`);
  }
  const s = result.stats;
  lines.push(
    `small counts checked: ${result.checked}; pinned: ${result.pins.length} ` +
      `(facts ${s.facts}, "<5" bounds ${s.bounds}, cells fixed by propagation ${s.fixedByPropagation}, free ${s.freeTargets}, ` +
      `components ${s.components} (largest ${s.largestComponent} cells), linear programs ${s.linearPrograms}; ${s.milliseconds} ms, of which differencing ${s.differencingMilliseconds})`,
  );
  lines.push(`"<5" markers not used: ${notes.ambiguousHidden} could hide either of two counts (not modelled), ${notes.hiddenNotSmall} hide no small count`);
  for (const [tag, pins] of [...pinsByTag(result.pins)].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${tag}: ${pins.length}`);
    for (const p of pins.slice(0, examplesPerTag)) lines.push(`    e.g. ${explain(p)}`);
  }
  if (result.errors.length > 0) lines.push(`model errors: ${result.errors.slice(0, 5).join(' | ')}`);
  return lines.join('\n');
}
