// The paper's last section: what a reader needs to read the figures rightly. How small numbers
// are hidden, why people are not added up, how differences are judged, which returns are late
// or missing, which quarters were corrected after approval, and that demo data is not real.
import type { z } from 'zod';
import type { DataNoteSchema, ReturnExceptionSchema } from '../../schemas/board-paper-api';
import type { CycleCell } from '../../schemas/cycle-api';
import { returnName } from '../../schemas/returns/words';
import type { DisclosurePolicy } from '../engine/disclosure';
import { listInWords, periodBriefly, periodInWords, plural } from './words';

type DataNote = z.infer<typeof DataNoteSchema>;
type ReturnException = z.infer<typeof ReturnExceptionSchema>;
type ReturnStatus = ReturnException['status'];

/**
 * Returns grouped by type and area, each with its quarters: "the MARAC return for Camden for
 * 2025-26 Q1 and 2025-26 Q2; the IDVA service return for Camden for 2025-26 Q2". Empty for none.
 */
function returnsInWords(returns: readonly ReturnException[]): string {
  const groups = new Map<string, { returnName: string; areaName: string; quarters: string[] }>();
  // In time order (ids sort so), each named by its label: a yearly return's year too.
  for (const r of [...returns].sort((a, b) => a.quarter.localeCompare(b.quarter))) {
    const key = `${r.returnType}|${r.area}`;
    const group = groups.get(key) ?? { returnName: r.returnName, areaName: r.areaName, quarters: [] };
    group.quarters.push(periodBriefly(r.quarter));
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => `the ${g.returnName} for ${g.areaName} for ${listInWords(g.quarters)}`).join('; ');
}

export interface DataNoteFacts {
  demo: boolean;
  disclosure: DisclosurePolicy;
  periodLabel: string;
  benchmarkName: string;
  returns: readonly ReturnException[];
  /** The cycle's cells for the partnership's areas and the period's quarters. */
  cells: readonly CycleCell[];
  revisedCount: number;
  lastIssuedAt: string | null;
  areaName: (code: string) => string;
}

export function dataNotes(facts: DataNoteFacts): DataNote[] {
  const notes: DataNote[] = [];
  if (facts.demo) {
    notes.push({
      code: 'demo-data',
      title: 'Demonstration data',
      text: 'Every figure in this paper is synthetic demonstration data, made up to show how the dashboard works. None of it describes real people or services.',
    });
  }
  const small = `1 to ${facts.disclosure.threshold - 1}`;
  notes.push({
    code: 'disclosure',
    title: 'Small numbers',
    text:
      facts.disclosure.view === 'suppressed'
        ? `Counts from ${small} are shown as <${facts.disclosure.threshold}, and a figure built from one (a year that includes a small quarter, a rate over a small count) is hidden, so that nobody can be identified from the figures read alone or together. Zero is shown.`
        : `This copy shows every figure unsuppressed, for analysts and administrators only: do not circulate it. The board's copy hides counts from ${small} and every figure built from them.`,
  });
  notes.push({
    code: 'people-counted-once',
    title: 'People are counted once',
    text: "Victims and perpetrators are distinct people, and someone seen in two quarters is in both, so people are never added across quarters: a year takes the police force's own count of distinct people over its twelve months. Incidents, crimes, cases and referrals are events and do add up.",
  });
  notes.push({
    code: 'comparisons',
    title: 'How differences are judged',
    text: `Figures are for ${facts.periodLabel.charAt(0).toLowerCase()}${facts.periodLabel.slice(1)}. Each is compared with ${facts.benchmarkName} and with the same period a year before using its 95% confidence interval: a difference inside the interval is not called a change. Trends are tested over five points a year apart (the chi-squared test for trend that Fingertips uses).`,
  });
  const groups = (status: ReturnStatus) => returnsInWords(facts.returns.filter((r) => r.status === status));
  const overdue = groups('overdue');
  const due = groups('due');
  const late = groups('late');
  notes.push({
    code: 'late-returns',
    title: 'Late and overdue returns',
    text:
      facts.returns.length === 0
        ? 'Every return for the period arrived by its deadline.'
        : [
            overdue ? `Overdue, not received by the deadline: ${overdue}. Figures that need these returns are incomplete.` : '',
            due ? `Not received yet, before the deadline: ${due}.` : '',
            late ? `Received late: ${late}.` : '',
          ]
            .filter((s) => s !== '')
            .join(' '),
  });
  const corrected = facts.cells.filter((c) => c.correctedAfterApproval);
  if (corrected.length > 0) {
    const items = corrected.map((c) => `the ${returnName(c.returnType)} for ${facts.areaName(c.area)}, ${periodInWords(c.quarter)}`);
    notes.push({
      code: 'corrections-after-approval',
      title: 'Corrections after approval',
      text: `Corrected after an analyst had approved it: ${listInWords(items)}. The sender's reason is shown with the figures and in their revisions on the dashboard.`,
    });
  }
  if (facts.lastIssuedAt !== null) {
    notes.push({
      code: 'revised-figures',
      title: 'Figures revised since the last paper',
      text:
        facts.revisedCount === 0
          ? 'No figure shown in the last paper has changed since it was issued.'
          : `${plural(facts.revisedCount, 'figure')} shown in the last paper ${facts.revisedCount === 1 ? 'has' : 'have'} changed since it was issued, because partners corrected their returns; they are listed under Exceptions.`,
    });
  }
  return notes;
}
