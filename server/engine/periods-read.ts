// Which stored rows a dashboard period reads, for each return, from the reporting frequency its
// definition declares (schemas/returns/frequency.ts). A quarterly return's quarter is one stored
// row and any longer period is the sum of its quarters; a yearly return's financial year (or the
// rolling year ending with its Q4, the same months) is one stored row, and a period that is not a
// financial year has no figure: it is never made up from a year.
import { financialYearId, parseQuarterId, type Period } from '../../schemas/periods';
import { findReturnDefinition } from '../../schemas/returns';
import { calendarOfReturn } from '../../schemas/returns/definition';
import type { ReportingCalendar } from '../../schemas/returns/frequency';
import { returnName } from '../../schemas/returns/words';

export type PeriodReading =
  /** One stored period's rows (a quarter, or a yearly return's financial year). */
  | { kind: 'row'; period: string }
  /** The sum of the period's quarters. */
  | { kind: 'quarters'; quarters: readonly string[] }
  /** Nothing: the return is not made for periods like this one; `note` says why. */
  | { kind: 'none'; note: string };

/** The reporting calendar of a source (a return type); quarterly for anything not registered. */
export function calendarOfSource(source: string): ReportingCalendar {
  return calendarOfReturn(findReturnDefinition(source) ?? {});
}

export function readingOf(source: string, period: Period): PeriodReading {
  const calendar = calendarOfSource(source);
  const stored = calendar.storedPeriodFor(period);
  if (stored !== null) return { kind: 'row', period: stored };
  if (calendar.addsUpQuarters) return { kind: 'quarters', quarters: period.quarters };
  const last = parseQuarterId(period.quarters[period.quarters.length - 1])!;
  const what = period.kind === 'quarter' ? 'a quarter' : period.kind === 'calendar-year' ? 'a calendar year' : 'twelve months that are not a financial year';
  return {
    kind: 'none',
    note: `The ${returnName(source)} is made once a year, for a ${calendar.noun} (April to March), so it has no figure for ${what}. Choose a financial year, such as ${financialYearId(last.startYear)}.`,
  };
}

/** The stored periods a period's figures are read from: its rows' periods, or none. */
export function storedPeriodsOf(source: string, period: Period): readonly string[] {
  const reading = readingOf(source, period);
  return reading.kind === 'row' ? [reading.period] : reading.kind === 'quarters' ? reading.quarters : [];
}
