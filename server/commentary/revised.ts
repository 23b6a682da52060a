// Whether the figures under a comment were revised after it was written. A comment keys on the
// indicator, area and period, not on a submission, so a resubmission leaves it in place; this
// tells the reader that the figure it explains has changed since, and when. The indicator is the
// partnership's (its catalogue holds its own measures as well as the shipped ones) and the rows are
// those the figure is read from: its quarters, or a yearly return's financial year.
import type { IndicatorDefinition } from '../../schemas/indicators';
import { parsePeriodId } from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import type { Db } from '../db/database';
import type { IndicatorCatalogue } from '../engine/catalogue';
import { storedPeriodsOf } from '../engine/periods-read';
import { revisionsOfArea } from '../returns/store';

/** The columns a figure is built from in its return, with the twelve-month counts a person-based year reads. */
export function figureColumns(indicator: IndicatorDefinition): Set<string> {
  const columns = [...indicator.numerator, ...(indicator.denominator.kind === 'columns' ? indicator.denominator.columns : [])];
  const suffix = indicator.counts === 'people' ? findReturnDefinition(indicator.source)?.personColumns?.twelveMonthSuffix : undefined;
  return new Set(suffix === undefined ? columns : [...columns, ...columns.map((c) => `${c}${suffix}`)]);
}

export interface FigureRevision {
  /** The stored period revised: a quarter, or a yearly return's financial year. */
  quarter: string;
  receivedAt: string;
}

/**
 * Every revision (a version after the first) of the rows behind a figure that changed a column it
 * is built from, oldest first. A partnership's own measure is one sub-key of its return: only that
 * measure's rows are behind it.
 */
export async function revisionsOfFigure(db: Db, catalogue: IndicatorCatalogue, partnership: number, indicatorId: string, area: string, periodId: string): Promise<FigureRevision[]> {
  const indicator = catalogue.findFor(partnership, indicatorId);
  const period = parsePeriodId(periodId);
  if (!indicator || !period) return [];
  const columns = figureColumns(indicator);
  const revisions = await revisionsOfArea(db, indicator.source, area, storedPeriodsOf(indicator.source, period));
  return revisions
    .filter((r) => indicator.subkey === undefined || r.subkey === indicator.subkey)
    .filter((r) => r.changed.some((c) => columns.has(c.column)))
    .map((r) => ({ quarter: r.period, receivedAt: r.receivedAt }))
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** What the comment's reader is told: revised after `since`, when last, and which quarters. */
export function revisedSince(revisions: readonly FigureRevision[], since: string) {
  const after = revisions.filter((r) => r.receivedAt > since);
  return {
    revised: after.length > 0,
    lastRevisedAt: after.length > 0 ? after[after.length - 1].receivedAt : null,
    quarters: [...new Set(after.map((r) => r.quarter))].sort(),
  };
}
