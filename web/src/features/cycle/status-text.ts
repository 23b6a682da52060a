// Words and GOV.UK tag colours for each status of a return (DOMAIN.md 5.8), and the sentences
// that say what is overdue or late, as plain data and pure functions.
import type { CycleCell, CycleStatusName } from '../../../../schemas/cycle-api';
import { capitalise, listInWords, plural, returnName } from '../../../../schemas/returns/words';
import { formatDate, shortPeriodLabel } from '../../lib/format';

export const STATUS_TEXT: Record<CycleStatusName, { label: string; tag: string; meaning: string }> = {
  'not-due': { label: 'Not due yet', tag: 'govuk-tag--grey', meaning: 'the quarter has not ended' },
  due: { label: 'Due', tag: 'govuk-tag--blue', meaning: 'the quarter has ended and the deadline has not passed' },
  received: { label: 'Received', tag: 'govuk-tag--turquoise', meaning: 'received by the deadline' },
  late: { label: 'Received late', tag: 'govuk-tag--yellow', meaning: 'first received after the deadline' },
  overdue: { label: 'Overdue', tag: 'govuk-tag--red', meaning: 'not received, and the deadline has passed' },
  'signed-off': { label: 'Signed off', tag: 'govuk-tag--purple', meaning: 'the partner who sent it confirmed it is complete and accurate' },
  approved: { label: 'Approved', tag: 'govuk-tag--green', meaning: 'an analyst approved it; a correction now needs a reason' },
};

/** "30 July 2026" from 2026-07-30. */
export function dueDayText(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The lines under a status tag: when it is due, when it came, who signed it off or approved it. */
export function cellLines(cell: CycleCell): string[] {
  const lines = [`Due ${dueDayText(cell.dueOn)}`];
  if (cell.firstReceivedAt) lines.push(`${cell.receivedLate && cell.status !== 'late' ? 'Received late' : 'Received'} ${formatDate(cell.firstReceivedAt)}`);
  if (cell.lastReceivedAt && cell.firstReceivedAt && cell.lastReceivedAt !== cell.firstReceivedAt) lines.push(`Corrected ${formatDate(cell.lastReceivedAt)}`);
  if (cell.signedOff) lines.push(`Signed off by ${cell.signedOff.by}, ${formatDate(cell.signedOff.at)}`);
  if (cell.approved) lines.push(`Approved by ${cell.approved.by}, ${formatDate(cell.approved.at)}`);
  if (cell.correctedAfterApproval) lines.push('Corrected after approval');
  return lines;
}

export interface LateNotice {
  overdue: { heading: string; items: string[] } | null;
  late: { heading: string; items: string[] } | null;
}

/**
 * What is overdue (not received after its deadline) and what came in late and is not yet signed
 * off or approved, for an area: its own returns, or for a parent area those of the areas in it.
 */
export function lateNotice(cells: readonly CycleCell[], area: { code: string; name: string }, isWithin: (code: string) => boolean): LateNotice {
  const mine = cells.filter((c) => c.area === area.code || isWithin(c.area));
  const named = (c: CycleCell) => {
    const where = c.area === area.code ? '' : ` for ${c.areaName}`;
    return `${capitalise(returnName(c.returnType))}${where}, ${shortPeriodLabel(c.quarter)}`;
  };
  const overdue = mine.filter((c) => c.status === 'overdue');
  const late = mine.filter((c) => c.status === 'late');
  const are = (n: number) => (n === 1 ? 'is' : 'are');
  return {
    overdue:
      overdue.length === 0
        ? null
        : { heading: `${plural(overdue.length, 'return')} ${are(overdue.length)} overdue for ${area.name}`, items: overdue.map((c) => `${named(c)} (due ${dueDayText(c.dueOn)})`) },
    late:
      late.length === 0
        ? null
        : {
            heading: `${plural(late.length, 'return')} came in late for ${area.name}`,
            items: late.map((c) => `${named(c)} (due ${dueDayText(c.dueOn)}, received ${formatDate(c.firstReceivedAt)})`),
          },
  };
}

/** One sentence for the whole notice, for a screen reader's summary or a board paper's data notes. */
export function lateNoticeSentence(notice: LateNotice): string | null {
  const parts = [notice.overdue, notice.late].filter((p) => p !== null).map((p) => `${p.heading}: ${listInWords(p.items)}.`);
  return parts.length ? parts.join(' ') : null;
}
