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
import type { AreaRegister } from './register';

/** The columns a value reads: its own, and for a person-based indicator their twelve-month columns. */
function columnsOf(indicator: IndicatorDefinition): Set<string> {
  const columns = [...indicator.numerator, ...(indicator.denominator.kind === 'columns' ? indicator.denominator.columns : [])];
  const suffix = indicator.counts === 'people' ? findReturnDefinition(indicator.source)?.personColumns?.twelveMonthSuffix : undefined;
  return new Set(suffix === undefined ? columns : [...columns, ...columns.map((c) => `${c}${suffix}`)]);
}

export function warningsBehind(
  index: FigureIndex,
  register: AreaRegister,
  indicator: IndicatorDefinition,
  area: string,
  period: Period,
  accommodationType: string | null,
  view: DisclosureView,
): FigureWarning[] {
  const byArea = index.warnings.get(indicator.source);
  if (!byArea) return [];
  const children = register.childrenOf(area);
  const areas = children.length > 0 && register.find(area)?.computedFromChildren ? children.map((c) => c.code) : [area];
  const columns = columnsOf(indicator);
  const found: FigureWarning[] = [];
  for (const code of areas) {
    const byQuarter = byArea.get(code);
    if (!byQuarter) continue;
    for (const quarter of period.quarters) {
      for (const w of byQuarter.get(quarter) ?? []) {
        if (accommodationType !== null && w.subkey !== accommodationType) continue;
        if (!w.reads.some((c) => columns.has(c))) continue;
        found.push({
          area: code,
          quarter,
          accommodationType: w.subkey === '' ? null : w.subkey,
          code: w.code,
          column: w.column,
          message: view === 'unsuppressed' ? w.message : w.publicMessage,
        });
      }
    }
  }
  return found;
}
