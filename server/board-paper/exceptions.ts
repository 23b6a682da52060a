// The paper's second section, what a board should look at first: off-track measures; figures that
// changed significantly against the same period a year before (the period's 95% interval
// against last year's value, as the engine judges a quarter against the same quarter a year
// before); returns for the period that came late or have not come; and figures shown in the last
// issued paper that are different now.
import type { z } from 'zod';
import type { ReturnExceptionSchema, SignificantChangeSchema } from '../../schemas/board-paper-api';
import { INDICATORS } from '../../schemas/indicators';
import { parsePeriodId } from '../../schemas/periods';
import { returnName } from '../../schemas/returns/words';
import type { Partnership } from '../../schemas/strategy-api';
import type { CycleCell } from '../../schemas/cycle-api';
import { compareWithBenchmarkValue, DEFAULT_CONFIDENCE_LEVEL } from '../engine/benchmark';
import type { EngineSession } from '../engine/engine';
import { comparablePeriods } from '../engine/trend';
import type { PaperSummary } from './summary';
import { dateText, periodInWords, valueText } from './words';

type SignificantChange = z.infer<typeof SignificantChangeSchema>;
type ReturnException = z.infer<typeof ReturnExceptionSchema>;

export function offTrackMeasures(summary: PaperSummary) {
  return summary.aims.flatMap((aim) =>
    aim.measures
      .filter((m) => m.status === 'off-track')
      .map((m) => ({
        aim: aim.id,
        aimTitle: aim.title,
        measure: m.id,
        indicator: m.indicator,
        indicatorTitle: m.indicatorTitle,
        area: m.area,
        areaName: m.areaName,
        valueText: m.latest.text,
        targetText: m.targetText,
        reason: m.reason,
      })),
  );
}

/** Worse first, then better, then changes in indicators that are not judged. */
const ASSESSMENT_ORDER = { worse: 0, better: 1, higher: 2, lower: 3 } as const;

/**
 * Every catalogue indicator of the partnership's areas whose figure for the period differs
 * significantly from the same period a year before. Both figures are the reader's published
 * ones: a hidden figure on either side is not compared.
 */
export function significantChanges(session: EngineSession, partnership: Partnership, periodId: string, measureKeys: ReadonlySet<string>): SignificantChange[] {
  const [earlier, current] = comparablePeriods(session.period(periodId), 2);
  if (current !== periodId || earlier === undefined) return [];
  const changes: SignificantChange[] = [];
  for (const area of partnership.areas) {
    const areaName = session.register.find(area)?.name ?? area;
    // The catalogue and the partnership's own measures.
    for (const indicator of [...INDICATORS, ...session.catalogue.localOf(partnership.id)]) {
      const now = session.value(indicator, area, periodId);
      if (now.status !== 'ok' || now.value === null) continue;
      const before = session.value(indicator, area, earlier);
      const comparison = compareWithBenchmarkValue(now, before, indicator.polarity, DEFAULT_CONFIDENCE_LEVEL);
      if (comparison.significance !== 'higher' && comparison.significance !== 'lower') continue;
      if (comparison.value === null || comparison.assessment === 'similar' || comparison.assessment === 'not-compared') continue;
      const f = { unit: indicator.unit, decimals: indicator.decimals };
      const valueWords = valueText(now.value, f);
      const earlierWords = valueText(comparison.value, f);
      const direction = comparison.significance === 'higher' ? 'up' : 'down';
      const judged = comparison.assessment === 'better' || comparison.assessment === 'worse' ? ` (${comparison.assessment})` : '';
      changes.push({
        indicator: indicator.id,
        indicatorTitle: indicator.title,
        area,
        areaName,
        period: periodId,
        earlierPeriod: earlier,
        value: now.value,
        earlierValue: comparison.value,
        valueText: valueWords,
        earlierText: earlierWords,
        significance: comparison.significance,
        assessment: comparison.assessment,
        inStrategy: measureKeys.has(`${indicator.id}|${area}`),
        sentence: `${indicator.title}, ${areaName}: ${direction} significantly${judged}, ${valueWords} against ${earlierWords} a year before.`,
      });
    }
  }
  return changes.sort((a, b) => ASSESSMENT_ORDER[a.assessment] - ASSESSMENT_ORDER[b.assessment] || Number(b.inStrategy) - Number(a.inStrategy));
}

/** The grid's late, overdue and not-yet-received returns, in words. */
export function returnExceptions(cells: readonly CycleCell[], register: EngineSession['register']): ReturnException[] {
  const found: ReturnException[] = [];
  for (const cell of cells) {
    const status = cell.status === 'overdue' ? 'overdue' : cell.status === 'due' ? 'due' : cell.receivedLate ? 'late' : null;
    if (status === null) continue;
    // A yearly return's cell is a financial year: named by its label, as a quarter is.
    const label = parsePeriodId(cell.quarter)?.label ?? cell.quarter;
    const areaName = register.find(cell.area)?.name ?? cell.areaName;
    const name = returnName(cell.returnType);
    const what = `The ${name} for ${areaName}, ${periodInWords(cell.quarter)}`;
    const sentence =
      status === 'overdue'
        ? `${what}, is overdue: it was due on ${dateText(cell.dueOn)} and has not been received.`
        : status === 'due'
          ? `${what}, has not been received yet; it is due on ${dateText(cell.dueOn)}.`
          : `${what}, was received late, on ${dateText(cell.firstReceivedAt!)} (due ${dateText(cell.dueOn)}).`;
    found.push({ returnType: cell.returnType, returnName: name, area: cell.area, areaName, quarter: cell.quarter, quarterLabel: label, status, dueOn: cell.dueOn, sentence });
  }
  const order = { overdue: 0, due: 1, late: 2 } as const;
  return found.sort((a, b) => order[a.status] - order[b.status] || a.quarter.localeCompare(b.quarter) || a.returnType.localeCompare(b.returnType));
}
