// The target in the words the partnership page will use for it (lib/strategy.ts targetWords), so
// the person setting it reads what the board will read; nothing while it is not complete.
import type { Indicator } from '../../api/indicators';
import { targetWords } from '../../lib/strategy';
import type { UnitSubject } from '../../lib/units';
import { parseNumber, targetInput, type TargetDraft } from './draft';

/** Without an indicator chosen yet, values are written as plain numbers with one decimal place. */
const PLAIN: UnitSubject = { unit: '', decimals: 1 };

export function subjectOf(indicator: Indicator | undefined): UnitSubject {
  return indicator ? { unit: indicator.unit, decimals: indicator.decimals, denominator: indicator.denominator } : PLAIN;
}

/** Whether the builder holds enough for the target to be stated. */
export function isComplete(target: TargetDraft): boolean {
  switch (target.kind) {
    case 'value':
      return parseNumber(target.value) !== null && target.by !== '' && target.direction !== '';
    case 'direction':
      return target.direction !== '';
    case 'range': {
      const low = target.low.trim() === '' ? null : parseNumber(target.low);
      const high = target.high.trim() === '' ? null : parseNumber(target.high);
      const typedBadly = (target.low.trim() !== '' && low === null) || (target.high.trim() !== '' && high === null);
      return !typedBadly && (low !== null || high !== null);
    }
    case 'benchmark':
      return true;
  }
}

/**
 * "At least 9.0% by 2023-24", "Lower than Thames Valley"; null while incomplete. A benchmark
 * target without a direction reads "Better than …", as the page says it.
 */
export function targetPreview(target: TargetDraft, indicator: Indicator | undefined, benchmarkName: string): string | null {
  if (!isComplete(target)) return null;
  return targetWords(targetInput(target), subjectOf(indicator), benchmarkName);
}
