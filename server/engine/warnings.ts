// Warnings travel with the figures (DOMAIN.md 5.7): a value built from a row that was stored
// with a warning ("charges were more than crimes") carries it on the dashboard, the indicator
// page and in exports. This finds the warnings behind one value in the engine's index: those
// on the rows the value adds up (the area's, or a computed parent's children's, over the
// period's quarters) whose rule reads a column the indicator is built from.
import type { IndicatorDefinition } from '../../schemas/indicators';
import type { Period } from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import type { FigureIndex } from './data';
import type { DisclosureView, FigureWarning } from './disclosure';
import { storedPeriodsOf } from './periods-read';
import type { AreaRegister } from './register';

/** Worked out once per indicator: every shown value asks. */
const columnsRead = new WeakMap<IndicatorDefinition, ReadonlySet<string>>();

/** The columns a value reads: its own, and for a person-based indicator their twelve-month columns. */
function columnsOf(indicator: IndicatorDefinition): ReadonlySet<string> {
  let columns = columnsRead.get(indicator);
  if (!columns) columnsRead.set(indicator, (columns = columnsOfUncached(indicator)));
  return columns;
}

function columnsOfUncached(indicator: IndicatorDefinition): Set<string> {
  const columns = [...indicator.numerator, ...(indicator.denominator.kind === 'columns' ? indicator.denominator.columns : [])];
  const suffix = indicator.counts === 'people' ? findReturnDefinition(indicator.source)?.personColumns?.twelveMonthSuffix : undefined;
  return new Set(suffix === undefined ? columns : [...columns, ...columns.map((c) => `${c}${suffix}`)]);
}

export interface WarningsQuery {
  /** The return type the figures come from: an indicator's `source`, e.g. 'police'. */
  source: string;
  /** The areas whose rows the figure adds up. */
  areas: readonly string[];
  /** The stored periods it adds up: quarters, or a yearly return's financial year. */
  quarters: readonly string[];
  /** The columns it is built from; a warning belongs to it when its rule reads any of them. */
  columns: ReadonlySet<string>;
  /** Only this accommodation type (refuge); null for every type. */
  accommodationType: string | null;
  /** 'suppressed' gets the figure-free sentence, 'unsuppressed' the sender's. */
  view: DisclosureView;
}

/** The warnings on the rows in use that a query's figure is built from, by area, then quarter. */
export function warningsIn(index: FigureIndex, query: WarningsQuery): FigureWarning[] {
  const byArea = index.warnings.get(query.source);
  if (!byArea) return [];
  const found: FigureWarning[] = [];
  for (const area of query.areas) {
    const byQuarter = byArea.get(area);
    if (!byQuarter) continue;
    for (const quarter of query.quarters) {
      for (const w of byQuarter.get(quarter) ?? []) {
        if (query.accommodationType !== null && w.subkey !== query.accommodationType) continue;
        if (!w.reads.some((c) => query.columns.has(c))) continue;
        found.push({
          area,
          quarter,
          accommodationType: w.subkey === '' ? null : w.subkey,
          code: w.code,
          column: w.column,
          message: query.view === 'unsuppressed' ? w.message : w.publicMessage,
        });
      }
    }
  }
  return found;
}

/** The warnings behind one indicator value: its area's rows (a computed parent's children's) over its quarters. */
export function warningsBehind(
  index: FigureIndex,
  register: AreaRegister,
  indicator: IndicatorDefinition,
  area: string,
  period: Period,
  accommodationType: string | null,
  view: DisclosureView,
): FigureWarning[] {
  const children = register.childrenOf(area);
  const areas = children.length > 0 && register.find(area)?.computedFromChildren ? children.map((c) => c.code) : [area];
  return warningsIn(index, { source: indicator.source, areas, quarters: storedPeriodsOf(indicator.source, period), columns: columnsOf(indicator), accommodationType, view });
}
