// What an issued paper showed, kept so that the next paper can list the figures revised since.
// Each figure is kept as both disclosure views showed it at issue, and a reader is compared in
// their own view only: a board member's "revised" list is built from what board members were
// shown then and are shown now, so it never carries a figure hidden from them.
import type { z } from 'zod';
import type { RevisedFigureSchema } from '../../schemas/board-paper-api';
import type { DisclosureView, PublishedValue, ValueStatus } from '../engine/disclosure';
import type { EngineSession, IndicatorEngine } from '../engine/engine';
import { comparablePeriods } from '../engine/trend';
import type { StoredAim } from '../strategy/store';
import { dateText, figureText } from './words';

type RevisedFigure = z.infer<typeof RevisedFigureSchema>;

export interface ShownFigure {
  status: ValueStatus;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface SnapshotEntry {
  indicator: string;
  area: string;
  period: string;
  views: Record<DisclosureView, ShownFigure>;
}

export interface Snapshot {
  figures: SnapshotEntry[];
}

/** The figures a paper for this period shows: each measure's latest, baseline and trend points. */
export function figuresShown(session: EngineSession, aims: readonly StoredAim[], periodId: string): Array<{ indicator: string; area: string; period: string }> {
  const seen = new Map<string, { indicator: string; area: string; period: string }>();
  for (const aim of aims) {
    for (const m of aim.measures) {
      if (!session.catalogue.find(m.indicator)) continue;
      for (const period of [m.baseline, ...comparablePeriods(session.period(periodId))]) seen.set(`${m.indicator}|${m.area}|${period}`, { indicator: m.indicator, area: m.area, period });
    }
  }
  return [...seen.values()];
}

const shown = (v: PublishedValue): ShownFigure => ({ status: v.status, value: v.value, numerator: v.numerator, denominator: v.denominator });

export async function takeSnapshot(engine: IndicatorEngine, aims: readonly StoredAim[], periodId: string): Promise<Snapshot> {
  const sessions = await engine.sessionsInBothViews();
  const figures = figuresShown(sessions.suppressed, aims, periodId).map(({ indicator, area, period }) => {
    const definition = engine.catalogue.find(indicator)!;
    return {
      indicator,
      area,
      period,
      views: { suppressed: shown(sessions.suppressed.value(definition, area, period)), unsuppressed: shown(sessions.unsuppressed.value(definition, area, period)) },
    };
  });
  return { figures };
}

/** Equal as shown: the same status and the same numbers (unrounded values within a hair's breadth). */
function same(a: ShownFigure, b: ShownFigure): boolean {
  const close = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)));
  return a.status === b.status && close(a.value, b.value) && close(a.numerator, b.numerator) && close(a.denominator, b.denominator);
}

/** The figures of an issued paper whose value, in the reader's view, is different now. */
export function revisedSinceIssued(session: EngineSession, snapshot: Snapshot, issuedAt: string): RevisedFigure[] {
  const view = session.policy.view;
  const revised: RevisedFigure[] = [];
  for (const entry of snapshot.figures) {
    const indicator = session.catalogue.find(entry.indicator);
    const before = entry.views[view];
    if (!indicator || !before) continue;
    const now = shown(session.value(indicator, entry.area, entry.period));
    if (same(before, now)) continue;
    const f = { unit: indicator.unit, decimals: indicator.decimals };
    const areaName = session.register.find(entry.area)?.name ?? entry.area;
    const period = session.period(entry.period);
    const beforeText = figureText(before, f);
    const nowText = figureText(now, f);
    revised.push({
      indicator: indicator.id,
      indicatorTitle: indicator.title,
      area: entry.area,
      areaName,
      period: entry.period,
      periodLabel: period.label,
      before: { status: before.status, value: before.status === 'ok' ? before.value : null, text: beforeText },
      now: { status: now.status, value: now.status === 'ok' ? now.value : null, text: nowText },
      sentence:
        beforeText === nowText
          ? `${indicator.title}, ${areaName}, ${period.label}: revised since the paper of ${dateText(issuedAt)}; it still reads ${nowText} when rounded.`
          : `${indicator.title}, ${areaName}, ${period.label}: ${beforeText} in the paper of ${dateText(issuedAt)}, ${nowText} now.`,
    });
  }
  return revised;
}
